package io.omnireach.common;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM, the one place it is done: a fresh random 12-byte IV per value, output {@code IV ||
 * ciphertext || 128-bit tag}, optional associated data (bound in, not stored). Used by {@link
 * SecretBox} (mailbox passwords) and the AI key cipher (tenant API keys).
 */
public final class Aead {

  public static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Aead() {}

  /** An AES key from 32 bytes; {@code what} names the key in the error. */
  public static SecretKeySpec key(byte[] bytes, String what) {
    if (bytes == null || bytes.length != KEY_BYTES) {
      throw new IllegalArgumentException(what + " must be " + KEY_BYTES + " bytes.");
    }
    return new SecretKeySpec(bytes.clone(), "AES");
  }

  /** 32 random bytes: a new key. */
  public static byte[] newKey() {
    byte[] k = new byte[KEY_BYTES];
    RANDOM.nextBytes(k);
    return k;
  }

  public static byte[] seal(SecretKeySpec key, byte[] plain, byte[] associated) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, iv, associated).doFinal(plain);
      return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * The plain bytes.
   *
   * @throws AEADBadTagException when the value was altered, sealed under another key or with other
   *     associated data
   * @throws IllegalArgumentException when the value is too short to be sealed
   */
  public static byte[] open(SecretKeySpec key, byte[] sealed, byte[] associated)
      throws AEADBadTagException {
    if (sealed == null || sealed.length < IV_BYTES + TAG_BITS / 8) {
      throw new IllegalArgumentException("Too short to be an AES-GCM value.");
    }
    try {
      byte[] iv = java.util.Arrays.copyOf(sealed, IV_BYTES);
      return cipher(Cipher.DECRYPT_MODE, key, iv, associated)
          .doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private static Cipher cipher(int mode, SecretKeySpec key, byte[] iv, byte[] associated)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
    if (associated != null) {
      cipher.updateAAD(associated);
    }
    return cipher;
  }
}
