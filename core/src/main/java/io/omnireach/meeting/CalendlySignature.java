package io.omnireach.meeting;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Calendly's webhook signature: the header {@code Calendly-Webhook-Signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256 of "t.body" under the subscription's signing key>}. A signature older (or
 * newer) than the tolerance is refused, so a captured delivery cannot be replayed later.
 */
public final class CalendlySignature {

  /** Calendly's documented tolerance: three minutes. */
  public static final Duration TOLERANCE = Duration.ofSeconds(180);

  public static final String HEADER = "Calendly-Webhook-Signature";

  /** What a check found. */
  public enum Result {
    VALID,
    /** No header, or not of the form {@code t=…,v1=…}. */
    MALFORMED,
    /** Not signed with this key (or the body was changed). */
    MISMATCH,
    /** Signed with this key, but outside the tolerance: a replay or a badly wrong clock. */
    STALE
  }

  /** The parts of the header; null when it is not {@code t=<digits>,v1=<hex>}. */
  record Parsed(long t, String v1) {}

  private CalendlySignature() {}

  public static Result verify(
      String header, byte[] body, String signingKey, Instant now, Duration tolerance) {
    Parsed p = parse(header);
    if (p == null) {
      return Result.MALFORMED;
    }
    byte[] expected = hmac(signingKey, p.t(), body);
    byte[] given;
    try {
      given = HexFormat.of().parseHex(p.v1());
    } catch (IllegalArgumentException e) {
      return Result.MALFORMED;
    }
    if (!MessageDigest.isEqual(expected, given)) {
      return Result.MISMATCH;
    }
    long age = now.getEpochSecond() - p.t();
    return Math.abs(age) > tolerance.toSeconds() ? Result.STALE : Result.VALID;
  }

  /** The header Calendly would send for this body at {@code t} (tests and the local fake). */
  public static String header(String signingKey, long t, byte[] body) {
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(signingKey, t, body));
  }

  static Parsed parse(String header) {
    if (header == null) {
      return null;
    }
    Long t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length != 2) {
        return null;
      }
      if (kv[0].equals("t") && kv[1].matches("[0-9]{1,12}")) {
        t = Long.parseLong(kv[1]);
      } else if (kv[0].equals("v1") && kv[1].matches("[0-9a-fA-F]{64}")) {
        v1 = kv[1];
      }
    }
    return t == null || v1 == null ? null : new Parsed(t, v1);
  }

  private static byte[] hmac(String key, long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
