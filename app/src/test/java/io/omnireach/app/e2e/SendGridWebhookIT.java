package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SendGrid's signed event webhook through the real server: a SendGrid mailbox (the official client
 * inside Liberty talking to a fake on loopback) with the verification key of a key pair made here;
 * event batches signed with it the way SendGrid signs (ECDSA P-256 over timestamp + raw body) are
 * applied once — a delivery receipt on the message, a spam report that suppresses the address so
 * the next email to it is blocked — while unsigned, wrongly signed and stale batches are 403 and
 * change nothing. The key is set per tenant and checked.
 */
class SendGridWebhookIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static WireMockServer sendGrid;
  static KeyPair key;

  @BeforeAll
  static void start() throws Exception {
    sendGrid = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    sendGrid.start();
    sendGrid.stubFor(
        post(urlEqualTo("/v3/mail/send"))
            .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-hook")));
    key = keyPair();
  }

  @AfterAll
  static void stop() {
    sendGrid.stop();
  }

  static KeyPair keyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  static String publicKey(KeyPair pair) {
    return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
  }

  static String sign(KeyPair pair, String timestamp, String body) throws Exception {
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(pair.getPrivate());
    s.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(s.sign());
  }

  static HttpResponse<String> deliver(String signature, String timestamp, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(E2e.BASE_URL + "/webhooks/sendgrid"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      b.header("X-Twilio-Email-Event-Webhook-Signature", signature);
    }
    if (timestamp != null) {
      b.header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String now() {
    return Long.toString(Instant.now().getEpochSecond());
  }

  static String event(String type, JsonNode message, String extra) {
    return "{\"email\":\""
        + message.get("to").asText()
        + "\",\"timestamp\":"
        + Instant.now().getEpochSecond()
        + ",\"event\":\""
        + type
        + "\",\"sg_event_id\":\""
        + UUID.randomUUID()
        + "\",\"sg_message_id\":\"sg-hook.filter0001\",\"omnireach_tenant\":\"acme\","
        + "\"omnireach_message_id\":\""
        + message.get("id").asLong()
        + "\""
        + extra
        + "}";
  }

  /** A SendGrid mailbox of acme whose event webhook is verified with {@code key}. */
  static long mailbox(String admin) throws Exception {
    String body =
        JSON.createObjectNode()
            .put("name", "SendGrid hooks " + UUID.randomUUID())
            .put("provider", "sendgrid")
            .put("apiKey", "SG.hook-" + UUID.randomUUID())
            .put("apiBaseUrl", "http://127.0.0.1:" + sendGrid.port())
            .put("fromAddress", "news@acme.example")
            .put("eventWebhookKey", publicKey(key))
            .toString();
    HttpResponse<String> r =
        await("tenant schema migrated")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> E2e.send("POST", "/api/v1/mailboxes", admin, body),
                x -> x.statusCode() != 500);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode box = JSON.readTree(r.body());
    assertThat(box.get("hasEventWebhookKey").asBoolean()).isTrue();
    return box.get("id").asLong();
  }

  static JsonNode send(String token, long mailbox, String email) throws Exception {
    HttpResponse<String> lead =
        E2e.send("POST", "/api/v1/leads", token, "{\"email\":\"" + email + "\"}");
    assertThat(lead.statusCode()).as(lead.body()).isEqualTo(201);
    long leadId = JSON.readTree(lead.body()).get("id").asLong();
    return sendTo(token, mailbox, leadId);
  }

  static JsonNode sendTo(String token, long mailbox, long leadId) throws Exception {
    HttpResponse<String> r =
        E2e.send(
            "POST",
            "/api/v1/leads/" + leadId + "/messages",
            token,
            "{\"mailboxId\":" + mailbox + ",\"subject\":\"Hooks\",\"body\":\"Hello\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    long id = JSON.readTree(r.body()).get("id").asLong();
    return await("message " + id + " settled")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> JSON.readTree(E2e.get("/api/v1/messages/" + id, token).body()),
            m -> !List.of("QUEUED", "SENDING").contains(m.get("status").asText()));
  }

  static List<String> events(String token, long id) throws Exception {
    List<String> out = new ArrayList<>();
    JSON.readTree(E2e.get("/api/v1/messages/" + id, token).body())
        .get("events")
        .forEach(e -> out.add(e.get("type").asText()));
    return out;
  }

  @Test
  void signed_events_update_the_message_and_the_suppression_list_once() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    long box = mailbox(admin);
    JsonNode delivered = send(admin, box, "hook-" + UUID.randomUUID() + "@northwind.example");
    JsonNode complaint = send(admin, box, "spam-" + UUID.randomUUID() + "@northwind.example");
    assertThat(delivered.get("status").asText()).as(delivered.toString()).isEqualTo("SENT");
    assertThat(delivered.get("channel").asText()).isEqualTo("email");
    // our ids travel as custom_args, and come back on every event
    assertThat(
            sendGrid.findAll(postRequestedFor(urlEqualTo("/v3/mail/send"))).stream()
                .map(r -> r.getBodyAsString())
                .filter(
                    b ->
                        b.contains(
                            "\"omnireach_message_id\":\"" + delivered.get("id").asLong() + "\""))
                .findFirst())
        .hasValueSatisfying(b -> assertThat(b).contains("\"omnireach_tenant\":\"acme\""));

    String body =
        "["
            + event("processed", delivered, "")
            + ","
            + event("delivered", delivered, ",\"response\":\"250 2.0.0 OK\"")
            + ","
            + event("spamreport", complaint, "")
            + "]";
    String ts = now();
    HttpResponse<String> ok = deliver(sign(key, ts, body), ts, body);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
    assertThat(ok.headers().firstValue("X-OmniReach-Outcome"))
        .hasValue("applied=2 duplicates=0 unmatched=0 ignored=1");
    assertThat(events(admin, delivered.get("id").asLong())).contains("DELIVERED");
    assertThat(events(admin, complaint.get("id").asLong())).contains("COMPLAINED");

    // SendGrid retries the same batch: 2xx, nothing twice
    HttpResponse<String> again = deliver(sign(key, ts, body), ts, body);
    assertThat(again.statusCode()).isEqualTo(204);
    assertThat(again.headers().firstValue("X-OmniReach-Outcome"))
        .hasValue("applied=0 duplicates=3 unmatched=0 ignored=0");
    assertThat(events(admin, delivered.get("id").asLong()).stream().filter("DELIVERED"::equals))
        .hasSize(1);

    // the spam report suppressed the address: the next email to that lead is blocked
    JsonNode next = sendTo(admin, box, complaint.get("leadId").asLong());
    assertThat(next.get("status").asText()).as(next.toString()).isEqualTo("BLOCKED");
    assertThat(next.get("reason").asText()).isEqualTo("COMPLAINED");
  }

  @Test
  void unsigned_wrongly_signed_and_stale_batches_are_403_and_change_nothing() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    long box = mailbox(admin);
    JsonNode m = send(admin, box, "safe-" + UUID.randomUUID() + "@northwind.example");
    long id = m.get("id").asLong();
    List<String> before = events(admin, id);
    String body = "[" + event("unsubscribe", m, "") + "]";
    String ts = now();

    HttpResponse<String> unsigned = deliver(null, null, body);
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    HttpResponse<String> otherKey = deliver(sign(keyPair(), ts, body), ts, body);
    assertThat(otherKey.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(otherKey.body()).get("detail").asText()).contains("does not verify");
    HttpResponse<String> tampered =
        deliver(sign(key, ts, body), ts, body.replace("unsubscribe", "spamreport"));
    assertThat(tampered.statusCode()).isEqualTo(403);
    String old = Long.toString(Instant.now().minusSeconds(3600).getEpochSecond());
    HttpResponse<String> stale = deliver(sign(key, old, body), old, body);
    assertThat(stale.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(stale.body()).get("detail").asText()).contains("minutes");

    assertThat(events(admin, id)).isEqualTo(before);
    // the address was not suppressed: another email to the lead is sent
    assertThat(sendTo(admin, box, m.get("leadId").asLong()).get("status").asText())
        .isEqualTo("SENT");
  }

  @Test
  void the_key_is_checked_and_set_per_tenant() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    long box = mailbox(admin);
    HttpResponse<String> junk =
        E2e.send(
            "PUT",
            "/api/v1/mailboxes/" + box + "/event-webhook",
            admin,
            "{\"verificationKey\":\"not a key\"}");
    assertThat(junk.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(junk.body()).get("field").asText()).isEqualTo("eventWebhookKey");
    // another tenant's Admin cannot see or change it
    HttpResponse<String> globex =
        E2e.send(
            "PUT",
            "/api/v1/mailboxes/" + box + "/event-webhook",
            E2e.token("admin@globex.demo"),
            "{\"verificationKey\":\"" + publicKey(keyPair()) + "\"}");
    assertThat(globex.statusCode()).isEqualTo(404);
    // Sales reads, only Admins change
    assertThat(
            E2e.send(
                    "PUT",
                    "/api/v1/mailboxes/" + box + "/event-webhook",
                    E2e.token("sales@acme.demo"),
                    "{\"verificationKey\":\"\"}")
                .statusCode())
        .isEqualTo(403);
    KeyPair rotated = keyPair();
    HttpResponse<String> set =
        E2e.send(
            "PUT",
            "/api/v1/mailboxes/" + box + "/event-webhook",
            admin,
            "{\"verificationKey\":\"" + publicKey(rotated) + "\"}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(JSON.readTree(set.body()).get("hasEventWebhookKey").asBoolean()).isTrue();
  }

  @Test
  void the_webhook_and_the_key_endpoint_are_in_the_openapi_document() throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains(
            "/webhooks/sendgrid",
            "X-Twilio-Email-Event-Webhook-Signature",
            "/api/v1/mailboxes/{id}/event-webhook",
            "EventWebhookRequest");
  }
}
