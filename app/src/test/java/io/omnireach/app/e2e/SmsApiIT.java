package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SMS through the real server: Twilio settings per tenant (token never returned), a lead with SMS
 * consent texted through the outbox, the Twilio client inside Liberty talking to a Twilio fake on
 * loopback ({@code OMNIREACH_TWILIO_API_BASE}), segments metered, 422 without consent, quiet hours
 * deferring instead of dropping, and tenant isolation of the settings.
 */
class SmsApiIT {

  static final int PORT = Integer.getInteger("omnireach.e2e.twilio.port", 12141);
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ACME_SID = "AC" + hex32();
  static final String ACME_TOKEN = "acme-token-" + UUID.randomUUID();
  static final String GLOBEX_SID = "AC" + hex32();

  static WireMockServer twilio;

  @BeforeAll
  static void startTwilio() {
    twilio = new WireMockServer(options().port(PORT).bindAddress("127.0.0.1"));
    twilio.start();
    // Twilio's Messages resource answers 201 with the created message
    twilio.stubFor(
        post(urlPathEqualTo("/2010-04-01/Accounts/" + ACME_SID + "/Messages.json"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"sid\":\"SM"
                            + hex32()
                            + "\",\"account_sid\":\""
                            + ACME_SID
                            + "\",\"status\":\"queued\",\"num_segments\":\"1\"}")));
  }

  @AfterAll
  static void stopTwilio() {
    twilio.stop();
  }

