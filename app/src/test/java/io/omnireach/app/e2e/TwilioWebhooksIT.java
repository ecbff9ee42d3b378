package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Twilio's webhooks through the real server: requests signed the way Twilio documents (HMAC-SHA1
 * under the account's auth token over the public URL and the sorted form parameters) are applied
 * once; unsigned or wrongly signed ones are 403 and change nothing. Status callbacks become
 * delivery events on the message; an inbound SMS becomes a reply in the Inbox and stops the lead's
 * run; opt-out and opt-in keywords (STOP, ARRÊT, START …) change the lead's SMS consent.
 */
class TwilioWebhooksIT {

  /** The server checks signatures over OMNIREACH_PUBLIC_URL, which the e2e server sets to it. */
  static final String PUBLIC_URL = E2e.BASE_URL;

  static final String SID = "AC" + SmsApiIT.hex32();
  static final String TOKEN = "hook-token-" + UUID.randomUUID();
  static final String FROM = "+14155550100";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static WireMockServer twilio;

  @BeforeAll
  static void startTwilio() {
    twilio = TwilioFake.start(SID);
  }

  @AfterAll
  static void stopTwilio() {
    twilio.stop();
  }

  /** Twilio's signature: Base64(HMAC-SHA1(token, url + each sorted name and its value)). */
  static String sign(String token, String url, Map<String, String> params) throws Exception {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder()
        .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
  }

  static HttpResponse<String> hook(String path, Map<String, String> params, String signature)
      throws Exception {
    String body =
        params.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(E2e.BASE_URL + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      b.header("X-Twilio-Signature", signature);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> signed(String path, Map<String, String> params) throws Exception {
    return hook(path, params, sign(TOKEN, PUBLIC_URL + path, params));
  }

  static Map<String, String> inbound(String from, String body) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("MessageSid", "SM" + SmsApiIT.hex32());
    p.put("AccountSid", SID);
    p.put("From", from);
    p.put("To", FROM);
    p.put("Body", body);
    p.put("NumMedia", "0");
    return p;
  }

  static String phone() {
    return "+1415555" + String.format("%04d", (int) (Math.random() * 10_000));
  }

  static JsonNode lead(String token, long id) throws Exception {
    return SmsApiIT.json(E2e.get("/api/v1/leads/" + id, token));
  }

  @Test
  void a_signed_delivered_callback_adds_one_delivered_event_and_a_bad_signature_changes_nothing()
      throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    assertThat(SmsApiIT.saveSettings(admin, SID, TOKEN, FROM).statusCode()).isEqualTo(200);
    long lead = SmsApiIT.lead(sales, phone(), "granted", SmsApiIT.zoneAt(14));
    HttpResponse<String> queued = SmsApiIT.text(sales, lead, "Still on for Tuesday?");
    assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
    long id = SmsApiIT.json(queued).get("id").asLong();
    JsonNode sent =
        await("SMS sent")
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> SmsApiIT.json(E2e.get("/api/v1/messages/" + id, sales)),
                m -> "SENT".equals(m.get("status").asText()));
    // the SID Twilio answered with, as the relay recorded it
    String twilioSid = sent.get("reply").asText().split(" ")[1];
    assertThat(twilioSid).matches("SM[0-9a-f]{32}");

