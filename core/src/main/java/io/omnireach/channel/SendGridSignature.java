package io.omnireach.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * SendGrid's Signed Event Webhook, checked with the JDK alone: an ECDSA (P-256, SHA-256) signature,
 * base64 DER in {@code X-Twilio-Email-Event-Webhook-Signature}, over the bytes of the {@code
 * X-Twilio-Email-Event-Webhook-Timestamp} header followed by the raw body, verified with the public
 * key SendGrid shows for the account (base64 DER, "SubjectPublicKeyInfo"). The SDK's own helper
 * needs the BouncyCastle provider, which we do not ship.
 */
public final class SendGridSignature {

  public static final String SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
  public static final String TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

  private SendGridSignature() {}

  /**
   * The verification key as SendGrid shows it (base64 DER; a PEM block is accepted too).
   *
   * @throws IllegalArgumentException when it is not an EC public key on P-256
   */
  public static ECPublicKey publicKey(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("no key");
    }
    String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s+", "");
    try {
      PublicKey key =
          KeyFactory.getInstance("EC")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
      ECPublicKey ec = (ECPublicKey) key;
      if (ec.getParams().getCurve().getField().getFieldSize() != 256) {
        throw new IllegalArgumentException("not a P-256 key");
      }
      return ec;
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not an EC public key", e);
    }
  }

  /** Whether {@code signature} signs timestamp + body under {@code key}; false for any junk. */
  public static boolean verify(
      PublicKey key, String timestamp, byte[] body, String signatureBase64) {
    if (key == null || timestamp == null || body == null || signatureBase64 == null) {
      return false;
    }
    try {
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initVerify(key);
      ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
      ecdsa.update(body);
      return ecdsa.verify(Base64.getDecoder().decode(signatureBase64.strip()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false; // bad base64 or a malformed DER signature
    }
  }
}
