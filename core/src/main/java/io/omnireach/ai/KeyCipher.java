package io.omnireach.ai;

import io.omnireach.common.Aead;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts tenants' provider API keys at rest with AES-256-GCM ({@link Aead}) under the operator's
 * master key. The tenant's schema is bound in as associated data, so a ciphertext copied into
 * another tenant's row does not decrypt.
 */
public final class KeyCipher {

  public static final int KEY_BYTES = Aead.KEY_BYTES;

  private final SecretKeySpec key;

  /** A key that sealed earlier values: tried when {@link #key} cannot open one; never sealing. */
  private final SecretKeySpec previous;

  public KeyCipher(byte[] masterKey) {
    this(Aead.key(masterKey, "The master key"), null);
  }

  private KeyCipher(SecretKeySpec key, SecretKeySpec previous) {
    this.key = key;
    this.previous = previous;
  }

  /** This cipher, also opening values sealed under {@code previousKey} (a former master key). */
  public KeyCipher withPreviousKey(byte[] previousKey) {
    return new KeyCipher(key, Aead.key(previousKey, "The previous master key"));
  }

  /** From base64 text, as in {@code omnireach.master-key}. */
  public static KeyCipher fromBase64(String masterKey) {
    try {
      return new KeyCipher(Base64.getDecoder().decode(masterKey.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The master key must be " + KEY_BYTES + " random bytes in base64.", e);
    }
  }

  /** A new random master key, base64. */
  public static String newMasterKey() {
    return Base64.getEncoder().encodeToString(Aead.newKey());
  }

  public byte[] encrypt(String plaintext, String context) {
    return Aead.seal(key, plaintext.getBytes(StandardCharsets.UTF_8), aad(context));
  }

  /** Throws {@link IllegalStateException} when the data was altered or the key is another. */
  public String decrypt(byte[] sealed, String context) {
    try {
      return new String(open(sealed, context), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The stored API key is damaged.", e);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException(
          "The stored API key cannot be decrypted: it was altered or the master key changed.", e);
    }
  }

  private byte[] open(byte[] sealed, String context) throws AEADBadTagException {
    try {
      return Aead.open(key, sealed, aad(context));
    } catch (AEADBadTagException e) {
      if (previous == null) {
        throw e;
      }
      return Aead.open(previous, sealed, aad(context));
    }
  }

  private static byte[] aad(String context) {
    return context.getBytes(StandardCharsets.UTF_8);
  }
}
