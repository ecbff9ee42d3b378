package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/analytics/channels} through the real server: an email (GreenMail) and an SMS
 * (the Twilio client against the Twilio fake) sent to acme's leads, the SMS's signed delivery
 * receipt, and an SMS sent by a workflow step count for acme per channel and per step — and for no
 * other tenant; bad ranges and another tenant's workflow are refused.
 */
class ChannelAnalyticsApiIT {

  static final String SMTP_PASSWORD = "smtp-pw-" + UUID.randomUUID();
  static final String SID = "AC" + SmsApiIT.hex32();
  static final String TOKEN = "stats-token-" + UUID.randomUUID();
  static final String FROM = "+14155550100";

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", SMTP_PASSWORD))
          .withPerMethodLifecycle(false);

  static WireMockServer twilio;

  @BeforeAll
  static void startTwilio() {
    twilio =
        new WireMockServer(
            options().port(SmsApiIT.PORT).bindAddress("127.0.0.1").globalTemplating(true));
    twilio.start();
    twilio.stubFor(
        post(urlPathEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL' lowercase=true}}\","
                            + "\"account_sid\":\""
                            + SID
                            + "\",\"status\":\"queued\"}")));
  }

  @AfterAll
  static void stopTwilio() {
    twilio.stop();
  }

  static JsonNode channels(String token, String query) throws Exception {
    HttpResponse<String> r = E2e.get("/api/v1/analytics/channels" + query, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return SmsApiIT.json(r);
  }

  /** channel → [sent, delivered, replied, booked]. */
  static Map<String, long[]> counts(JsonNode stats) {
    Map<String, long[]> out = new LinkedHashMap<>();
    stats
        .get("channels")
        .forEach(
            c -> {
              JsonNode n = c.get("counts");
              out.put(
                  c.get("channel").asText(),
                  new long[] {
                    n.get("sent").asLong(),
                    n.get("delivered").asLong(),
                    n.get("replied").asLong(),
                    n.get("booked").asLong()
                  });
            });
    return out;
  }

  static JsonNode sms(String token, long lead, String body) throws Exception {
    HttpResponse<String> queued = SmsApiIT.text(token, lead, body);
    assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
    long id = SmsApiIT.json(queued).get("id").asLong();
    return await("SMS sent")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> SmsApiIT.json(E2e.get("/api/v1/messages/" + id, token)),
            m -> "SENT".equals(m.get("status").asText()));
  }

  @Test
  void email_and_sms_sends_count_per_channel_for_their_tenant_only() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    String globex = E2e.token("admin@globex.demo");
    assertThat(SmsApiIT.saveSettings(admin, SID, TOKEN, FROM).statusCode()).isEqualTo(200);
    Map<String, long[]> before = counts(channels(sales, ""));
    Map<String, long[]> globexBefore = counts(channels(globex, ""));

    AnalyticsApiIT.sendOne(admin, smtp, SMTP_PASSWORD);
    long lead = SmsApiIT.lead(sales, TwilioWebhooksIT.phone(), "granted", SmsApiIT.zoneAt(14));
    JsonNode sent = sms(sales, lead, "Quick one: still on for Tuesday?");
    assertThat(sent.get("channel").asText()).isEqualTo("sms");
    // Twilio's signed delivery receipt for it
    Map<String, String> receipt = new LinkedHashMap<>();
    String sid = sent.get("reply").asText().split(" ")[1];
    receipt.put("MessageSid", sid);
    receipt.put("MessageStatus", "delivered");
    receipt.put("AccountSid", SID);
    receipt.put("From", FROM);
    receipt.put("To", sent.get("to").asText());
    String path = "/webhooks/twilio/status";
    assertThat(
            TwilioWebhooksIT.hook(
                    path, receipt, TwilioWebhooksIT.sign(TOKEN, E2e.BASE_URL + path, receipt))
                .statusCode())
        .isEqualTo(204);

    JsonNode after = channels(sales, "");
    Map<String, long[]> now = counts(after);
    assertThat(now.keySet()).containsExactly("email", "sms", "linkedin", "call");
    assertThat(now.get("email")[0] - before.get("email")[0]).isEqualTo(1);
    assertThat(now.get("email")[1] - before.get("email")[1]).isEqualTo(1); // not bounced
    assertThat(now.get("sms")[0] - before.get("sms")[0]).isEqualTo(1);
    assertThat(now.get("sms")[1] - before.get("sms")[1]).isEqualTo(1); // Twilio's receipt
    // the other tenant's figures do not move
    assertThat(counts(channels(globex, ""))).usingRecursiveComparison().isEqualTo(globexBefore);
    // Viewers read; Finance sees no sales data
    assertThat(E2e.get("/api/v1/analytics/channels", E2e.token("viewer@acme.demo")).statusCode())
        .isEqualTo(200);
    assertThat(E2e.get("/api/v1/analytics/channels", E2e.token("finance@acme.demo")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void an_sms_step_of_a_workflow_counts_for_that_step_and_workflow() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    assertThat(SmsApiIT.saveSettings(admin, SID, TOKEN, FROM).statusCode()).isEqualTo(200);
    String graph =
        "{\"name\":\"Texts "
            + UUID.randomUUID().toString().substring(0, 6)
            + "\",\"nodes\":["
            + "{\"id\":\"s\",\"type\":\"start\",\"config\":{}},"
            + "{\"id\":\"text1\",\"type\":\"send_sms\",\"config\":{\"body\":\"Hi {{lead.firstName}},"
            + " a quick hello from Acme.\"}},"
            + "{\"id\":\"e\",\"type\":\"end\",\"config\":{}}],"
            + "\"edges\":[{\"source\":\"s\",\"target\":\"text1\"},"
            + "{\"source\":\"text1\",\"target\":\"e\"}]}";
    long wf = SmsApiIT.json(WorkflowApiIT.created(sales, graph)).get("id").asLong();
    HttpResponse<String> published =
        E2e.send("POST", "/api/v1/workflows/" + wf + "/publish", sales, null);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    long lead = SmsApiIT.lead(sales, TwilioWebhooksIT.phone(), "granted", SmsApiIT.zoneAt(14));
    HttpResponse<String> enrolled =
        E2e.send(
            "POST",
            "/api/v1/workflows/" + wf + "/enrollments",
            sales,
            "{\"leadIds\":[" + lead + "]}");
    assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(202);

    JsonNode stats =
        await("the workflow's SMS is sent")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> channels(sales, "?workflowId=" + wf), s -> counts(s).get("sms")[0] == 1);
    assertThat(stats.get("workflowId").asLong()).isEqualTo(wf);
    assertThat(counts(stats).get("email")[0]).isZero();
    assertThat(stats.get("steps")).hasSize(1);
    JsonNode step = stats.get("steps").get(0);
    assertThat(step.get("nodeId").asText()).isEqualTo("text1");
    assertThat(step.get("nodeType").asText()).isEqualTo("send_sms");
    assertThat(step.get("channel").asText()).isEqualTo("sms");
    assertThat(step.get("counts").get("sent").asLong()).isEqualTo(1);

    // another tenant cannot read acme's workflow: not found, not zeros
    HttpResponse<String> foreign =
        E2e.get("/api/v1/analytics/channels?workflowId=" + wf, E2e.token("admin@globex.demo"));
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("text1");
  }

  @Test
  void bad_ranges_are_400_with_the_field() throws Exception {
    String sales = E2e.token("sales@acme.demo");
    HttpResponse<String> bad = E2e.get("/api/v1/analytics/channels?from=yesterday", sales);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(SmsApiIT.json(bad).get("field").asText()).isEqualTo("from");
    HttpResponse<String> reversed =
        E2e.get("/api/v1/analytics/channels?from=2026-05-10&to=2026-05-01", sales);
    assertThat(reversed.statusCode()).isEqualTo(400);
    HttpResponse<String> tooLong =
        E2e.get("/api/v1/analytics/channels?from=2024-01-01&to=2026-01-01", sales);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    HttpResponse<String> notAnId = E2e.get("/api/v1/analytics/channels?workflowId=abc", sales);
    assertThat(notAnId.statusCode()).isEqualTo(400);
    assertThat(SmsApiIT.json(notAnId).get("field").asText()).isEqualTo("workflowId");
    JsonNode range = channels(sales, "?from=2026-05-01&to=2026-05-07");
    assertThat(range.get("from").asText()).isEqualTo("2026-05-01");
    assertThat(range.get("to").asText()).isEqualTo("2026-05-07");
  }

  @Test
  void the_endpoint_is_in_the_openapi_document_with_its_example() throws Exception {
    assertThat(E2e.get("/openapi", null).body())
        .contains("/api/v1/analytics/channels", "ChannelAnalytics", "Outbound Q3", "booked");
  }
}
