package io.omnireach.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256 (hex) of a normalised email or phone: what is kept of a person erased at their request
 * (GDPR), so their address can be recognised without being readable. The SQL forms compute the same
 * value in PostgreSQL.
 */
public final class ContactHashes {

  /** SQL of {@link #email} over a column or parameter ({@code %s}). */
  public static final String EMAIL_SQL =
      "encode(sha256(convert_to(lower(btrim(%s)), 'UTF8')), 'hex')";

  /** SQL of {@link #phone} over a column or parameter ({@code %s}). */
  public static final String PHONE_SQL =
      "encode(sha256(convert_to(regexp_replace(%s, '[^0-9+]', '', 'g'), 'UTF8')), 'hex')";

  private ContactHashes() {}

  /** Of the trimmed, lower-cased email; null for none. */
  public static String email(String email) {
    return email == null || email.isBlank() ? null : sha256(email.strip().toLowerCase(Locale.ROOT));
  }

  /** Of the phone's digits and + signs; null when it has no digits. */
  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("[^0-9+]", "");
    return digits.replace("+", "").isEmpty() ? null : sha256(digits);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
