package io.omnireach.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;

/**
 * A throw-away self-signed certificate for localhost / 127.0.0.1 as PEM files, made with the JDK's
 * keytool (what an operator gets from a CA or cert-manager, in the same formats).
 */
public final class TestCertificates {

  private static final char[] PASSWORD = "changeit".toCharArray();

  private TestCertificates() {}

  /** The PEM files: {@code tls.crt}, {@code tls.key} (PKCS#1 RSA when {@code pkcs1}). */
  public record Pem(Path cert, Path key, X509Certificate certificate) {}

  public static Pem localhost(Path dir, boolean pkcs1) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path generated = dir.resolve("generated.p12");
    Files.deleteIfExists(generated);
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "test",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "7",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore",
                generated.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (keytool.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    try (InputStream in = Files.newInputStream(generated)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD);
      X509Certificate cert = (X509Certificate) store.getCertificate("test");
      PrivateKey key = (PrivateKey) store.getKey("test", PASSWORD);
      Path certFile =
          Files.writeString(dir.resolve("tls.crt"), pem("CERTIFICATE", cert.getEncoded()));
      byte[] pkcs8 = key.getEncoded();
      Path keyFile =
          Files.writeString(
              dir.resolve("tls.key"),
              pkcs1 ? pem("RSA PRIVATE KEY", pkcs1Of(pkcs8)) : pem("PRIVATE KEY", pkcs8));
      return new Pem(certFile, keyFile, cert);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } finally {
      Files.deleteIfExists(generated);
    }
  }

  /** The PKCS#1 key inside an RSA PKCS#8 one: the content of its last OCTET STRING. */
  static byte[] pkcs1Of(byte[] pkcs8) {
    // 30 82 LL LL | 02 01 00 | 30 0d (rsaEncryption, NULL) | 04 82 LL LL <pkcs1>
    int at = 4 + 3 + 15;
    if (pkcs8[at] != 0x04 || pkcs8[at + 1] != (byte) 0x82) {
      throw new IllegalStateException("unexpected PKCS#8 layout");
    }
    int length = ((pkcs8[at + 2] & 0xff) << 8) | (pkcs8[at + 3] & 0xff);
    return Arrays.copyOfRange(pkcs8, at + 4, at + 4 + length);
  }

  public static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
