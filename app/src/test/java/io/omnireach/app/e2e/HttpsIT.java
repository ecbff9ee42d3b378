package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTPS on Liberty: the end-to-end server also listens on {@code omnireach.e2e.https.port} with the
 * certificate the build made from PEM files (E2eCertificate). A client that trusts exactly that
 * certificate signs in over TLS; HSTS is on HTTPS answers only.
 */
class HttpsIT {

  static final String HTTPS_URL =
      "https://localhost:" + System.getProperty("omnireach.e2e.https.port", "9444");
  static Certificate serverCertificate;
  static HttpClient trusting;

  @BeforeAll
  static void aClientTrustingOnlyTheBuildsCertificate() throws Exception {
    E2eServer.awaitReady();
    try (InputStream in =
        Files.newInputStream(Path.of(System.getProperty("omnireach.e2e.tls.cert")))) {
      serverCertificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("e2e", serverCertificate);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    trusting = HttpClient.newBuilder().sslContext(tls).build();
  }

  @Test
  void https_serves_the_configured_certificate_and_the_app_sends_hsts() throws Exception {
    HttpResponse<String> login = get(trusting, HTTPS_URL + "/login");

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.sslSession()).isPresent();
    assertThat(login.sslSession().get().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
    assertThat(login.sslSession().get().getPeerCertificates()[0]).isEqualTo(serverCertificate);
    assertThat(login.headers().firstValue("Strict-Transport-Security")).contains("max-age=600");
    // Liberty's own endpoints answer over HTTPS too
    assertThat(get(trusting, HTTPS_URL + "/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void signing_in_over_https_works_and_its_answer_carries_hsts() throws Exception {
    HttpResponse<String> r =
        trusting.send(
            HttpRequest.newBuilder(URI.create(HTTPS_URL + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"admin@acme.demo\",\"password\":\""
                            + E2e.DEMO_PASSWORD
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(E2e.field(r.body(), "access_token")).isNotBlank();
    assertThat(r.headers().firstValue("Strict-Transport-Security")).contains("max-age=600");
  }

  @Test
  void plain_http_keeps_working_without_hsts() throws Exception {
    HttpResponse<String> r = E2e.get("/login", null);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
  }

  @Test
  void a_client_that_does_not_trust_the_certificate_is_refused_by_the_handshake() {
    HttpClient jdkDefaults = HttpClient.newHttpClient();

    assertThatThrownBy(() -> get(jdkDefaults, HTTPS_URL + "/login"))
        .isInstanceOf(SSLHandshakeException.class);
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
