package io.omnireach.block;

/**
 * A publisher's signature over a block's canonical bytes.
 *
 * @param algorithm always {@code Ed25519}
 * @param publicKey the publisher's public key, base64 of its X.509 SubjectPublicKeyInfo (DER)
 * @param value the signature, base64
 */
public record BlockSignature(String algorithm, String publicKey, String value) {

  public static final String ED25519 = "Ed25519";

  /** A short, stable name of the key (what a trust list and the UI show). */
  public String keyId() {
    return PublisherKeys.keyId(publicKey);
  }
}
