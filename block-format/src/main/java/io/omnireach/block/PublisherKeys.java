package io.omnireach.block;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 publisher keys (the JDK's own EdDSA provider, no extra library): generate, write as PEM
 * (PKCS#8 private, SPKI public — what {@code openssl genpkey -algorithm ed25519} writes), read
 * back.
 */
public final class PublisherKeys {

  private static final String PRIVATE = "PRIVATE KEY";
  private static final String PUBLIC = "PUBLIC KEY";

  private PublisherKeys() {}

  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(BlockSignature.ED25519).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no Ed25519", e);
    }
  }

  public static String privatePem(PrivateKey key) {
    return pem(PRIVATE, key.getEncoded());
  }

  public static String publicPem(PublicKey key) {
    return pem(PUBLIC, key.getEncoded());
  }

  /** Base64 SPKI, as a block's signature carries it. */
  public static String publicBase64(PublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  public static PrivateKey readPrivate(String pem) {
    try {
      return KeyFactory.getInstance(BlockSignature.ED25519)
          .generatePrivate(new PKCS8EncodedKeySpec(der(pem, PRIVATE)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new BlockFormatException("not an Ed25519 private key in PEM (PKCS#8)", e);
    }
  }

  /** Reads a PEM public key or the bare base64 SPKI a signature carries. */
  public static PublicKey readPublic(String pemOrBase64) {
    try {
      byte[] der =
          pemOrBase64.contains("-----BEGIN")
              ? der(pemOrBase64, PUBLIC)
              : Base64.getDecoder().decode(pemOrBase64.strip());
      return KeyFactory.getInstance(BlockSignature.ED25519)
          .generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new BlockFormatException("not an Ed25519 public key (PEM or base64 SPKI)", e);
    }
  }

  /** First 16 hex digits of the SHA-256 of the key's SPKI bytes. */
  public static String keyId(String publicKeyBase64) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Base64.getDecoder().decode(publicKeyBase64.strip()));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new BlockFormatException("signature.publicKey is not base64", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static byte[] der(String pem, String type) {
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("no " + type + " PEM block");
    }
    return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
  }
}
