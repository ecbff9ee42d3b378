package io.omnireach.ai;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts tenants' provider API keys at rest with AES-256-GCM under the operator's master key.
 * Each encryption draws a fresh random 12-byte IV; the output is IV followed by ciphertext and the
 * 128-bit tag. The tenant's schema is bound in as associated data, so a ciphertext copied into
 * another tenant's row does not decrypt.
 */
public final class KeyCipher {

  public static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public KeyCipher(byte[] masterKey) {
    if (masterKey == null || masterKey.length != KEY_BYTES) {
      throw new IllegalArgumentException("The AI master key must be " + KEY_BYTES + " bytes.");
    }
    this.key = new SecretKeySpec(masterKey.clone(), "AES");
  }

  /** From base64 text, as in {@code omnireach.ai.master-key}. */
  public static KeyCipher fromBase64(String masterKey) {
    try {
      return new KeyCipher(Base64.getDecoder().decode(masterKey.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "omnireach.ai.master-key must be " + KEY_BYTES + " random bytes in base64.", e);
    }
  }

  /** A new random master key, base64. */
  public static String newMasterKey() {
    byte[] bytes = new byte[KEY_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  public byte[] encrypt(String plaintext, String context) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, context);
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** Throws {@link IllegalStateException} when the data was altered or the key is another. */
  public String decrypt(byte[] sealed, String context) {
    if (sealed == null || sealed.length < IV_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("The stored API key is damaged.");
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, IV_BYTES), context);
      byte[] plain = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException(
          "The stored API key cannot be decrypted: it was altered or the master key changed.", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private Cipher cipher(int mode, byte[] iv, String context) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
