package io.omnireach.app.e2e;

import io.omnireach.testing.TestCertificates;
import io.omnireach.tls.PemKeyStore;
import java.nio.file.Path;

/**
 * Run by the build before the end-to-end server starts (exec-maven-plugin): a self-signed
 * certificate for localhost as PEM files ({@code tls.crt}, {@code tls.key}, PKCS#1 as cert-manager
 * writes it), turned into the server's HTTPS keystore by the same {@link PemKeyStore} that {@code
 * ./omnireach} and the container's entrypoint use. HttpsIT trusts {@code tls.crt}.
 */
public final class E2eCertificate {

  private E2eCertificate() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    TestCertificates.Pem pem = TestCertificates.localhost(dir, true);
    PemKeyStore.write(
        pem.cert(), pem.key(), dir.resolve("omnireach-tls.p12"), args[1].toCharArray());
    System.out.println("End-to-end HTTPS certificate in " + dir);
  }
}
