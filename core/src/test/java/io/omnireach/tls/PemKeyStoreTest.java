package io.omnireach.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.testing.TestCertificates;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeyStoreTest {

  @TempDir Path dir;

  @Test
  void a_pkcs8_key_and_its_certificate_become_a_keystore_whose_key_signs_for_the_certificate()
      throws Exception {
    TestCertificates.Pem pem = TestCertificates.localhost(dir.resolve("pkcs8"), false);
    assertThat(Files.readString(pem.key())).startsWith("-----BEGIN PRIVATE KEY-----");

    KeyStore store = written(pem);

    assertThat(store.getCertificate(PemKeyStore.ALIAS)).isEqualTo(pem.certificate());
    assertSignsFor(store);
  }

  @Test
  void a_pkcs1_rsa_key_as_cert_manager_writes_it_is_read_too() throws Exception {
    TestCertificates.Pem pem = TestCertificates.localhost(dir.resolve("pkcs1"), true);
    assertThat(Files.readString(pem.key())).startsWith("-----BEGIN RSA PRIVATE KEY-----");

    assertSignsFor(written(pem));
  }

  @Test
  void files_without_a_key_or_a_certificate_are_refused_with_a_reason() throws Exception {
    TestCertificates.Pem one = TestCertificates.localhost(dir.resolve("one"), false);
    TestCertificates.Pem other = TestCertificates.localhost(dir.resolve("other"), false);
    Files.writeString(one.key(), "not a key");

    assertThatThrownBy(
            () ->
                PemKeyStore.write(one.cert(), one.key(), dir.resolve("x.p12"), "pw".toCharArray()))
        .hasMessageContaining("no BEGIN PRIVATE KEY block");
    assertThatThrownBy(
            () ->
                PemKeyStore.write(
                    other.key(), other.key(), dir.resolve("x.p12"), "pw".toCharArray()))
        .hasMessageContaining("no BEGIN CERTIFICATE block");
  }

  private KeyStore written(TestCertificates.Pem pem) throws Exception {
    Path out = dir.resolve("out/omnireach-tls.p12");
    PemKeyStore.write(pem.cert(), pem.key(), out, "secret".toCharArray());
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(out)) {
      store.load(in, "secret".toCharArray());
    }
    return store;
  }

  private static void assertSignsFor(KeyStore store) throws Exception {
    PrivateKey key = (PrivateKey) store.getKey(PemKeyStore.ALIAS, "secret".toCharArray());
    byte[] data = "hello".getBytes();
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key);
    signer.update(data);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(store.getCertificate(PemKeyStore.ALIAS).getPublicKey());
    verifier.update(data);
    assertThat(verifier.verify(signature)).isTrue();
  }
}