  static String hex32() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  static HttpResponse<String> saveSettings(String token, String sid, String authToken, String from)
      throws Exception {
    ObjectNode body = JSON.createObjectNode().put("accountSid", sid).put("fromNumber", from);
    if (authToken != null) {
      body.put("authToken", authToken);
    }
    // tenant schemas are migrated by a batch job right after start-up
    return await("tenant schema migrated")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> E2e.send("POST", "/api/v1/channels/sms", token, body.toString()),
            r -> r.statusCode() != 500);
  }

  /** A lead with a phone, SMS consent as given, in the given time zone. */
  static long lead(String token, String phone, String smsConsent, ZoneId zone) throws Exception {
    ObjectNode body =
        JSON.createObjectNode()
            .put("firstName", "Ana")
            .put("lastName", "Sms " + UUID.randomUUID().toString().substring(0, 6))
            .put("email", "ana-" + UUID.randomUUID() + "@example.com")
            .put("phone", phone)
            .put("timezone", zone.getId());
    if (smsConsent != null) {
      body.putObject("consent")
          .putObject("sms")
          .put("status", smsConsent)
          .put("source", "web form");
    }
    HttpResponse<String> r = E2e.send("POST", "/api/v1/leads", token, body.toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("id").asLong();
  }

  static HttpResponse<String> text(String token, long leadId, String body) throws Exception {
    return E2e.send(
        "POST",
        "/api/v1/leads/" + leadId + "/messages",
        token,
        JSON.createObjectNode().put("channel", "sms").put("body", body).toString());
  }

  /** A fixed-offset zone where it is now about {@code hour}:00 (the server runs on real time). */
  static ZoneId zoneAt(int hour) {
    int utcHour = Instant.now().atZone(ZoneId.of("UTC")).getHour();
    int offset = Math.floorMod(hour - utcHour + 12, 24) - 12; // -12 … +11
    // Etc/GMT signs are inverted: Etc/GMT-5 is UTC+5
    return ZoneId.of(
        offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
  }

  static Map<String, String> form(LoggedRequest request) {
    Map<String, String> out = new HashMap<>();
    for (String pair : request.getBodyAsString().split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return out;
  }

  @Test
  void an_sms_to_a_consenting_lead_reaches_twilio_with_from_to_body_and_is_metered_in_segments()
      throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    HttpResponse<String> saved = saveSettings(admin, ACME_SID, ACME_TOKEN, "+14155550100");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(saved.body()).doesNotContain(ACME_TOKEN);
    assertThat(json(saved).get("authTokenSet").asBoolean()).isTrue();
    HttpResponse<String> read = E2e.get("/api/v1/channels/sms", sales);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).doesNotContain(ACME_TOKEN).contains(ACME_SID, "+14155550100");

    long lead = lead(sales, "+1 (415) 555-0142", "granted", zoneAt(14));
    // "é" is GSM-7, so 161 characters make two GSM-7 segments (153 + 8)
    String body = "Hi Ana, café tomorrow? " + "x".repeat(161 - 23);
    HttpResponse<String> queued = text(sales, lead, body);
    assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
    long id = json(queued).get("id").asLong();
    JsonNode sent =
        await("SMS " + id + " sent")
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> json(E2e.get("/api/v1/messages/" + id, sales)),
                m -> !List.of("QUEUED", "SENDING").contains(m.get("status").asText()));
    assertThat(sent.get("status").asText()).as(sent.toString()).isEqualTo("SENT");
    assertThat(sent.get("to").asText()).isEqualTo("+14155550142");

    List<LoggedRequest> requests =
        twilio.findAll(
            postRequestedFor(
                urlPathEqualTo("/2010-04-01/Accounts/" + ACME_SID + "/Messages.json")));
    LoggedRequest request =
        requests.stream().filter(r -> form(r).get("Body").equals(body)).findFirst().orElseThrow();
    Map<String, String> form = form(request);
    assertThat(form).containsEntry("From", "+14155550100").containsEntry("To", "+14155550142");
    assertThat(request.getHeader("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (ACME_SID + ":" + ACME_TOKEN).getBytes(StandardCharsets.UTF_8)));
    twilio.verify(
        1,
        postRequestedFor(urlPathEqualTo("/2010-04-01/Accounts/" + ACME_SID + "/Messages.json"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("To=%2B14155550142")));

    long acme = StripeE2e.count("select id from tenants where slug = ?", "acme");
    long segments =
        StripeE2e.query(
            "select coalesce(sum(quantity), 0) from usage_events where tenant_id = ?"
                + " and meter = 'sms_segments' and idempotency_key = ?",
            acme,
            "message:" + id);
    assertThat(segments).isEqualTo(2);
  }

  @Test
  void without_sms_consent_the_api_answers_422_with_the_reason_and_queues_nothing()
      throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    assertThat(saveSettings(admin, ACME_SID, ACME_TOKEN, "+14155550100").statusCode())
        .isEqualTo(200);
    long unknown = lead(sales, "+14155550143", null, zoneAt(14));
    HttpResponse<String> r = text(sales, unknown, "Hi there");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(json(r).get("detail").asText()).contains("has not granted SMS consent");
    long denied = lead(sales, "+14155550144", "denied", zoneAt(14));
    assertThat(text(sales, denied, "Hi there").statusCode()).isEqualTo(422);
    // bad input is a 400 naming the field, not a 500
    HttpResponse<String> bad =
        E2e.send(
            "POST",
            "/api/v1/leads/" + unknown + "/messages",
            sales,
            "{\"channel\":\"fax\",\"body\":\"x\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("field").asText()).isEqualTo("channel");
  }

  @Test
  void at_night_in_the_leads_time_zone_the_sms_is_deferred_to_8_am_not_dropped() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    assertThat(saveSettings(admin, ACME_SID, ACME_TOKEN, "+14155550100").statusCode())
        .isEqualTo(200);
    ZoneId night = zoneAt(2);
    long lead = lead(sales, "+14155550145", "granted", night);
    HttpResponse<String> r = text(sales, lead, "Morning call?");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    long id = json(r).get("id").asLong();
    JsonNode m =
        await("deferred")
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> json(E2e.get("/api/v1/messages/" + id, sales)),
                x -> x.hasNonNull("notBefore"));
    assertThat(m.get("status").asText()).isEqualTo("QUEUED");
    assertThat(Instant.parse(m.get("notBefore").asText()).atZone(night).getHour()).isEqualTo(8);
    assertThat(m.toString()).contains("DEFERRED", "quiet hours");
  }

  @Test
  void sms_settings_are_per_tenant() throws Exception {
    String acme = E2e.token("admin@acme.demo");
    String globex = E2e.token("admin@globex.demo");
    assertThat(saveSettings(acme, ACME_SID, ACME_TOKEN, "+14155550100").statusCode())
        .isEqualTo(200);
    HttpResponse<String> before = E2e.get("/api/v1/channels/sms", globex);
    if (before.statusCode() == 200) {
      assertThat(before.body()).doesNotContain(ACME_SID);
    } else {
      assertThat(before.statusCode()).isEqualTo(404);
    }
    assertThat(saveSettings(globex, GLOBEX_SID, "globex-token", "+442071838750").statusCode())
        .isEqualTo(200);
    assertThat(E2e.get("/api/v1/channels/sms", globex).body())
        .contains(GLOBEX_SID)
        .doesNotContain(ACME_SID);
    assertThat(E2e.get("/api/v1/channels/sms", acme).body())
        .contains(ACME_SID)
        .doesNotContain(GLOBEX_SID);
    // only Admins change them; a token is required the first time, kept afterwards
    assertThat(
            saveSettings(E2e.token("sales@acme.demo"), ACME_SID, "x", "+14155550100").statusCode())
        .isEqualTo(403);
    HttpResponse<String> keep = saveSettings(acme, ACME_SID, null, "+14155550101");
    assertThat(keep.statusCode()).as(keep.body()).isEqualTo(200);
    assertThat(json(keep).get("authTokenSet").asBoolean()).isTrue();
    HttpResponse<String> bad = saveSettings(acme, "nope", "t", "+14155550100");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("field").asText()).isEqualTo("accountSid");
    saveSettings(acme, ACME_SID, null, "+14155550100");
  }

  @Test
  void the_sms_endpoints_are_in_the_openapi_document_with_examples() throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains(
            "/api/v1/channels/sms",
            "SmsSettingsRequest",
            "messaging service",
            "no SMS consent",
            "Unprocessable Content",
            "channel: sms"); // the request example, rendered as YAML
  }
}
