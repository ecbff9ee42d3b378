package io.omnireach.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The RS256 key pair that signs and verifies access tokens. Read from {@code jwt-private.pem} and
 * {@code jwt-public.pem} in the key directory; generated there once when both are missing. All
 * replicas must share the directory (a Kubernetes Secret in Helm).
 */
public final class JwtKeys {

  private static final Logger LOG = Logger.getLogger(JwtKeys.class.getName());
  private static volatile JwtKeys instance;

  private final RSAPrivateKey privateKey;
  private final RSAPublicKey publicKey;
  private final String publicKeyPem;

  private JwtKeys(RSAPrivateKey privateKey, RSAPublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.publicKeyPem = pem("PUBLIC KEY", publicKey.getEncoded());
  }

  /** The process-wide keys, loaded or generated on first use. */
  public static JwtKeys get() {
    JwtKeys keys = instance;
    if (keys == null) {
      synchronized (JwtKeys.class) {
        if (instance == null) {
          instance = loadOrCreate(keyDirectory());
        }
        keys = instance;
      }
    }
    return keys;
  }

  /**
   * {@code OMNIREACH_JWT_KEY_DIR}, else {@code <server output dir>/omnireach-keys}, else {@code
   * ~/.omnireach/keys}. Read from the environment directly: MP Config asks for the public key while
   * it is itself being built.
   */
  static Path keyDirectory() {
    String configured = System.getenv("OMNIREACH_JWT_KEY_DIR");
    if (configured == null || configured.isBlank()) {
      configured = System.getProperty("omnireach.jwt.key-dir");
    }
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String serverOutput = System.getProperty("server.output.dir");
    if (serverOutput != null) {
      return Path.of(serverOutput, "omnireach-keys");
    }
    return Path.of(System.getProperty("user.home"), ".omnireach", "keys");
  }

  static JwtKeys loadOrCreate(Path dir) {
    Path privatePem = dir.resolve("jwt-private.pem");
    Path publicPem = dir.resolve("jwt-public.pem");
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      if (Files.exists(privatePem) && Files.exists(publicPem)) {
        return new JwtKeys(
            (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der(privatePem))),
            (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der(publicPem))));
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Files.createDirectories(dir);
      write(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      write(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      LOG.info("Generated a new JWT signing key pair in " + dir);
      return new JwtKeys((RSAPrivateKey) pair.getPrivate(), (RSAPublicKey) pair.getPublic());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write JWT keys in " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Invalid JWT key files in " + dir, e);
    }
  }

  public RSAPrivateKey privateKey() {
    return privateKey;
  }

  public RSAPublicKey publicKey() {
    return publicKey;
  }

  public String publicKeyPem() {
    return publicKeyPem;
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system; rely on the directory's permissions
    }
  }

  private static byte[] der(Path pemFile) throws IOException {
    String body =
        Files.readString(pemFile, StandardCharsets.US_ASCII)
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
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
}
