package io.omnireach.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature every delivery carries, in the scheme receivers know from Stripe: header {@code
 * X-OmniReach-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" under the secret>}. The
 * timestamp lets a receiver refuse replays; {@link #verify} is what a receiver in Java would do.
 */
public final class WebhookSignature {

  public static final String HEADER = "X-OmniReach-Signature";

  private WebhookSignature() {}

  public static String header(String secret, Instant at, String body) {
    long t = at.getEpochSecond();
    return "t=" + t + ",v1=" + hmac(secret, t + "." + body);
  }

  /** Whether {@code header} signs {@code body} under {@code secret} within {@code tolerance}. */
  public static boolean verify(
      String secret, String header, String body, Instant now, Duration tolerance) {
    if (header == null) {
      return false;
    }
    Long t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length == 2 && kv[0].equals("t")) {
        try {
          t = Long.parseLong(kv[1]);
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (kv.length == 2 && kv[0].equals("v1")) {
        v1 = kv[1];
      }
    }
    if (t == null || v1 == null) {
      return false;
    }
    if (Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(tolerance) > 0) {
      return false;
    }
    return MessageDigest.isEqual(
        hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII),
        v1.getBytes(StandardCharsets.US_ASCII));
  }

  private static String hmac(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