    Map<String, String> delivered = new LinkedHashMap<>();
    delivered.put("MessageSid", twilioSid);
    delivered.put("SmsSid", twilioSid);
    delivered.put("MessageStatus", "delivered");
    delivered.put("AccountSid", SID);
    delivered.put("From", FROM);
    delivered.put("To", "+14155550199");
    String path = "/webhooks/twilio/status";
    assertThat(hook(path, delivered, null).statusCode()).isEqualTo(403);
    assertThat(hook(path, delivered, sign("not-the-token", PUBLIC_URL + path, delivered)))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(403))
        .satisfies(r -> assertThat(r.body()).contains("X-Twilio-Signature"));
    // signed for another URL than the one it was posted to
    assertThat(
            hook(path, delivered, sign(TOKEN, "https://example.com" + path, delivered))
                .statusCode())
        .isEqualTo(403);
    Map<String, String> tampered = new LinkedHashMap<>(delivered);
    tampered.put("MessageStatus", "failed");
    assertThat(hook(path, tampered, sign(TOKEN, PUBLIC_URL + path, delivered)).statusCode())
        .isEqualTo(403);
    assertThat(E2e.get("/api/v1/messages/" + id, sales).body()).doesNotContain("DELIVERED");

    HttpResponse<String> applied = signed(path, delivered);
    assertThat(applied.statusCode()).isEqualTo(204);
    assertThat(applied.headers().firstValue("X-OmniReach-Outcome")).hasValue("APPLIED");
    HttpResponse<String> repeat = signed(path, delivered);
    assertThat(repeat.statusCode()).isEqualTo(204);
    assertThat(repeat.headers().firstValue("X-OmniReach-Outcome")).hasValue("DUPLICATE");
    JsonNode m = SmsApiIT.json(E2e.get("/api/v1/messages/" + id, sales));
    long deliveredEvents = 0;
    for (JsonNode e : m.get("events")) {
      if ("DELIVERED".equals(e.get("type").asText())) {
        deliveredEvents++;
      }
    }
    assertThat(deliveredEvents).as(m.toString()).isEqualTo(1);
  }

  @Test
  void stop_revokes_sms_consent_so_the_next_sms_is_422_and_start_grants_it_again()
      throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    assertThat(SmsApiIT.saveSettings(admin, SID, TOKEN, FROM).statusCode()).isEqualTo(200);
    String phone = phone();
    long lead = SmsApiIT.lead(sales, phone, "granted", SmsApiIT.zoneAt(14));

    Map<String, String> stop = inbound(phone, "  Stop ");
    HttpResponse<String> wrong = hook("/webhooks/twilio/sms", stop, sign("x", PUBLIC_URL, stop));
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(lead(sales, lead).at("/consent/sms/status").asText()).isEqualTo("granted");

    HttpResponse<String> ok = signed("/webhooks/twilio/sms", stop);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/xml"));
    assertThat(ok.body()).contains("<Response/>");
    assertThat(lead(sales, lead).at("/consent/sms/status").asText()).isEqualTo("denied");
    HttpResponse<String> refused = SmsApiIT.text(sales, lead, "One more thing");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(SmsApiIT.json(refused).get("detail").asText())
        .contains("has not granted SMS consent (status: denied)");

    assertThat(signed("/webhooks/twilio/sms", inbound(phone, "start")).statusCode()).isEqualTo(200);
    assertThat(lead(sales, lead).at("/consent/sms/status").asText()).isEqualTo("granted");
    // a repeated delivery of the old STOP changes nothing
    assertThat(signed("/webhooks/twilio/sms", stop).statusCode()).isEqualTo(200);
    assertThat(lead(sales, lead).at("/consent/sms/status").asText()).isEqualTo("granted");
    assertThat(SmsApiIT.text(sales, lead, "Welcome back").statusCode()).isEqualTo(202);

    // Twilio's French opt-out, accented and punctuated, and an opt-in typed the same way
    assertThat(signed("/webhooks/twilio/sms", inbound(phone, "Arrêt !")).statusCode())
        .isEqualTo(200);
    assertThat(lead(sales, lead).at("/consent/sms/status").asText()).isEqualTo("denied");
    assertThat(SmsApiIT.text(sales, lead, "Encore une chose").statusCode()).isEqualTo(422);
    assertThat(signed("/webhooks/twilio/sms", inbound(phone, " unstop.")).statusCode())
        .isEqualTo(200);
    assertThat(lead(sales, lead).at("/consent/sms/status").asText()).isEqualTo("granted");
    // a sentence that merely contains the word is a reply, not an opt-out
    assertThat(signed("/webhooks/twilio/sms", inbound(phone, "Please don't stop")).statusCode())
        .isEqualTo(200);
    assertThat(lead(sales, lead).at("/consent/sms/status").asText()).isEqualTo("granted");
  }

  @Test
  void an_inbound_sms_is_a_reply_in_the_inbox_once_and_stops_the_leads_run_other_tenants_see_none()
      throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    assertThat(SmsApiIT.saveSettings(admin, SID, TOKEN, FROM).statusCode()).isEqualTo(200);
    String phone = phone();
    long lead = SmsApiIT.lead(sales, phone, "granted", SmsApiIT.zoneAt(14));
    String wf =
        WorkflowEngineIT.publish(
            sales,
            "{\"name\":\"SMS reply IT "
                + UUID.randomUUID()
                + "\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
                + "{\"id\":\"w\",\"type\":\"wait\",\"config\":{\"duration\":\"P3D\"}},"
                + "{\"id\":\"e\",\"type\":\"end\"}],\"edges\":[{\"source\":\"s\",\"target\":\"w\"},"
                + "{\"source\":\"w\",\"target\":\"e\"}]}");
    assertThat(
            E2e.send(
                    "POST",
                    "/api/v1/workflows/" + wf + "/enrollments",
                    sales,
                    "{\"leadIds\":[" + lead + "]}")
                .statusCode())
        .isEqualTo(202);
    String runId = E2e.field(WorkflowEngineIT.awaitRuns(sales, wf, "waiting", 1), "id");

    String text = "Sounds good, call me tomorrow " + UUID.randomUUID();
    Map<String, String> reply = inbound(phone, text);
    assertThat(signed("/webhooks/twilio/sms", reply).statusCode()).isEqualTo(200);
    assertThat(signed("/webhooks/twilio/sms", reply).statusCode()).isEqualTo(200);

    String inbox = E2e.get("/api/v1/replies?limit=100", sales).body();
    assertThat(inbox.split(java.util.regex.Pattern.quote(text), -1)).hasSize(2); // once
    JsonNode item = null;
    for (JsonNode r : SmsApiIT.json(E2e.get("/api/v1/replies?limit=100", sales)).get("items")) {
      if (text.equals(r.get("body").asText())) {
        item = r;
      }
    }
    assertThat(item).isNotNull();
    assertThat(item.get("leadId").asLong()).isEqualTo(lead);
    assertThat(item.get("from").asText()).isEqualTo(phone);
    assertThat(E2e.get("/api/v1/replies?limit=100", E2e.token("admin@globex.demo")).body())
        .doesNotContain(text);

    JsonNode run =
        await("run stopped by the SMS reply")
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> SmsApiIT.json(E2e.get("/api/v1/runs/" + runId, sales)),
                r ->
                    !List.of("waiting", "running", "pending")
                        .contains(r.at("/run/status").asText()));
    assertThat(run.at("/run/status").asText()).as(run.toString()).isEqualTo("cancelled");
    assertThat(run.at("/run/stopReason").asText()).startsWith("Lead replied");
  }

  @Test
  void the_webhooks_are_in_the_openapi_document() throws Exception {
    assertThat(E2e.get("/openapi", null).body())
        .contains("/webhooks/twilio/sms", "/webhooks/twilio/status", "X-Twilio-Signature");
  }
}
