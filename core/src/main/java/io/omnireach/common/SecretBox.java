package io.omnireach.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets at rest and signed tokens from one 32-byte master key. Encryption is AES-256-GCM with a
 * fresh 12-byte random IV per value, stored as base64 of {@code IV || ciphertext || tag}. Signing
 * is HMAC-SHA256 under a key derived from the master key for each purpose, so a signature made for
 * one purpose never verifies for another.
 */
public final class SecretBox {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final java.util.Map<String, SecretKeySpec> purposeKeys =
      new java.util.concurrent.ConcurrentHashMap<>();

  public SecretBox(byte[] masterKey) {
    if (masterKey == null || masterKey.length != 32) {
      throw new IllegalArgumentException("The master key must be 32 bytes.");
    }
    this.key = new SecretKeySpec(masterKey.clone(), "AES");
  }

  /** A box from a base64 key (the form of {@code omnireach.secrets.master-key}). */
  public static SecretBox fromBase64(String base64Key) {
    return new SecretBox(Base64.getDecoder().decode(base64Key.trim()));
  }

  /** 32 random bytes, base64: a new master key. */
  public static String newKey() {
    byte[] k = new byte[32];
    RANDOM.nextBytes(k);
    return Base64.getEncoder().encodeToString(k);
  }

  public String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** The plain text; fails when the value was not sealed with this key or was changed. */
  public String decrypt(String sealed) {
    if (sealed == null) {
      return null;
    }
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      return new String(
          cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
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
