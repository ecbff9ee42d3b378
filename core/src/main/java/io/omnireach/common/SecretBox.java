package io.omnireach.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets at rest and signed tokens from one 32-byte master key. Encryption is AES-256-GCM ({@link
 * Aead}), stored as base64 of {@code IV || ciphertext || tag}. Signing is HMAC-SHA256 under a key
 * derived from the master key for each purpose, so a signature made for one purpose never verifies
 * for another.
 */
public final class SecretBox {

  private final SecretKeySpec key;
  private final java.util.Map<String, SecretKeySpec> purposeKeys =
      new java.util.concurrent.ConcurrentHashMap<>();

  public SecretBox(byte[] masterKey) {
    this.key = Aead.key(masterKey, "The master key");
  }

  /** A box from a base64 key (the form of {@code omnireach.secrets.master-key}). */
  public static SecretBox fromBase64(String base64Key) {
    return new SecretBox(Base64.getDecoder().decode(base64Key.trim()));
  }

  /** 32 random bytes, base64: a new master key. */
  public static String newKey() {
    return Base64.getEncoder().encodeToString(Aead.newKey());
  }

  public String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    return Base64.getEncoder()
        .encodeToString(Aead.seal(key, plain.getBytes(StandardCharsets.UTF_8), null));
  }

  /** The plain text; fails when the value was not sealed with this key or was changed. */
  public String decrypt(String sealed) {
    if (sealed == null) {
      return null;
    }
    try {
      return new String(
          Aead.open(key, Base64.getDecoder().decode(sealed), null), StandardCharsets.UTF_8);
    } catch (AEADBadTagException | IllegalArgumentException e) {
      throw new IllegalStateException("A stored secret cannot be decrypted with this key.", e);
    }
  }

  /** Base64url (no padding) HMAC-SHA256 of {@code data} under the key for {@code purpose}. */
  public String sign(String purpose, String data) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(purpose, data));
  }

  /** Constant-time check of a signature made by {@link #sign}. */
  public boolean verify(String purpose, String data, String signature) {
    if (signature == null) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(purpose, data).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] mac(String purpose, String data) {
    try {
      // the purpose key is derived once per purpose (tokens are signed for every link of a mail)
      SecretKeySpec purposeKey =
          purposeKeys.computeIfAbsent(
              purpose,
              p -> {
                try {
                  Mac derive = Mac.getInstance("HmacSHA256");
                  derive.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
                  return new SecretKeySpec(
                      derive.doFinal(("omnireach:" + p).getBytes(StandardCharsets.UTF_8)),
                      "HmacSHA256");
                } catch (GeneralSecurityException e) {
                  throw new IllegalStateException("HmacSHA256 is not available", e);
                }
              });
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(purposeKey);
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
