package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireach.testing.FakeDnsZone;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /api/v1/domains on the running server. The server's verifier asks a fake DNS zone on loopback
 * (OMNIREACH_DOMAINS_DNS_SERVER in the e2e server.env) through its real JNDI DNS client, and the
 * HTTP method fetches the token from this very server (OMNIREACH_DOMAINS_HTTP_PORT).
 */
class DomainsApiIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static FakeDnsZone zone;
  static String acme;
  static String globex;

  @BeforeAll
  static void signIn() throws Exception {
    Journeys.awaitReady();
    zone = new FakeDnsZone(Integer.getInteger("omnireach.e2e.dns-port", 9053));
    acme = E2e.token("admin@acme.demo");
    globex = E2e.token("admin@globex.demo");
  }

  @AfterAll
  static void stop() {
    zone.close();
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  static JsonNode add(String token, String host, String method) throws Exception {
    HttpResponse<String> r =
        E2e.send(
            "POST",
            "/api/v1/domains",
            token,
            JSON.writeValueAsString(java.util.Map.of("host", host, "method", method)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode created = json(r);
    assertThat(r.headers().firstValue("Location").orElseThrow())
        .endsWith("/domains/" + created.get("id").asLong());
    return created;
  }

  static JsonNode verify(String token, long id) throws Exception {
    HttpResponse<String> r = E2e.send("POST", "/api/v1/domains/" + id + "/verify", token, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r);
  }

  static List<String> hosts(String token) throws Exception {
    HttpResponse<String> r = E2e.get("/api/v1/domains", token);
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> hosts = new ArrayList<>();
    json(r).get("items").forEach(d -> hosts.add(d.get("host").asText()));
    return hosts;
  }

  @Test
  void an_admin_adds_a_domain_and_gets_the_cname_and_txt_records_to_create() throws Exception {
    JsonNode d = add(acme, "Records.Acme-Api.example", "DNS_TXT");
    assertThat(d.get("host").asText()).isEqualTo("records.acme-api.example");
    assertThat(d.get("status").asText()).isEqualTo("PENDING");
    String token = d.get("token").asText();
    JsonNode records = d.get("records");
    assertThat(records).hasSize(2);
    assertThat(records.get(0).get("type").asText()).isEqualTo("CNAME");
    assertThat(records.get(0).get("name").asText()).isEqualTo("records.acme-api.example");
    assertThat(records.get(0).get("value").asText()).isEqualTo("localhost");
    assertThat(records.get(1).get("type").asText()).isEqualTo("TXT");
    assertThat(records.get(1).get("name").asText())
        .isEqualTo("_omnireach-challenge.records.acme-api.example");
    assertThat(records.get(1).get("value").asText()).isEqualTo(token);
    assertThat(hosts(acme)).contains("records.acme-api.example");

    HttpResponse<String> one = E2e.get("/api/v1/domains/" + d.get("id").asLong(), acme);
    assertThat(json(one).get("token").asText()).isEqualTo(token);
  }

  @Test
  void a_txt_record_in_the_zone_verifies_the_domain_after_a_failed_check() throws Exception {
    JsonNode d = add(acme, "txt.acme-api.example", "DNS_TXT");
    long id = d.get("id").asLong();

    JsonNode failed = verify(acme, id);
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("lastError").asText())
        .startsWith("No TXT record found at _omnireach-challenge.txt.acme-api.example");
    assertThat(failed.get("lastCheckedAt").asText()).isNotBlank();

    zone.txt("_omnireach-challenge.txt.acme-api.example", d.get("token").asText());
    JsonNode verified = verify(acme, id);
    assertThat(verified.get("status").asText()).isEqualTo("VERIFIED");
    assertThat(verified.get("lastError").isNull()).isTrue();
    assertThat(verified.get("verifiedAt").asText()).isNotBlank();
  }

  @Test
  void the_http_token_served_by_this_server_on_the_host_verifies_the_domain() throws Exception {
    JsonNode d = add(acme, "web.acme-api.example", "HTTP");
    assertThat(d.get("records")).hasSize(1);
    String token = d.get("token").asText();
    assertThat(d.get("httpCheckUrl").asText())
        .isEqualTo("http://web.acme-api.example/.well-known/omnireach-domain/" + token);

    // the token is served only for its own host
    assertThat(rawGet("web.acme-api.example", "/.well-known/omnireach-domain/" + token))
        .startsWith("HTTP/1.0 200")
        .endsWith("\r\n\r\n" + token);
    assertThat(rawGet("acme.evil.example", "/.well-known/omnireach-domain/" + token))
        .startsWith("HTTP/1.0 404");

    zone.address("web.acme-api.example", InetAddress.getLoopbackAddress());
    JsonNode verified = verify(acme, d.get("id").asLong());
    assertThat(verified.get("lastError").isNull()).as(verified.toString()).isTrue();
    assertThat(verified.get("status").asText()).isEqualTo("VERIFIED");
  }

  @Test
  void another_tenant_gets_404_for_a_domain_it_does_not_own_and_never_lists_it() throws Exception {
    JsonNode d = add(acme, "private.acme-api.example", "DNS_TXT");
    long id = d.get("id").asLong();
    for (String[] call :
        new String[][] {
          {"GET", "/api/v1/domains/" + id},
          {"POST", "/api/v1/domains/" + id + "/verify"},
          {"DELETE", "/api/v1/domains/" + id}
        }) {
      HttpResponse<String> r = E2e.send(call[0], call[1], globex, null);
      assertThat(r.statusCode()).as(call[0] + " " + call[1]).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(hosts(globex)).doesNotContain("private.acme-api.example");
    assertThat(hosts(acme)).contains("private.acme-api.example");

    HttpResponse<String> removed = E2e.send("DELETE", "/api/v1/domains/" + id, acme, null);
    assertThat(removed.statusCode()).isEqualTo(204);
    assertThat(hosts(acme)).doesNotContain("private.acme-api.example");
  }

  @Test
  void bad_hosts_are_400_with_the_field_and_the_platforms_own_hosts_are_refused() throws Exception {
    for (String host :
        new String[] {
          "10.0.0.1",
          "localhost",
          "acme",
          "app.acme.example:8443",
          "*.acme.example",
          "globex.tenants.omnireach.test"
        }) {
      HttpResponse<String> r =
          E2e.send("POST", "/api/v1/domains", acme, "{\"host\":\"" + host + "\"}");
      assertThat(r.statusCode()).as(host).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(json(r).get("field").asText()).isEqualTo("host");
    }
    HttpResponse<String> method =
        E2e.send(
            "POST", "/api/v1/domains", acme, "{\"host\":\"m.acme.example\",\"method\":\"FTP\"}");
    assertThat(method.statusCode()).isEqualTo(400);
    assertThat(json(method).get("field").asText()).isEqualTo("method");
    add(acme, "twice.acme-api.example", "DNS_TXT");
    HttpResponse<String> twice =
        E2e.send("POST", "/api/v1/domains", acme, "{\"host\":\"TWICE.acme-api.example\"}");
    assertThat(twice.statusCode()).isEqualTo(409);
  }

  @Test
  void only_admins_manage_domains() throws Exception {
    String sales = E2e.token("sales@acme.demo");
    assertThat(E2e.get("/api/v1/domains", sales).statusCode()).isEqualTo(403);
    assertThat(
            E2e.send("POST", "/api/v1/domains", sales, "{\"host\":\"s.acme.example\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(E2e.get("/api/v1/domains", null).statusCode()).isEqualTo(401);
  }

  @Test
  void the_openapi_document_describes_the_domain_endpoints_with_examples() throws Exception {
    HttpResponse<String> r = E2e.send("GET", "/openapi?format=JSON", null, null);
    JsonNode paths = json(r).get("paths");
    assertThat(paths.has("/api/v1/domains")).isTrue();
    assertThat(paths.has("/api/v1/domains/{id}/verify")).isTrue();
    assertThat(paths.get("/api/v1/domains").get("post").toString()).contains("examples");
  }

  /** A GET with a Host header of our choosing (Java's HttpClient will not set Host). */
  static String rawGet(String host, String path) throws IOException {
    URI base = URI.create(E2e.BASE_URL);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
