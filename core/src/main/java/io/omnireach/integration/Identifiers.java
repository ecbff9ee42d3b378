package io.omnireach.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Normalises and hashes a person's identifiers the way ad platforms match them (Meta's customer
 * file rules): emails trimmed and lower-cased; phones as digits only with the country code, no
 * leading {@code +} or {@code 00}; then SHA-256, lower-case hex. Raw values never leave the server.
 */
public final class Identifiers {

  private Identifiers() {}

  /** The hash of a normalised email, or null when there is none. */
  public static String emailHash(String email) {
    if (email == null || email.isBlank() || !email.contains("@")) {
      return null;
    }
    return io.omnireach.common.ContactHashes.email(email);
  }

  /** The hash of a normalised phone (E.164 without the plus), or null when too short to match. */
  public static String phoneHash(String phone) {
    String digits = normalisePhone(phone);
    return digits == null ? null : sha256(digits);
  }

  static String normalisePhone(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("[^0-9]", "");
    if (phone.strip().startsWith("00")) {
      digits = digits.substring(2);
    }
    digits = digits.replaceFirst("^0+", "");
    // without a country code a national number cannot be matched; E.164 has 8 to 15 digits
    return digits.length() < 8 || digits.length() > 15 ? null : digits;
  }

  public static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
