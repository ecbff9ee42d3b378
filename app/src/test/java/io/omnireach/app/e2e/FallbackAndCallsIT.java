package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Send with fallback and automated calls through the real server against the Twilio fake: a lead
 * who refused email and has no LinkedIn URL but granted SMS consent gets the fallback step's SMS;
 * an automated Call step reaches Twilio's Calls API with the TwiML and the status callback, and a
 * signed callback (a wrongly signed one changes nothing) records the outcome the run goes on with.
 */
class FallbackAndCallsIT {

  static final String SID = "AC" + SmsApiIT.hex32();
  static final String TOKEN = "fallback-token-" + UUID.randomUUID();
  static final String FROM = "+14155550100";

  static WireMockServer twilio;

  @BeforeAll
  static void startTwilio() {
    twilio = TwilioFake.start(SID);
  }

  @AfterAll
  static void stopTwilio() {
    twilio.stop();
  }

  static String phone() {
    return "+1415555" + String.format("%04d", (int) (Math.random() * 10_000));
  }

  /** A lead at 14:00 local time with a phone and the given consents. */
  static long lead(String sales, String phone, Map<String, String> consent) throws Exception {
    ObjectNode body =
        SmsApiIT.JSON
            .createObjectNode()
            .put("firstName", "Noor")
            .put("lastName", "Fallback " + UUID.randomUUID().toString().substring(0, 6))
            .put("email", "noor-" + UUID.randomUUID() + "@example.com")
            .put("phone", phone)
            .put("timezone", SmsApiIT.zoneAt(14).getId());
    ObjectNode c = body.putObject("consent");
    consent.forEach((channel, status) -> c.putObject(channel).put("status", status));
    HttpResponse<String> r = E2e.send("POST", "/api/v1/leads", sales, body.toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return SmsApiIT.json(r).get("id").asLong();
  }

  static String enrolAndAwaitRun(String sales, String workflowId, long lead) throws Exception {
    HttpResponse<String> r =
        E2e.send(
            "POST",
            "/api/v1/workflows/" + workflowId + "/enrollments",
            sales,
            "{\"leadIds\":[" + lead + "]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return await("run created")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                SmsApiIT.json(E2e.get("/api/v1/runs?workflowId=" + workflowId, sales)).get("items"),
            items -> items.size() == 1)
        .get(0)
        .get("id")
        .asText();
  }

  static JsonNode step(JsonNode run, String nodeId) {
    JsonNode found = null;
    for (JsonNode s : run.get("steps")) {
      if (nodeId.equals(s.get("nodeId").asText())) {
        found = s;
      }
    }
    return found;
  }

  @Test
  void a_lead_who_refused_email_without_linkedin_url_gets_the_fallback_sms_at_twilio()
      throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    assertThat(SmsApiIT.saveSettings(admin, SID, TOKEN, FROM).statusCode()).isEqualTo(200);
    // a mailbox exists (the email channel is set up); this lead refused email
    OutboundApiIT.created(
        E2e.send(
            "POST",
            "/api/v1/mailboxes",
            admin,
            "{\"name\":\"Fallback "
                + UUID.randomUUID()
                + "\",\"host\":\"127.0.0.1\",\"port\":"
                + Integer.getInteger("omnireach.e2e.smtp.port", 3025)
                + ",\"tls\":false,\"fromAddress\":\"elena@acme.example\"}"));
    String phone = phone();
    long lead = lead(sales, phone, Map.of("sms", "granted", "email", "denied"));
    String text = "Hi {{lead.firstName}}, is this a better channel? " + UUID.randomUUID();
    String wf =
        WorkflowEngineIT.publish(
            sales,
            "{\"name\":\"Fallback IT "
                + UUID.randomUUID()
                + "\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
                + "{\"id\":\"fb\",\"type\":\"send_fallback\",\"config\":{"
                + "\"channels\":[\"email\",\"linkedin\",\"sms\"],"
                + "\"email\":{\"mailboxId\":\"rotate\",\"subject\":\"Hi\",\"body\":\"Hello\"},"
                + "\"linkedin\":{\"action\":\"message\",\"text\":\"Hi there\"},"
                + "\"sms\":{\"body\":\""
                + text
                + "\"}}},"
                + "{\"id\":\"sent\",\"type\":\"end\"},{\"id\":\"none\",\"type\":\"end\"}],"
                + "\"edges\":[{\"source\":\"s\",\"target\":\"fb\"},"
                + "{\"source\":\"fb\",\"target\":\"sent\",\"condition\":\"sent\"},"
                + "{\"source\":\"fb\",\"target\":\"none\",\"condition\":\"none\"}]}");
    String runId = enrolAndAwaitRun(sales, wf, lead);

    String expected = text.replace("{{lead.firstName}}", "Noor");
    LoggedRequest sms =
        await("the SMS at the Twilio fake")
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    twilio
                        .findAll(postRequestedFor(urlPathEqualTo(TwilioFake.messages(SID))))
                        .stream()
                        .filter(r -> expected.equals(SmsApiIT.form(r).get("Body")))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    assertThat(SmsApiIT.form(sms)).containsEntry("To", phone).containsEntry("From", FROM);

    // the relay may send the SMS before the engine's next chunk runs the end step
    JsonNode run =
        await("the run ends down sent")
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> SmsApiIT.json(E2e.get("/api/v1/runs/" + runId, sales)),
                r -> "succeeded".equals(r.at("/run/status").asText()));
    JsonNode fb = step(run, "fb");
    assertThat(fb.at("/output/channel").asText()).isEqualTo("sms");
    List<String> skipped = new java.util.ArrayList<>();
    fb.at("/output/skipped")
        .forEach(k -> skipped.add(k.get("channel").asText() + ":" + k.get("reason").asText()));
    assertThat(skipped).containsExactly("email:CONSENT_DENIED", "linkedin:NO_ADDRESS");
    assertThat(fb.get("why").asText())
        .isEqualTo(
            "email skipped: the lead denied email consent. LinkedIn skipped: the lead has no"
                + " LinkedIn profile URL. Queued by SMS.");
    assertThat(step(run, "sent").get("status").asText()).isEqualTo("succeeded");
    // another workspace cannot read the run
    assertThat(E2e.get("/api/v1/runs/" + runId, E2e.token("admin@globex.demo")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void an_automated_call_reaches_twilio_with_twiml_and_the_signed_callback_records_its_outcome()
      throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    assertThat(SmsApiIT.saveSettings(admin, SID, TOKEN, FROM).statusCode()).isEqualTo(200);
    String phone = phone();
    long lead = lead(sales, phone, Map.of("calls", "granted"));
    String wf =
        WorkflowEngineIT.publish(
            sales,
            "{\"name\":\"Call IT "
                + UUID.randomUUID()
                + "\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
                + "{\"id\":\"call\",\"type\":\"call\",\"config\":{\"mode\":\"automated\","
                + "\"script\":\"Hello {{lead.firstName}}, this is Acme calling about your"
                + " trial.\"}},"
                + "{\"id\":\"talked\",\"type\":\"end\"},{\"id\":\"vm\",\"type\":\"end\"},"
                + "{\"id\":\"na\",\"type\":\"end\"},{\"id\":\"sk\",\"type\":\"end\"}],"
                + "\"edges\":[{\"source\":\"s\",\"target\":\"call\"},"
                + "{\"source\":\"call\",\"target\":\"talked\",\"condition\":\"connected\"},"
                + "{\"source\":\"call\",\"target\":\"vm\",\"condition\":\"voicemail\"},"
                + "{\"source\":\"call\",\"target\":\"na\",\"condition\":\"no_answer\"},"
                + "{\"source\":\"call\",\"target\":\"sk\",\"condition\":\"skipped\"}]}");
    String runId = enrolAndAwaitRun(sales, wf, lead);

    LoggedRequest call =
        await("the call at the Twilio fake")
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    twilio.findAll(postRequestedFor(urlPathEqualTo(TwilioFake.calls(SID)))).stream()
                        .filter(r -> phone.equals(SmsApiIT.form(r).get("To")))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    Map<String, String> params = SmsApiIT.form(call);
    assertThat(params)
        .containsEntry("From", FROM)
        .containsEntry(
            "Twiml",
            "<Response><Say>Hello Noor, this is Acme calling about your trial.</Say></Response>")
        .containsEntry("StatusCallback", E2e.BASE_URL + "/webhooks/twilio/voice");

    // the call SID Twilio answered with, as the relay recorded it on the outbox message
    long messageId =
        step(SmsApiIT.json(E2e.get("/api/v1/runs/" + runId, sales)), "call")
            .at("/output/messageId")
            .asLong();
    JsonNode message =
        await("call recorded as sent")
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> SmsApiIT.json(E2e.get("/api/v1/messages/" + messageId, sales)),
                m -> "SENT".equals(m.get("status").asText()));
    String callSid = message.get("reply").asText().split(" ")[1];
    assertThat(callSid).matches("CA[0-9a-f]{32}");
    // metered like an SMS: one voice call, keyed by the message so a re-send is not billed twice
    long acme = StripeE2e.count("select id from tenants where slug = ?", "acme");
    assertThat(
            StripeE2e.query(
                "select coalesce(sum(quantity), 0) from usage_events where tenant_id = ?"
                    + " and meter = 'voice_calls' and idempotency_key = ?",
                acme,
                "message:" + messageId))
        .isEqualTo(1);

    Map<String, String> status = new LinkedHashMap<>();
    status.put("CallSid", callSid);
    status.put("AccountSid", SID);
    status.put("From", FROM);
    status.put("To", phone);
    status.put("CallStatus", "completed");
    status.put("CallDuration", "27");
    String path = "/webhooks/twilio/voice";
    String url = E2e.BASE_URL + path;
    assertThat(TwilioWebhooksIT.hook(path, status, null).statusCode()).isEqualTo(403);
    Map<String, String> forged = new LinkedHashMap<>(status);
    forged.put("CallStatus", "busy");
    assertThat(
            TwilioWebhooksIT.hook(path, forged, TwilioWebhooksIT.sign(TOKEN, url, status))
                .statusCode())
        .isEqualTo(403);
    assertThat(SmsApiIT.json(E2e.get("/api/v1/runs/" + runId, sales)).at("/run/status").asText())
        .isEqualTo("waiting");

    HttpResponse<String> applied =
        TwilioWebhooksIT.hook(path, status, TwilioWebhooksIT.sign(TOKEN, url, status));
    assertThat(applied.statusCode()).isEqualTo(204);
    assertThat(applied.headers().firstValue("X-OmniReach-Outcome")).hasValue("APPLIED");
    HttpResponse<String> repeat =
        TwilioWebhooksIT.hook(path, status, TwilioWebhooksIT.sign(TOKEN, url, status));
    assertThat(repeat.headers().firstValue("X-OmniReach-Outcome")).hasValue("DUPLICATE");

    JsonNode run =
        await("run goes on down connected")
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> SmsApiIT.json(E2e.get("/api/v1/runs/" + runId, sales)),
                r -> "succeeded".equals(r.at("/run/status").asText()));
    JsonNode step = step(run, "call");
    assertThat(step.at("/output/callStatus").asText()).isEqualTo("completed");
    assertThat(step.at("/output/outcome").asText()).isEqualTo("connected");
    assertThat(step(run, "talked").get("status").asText()).isEqualTo("succeeded");
    JsonNode events = SmsApiIT.json(E2e.get("/api/v1/messages/" + messageId, sales)).get("events");
    assertThat(events.toString()).contains("CALL_COMPLETED", "twilio completed, 27 s");
    assertThat(
            E2e.get("/api/v1/messages/" + messageId, E2e.token("admin@globex.demo")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void a_call_over_the_plans_voice_call_limit_is_held_not_placed_with_the_reason_in_the_step_log()
      throws Exception {
    StripeE2e.NewTenant tenant = StripeE2e.newTenant("calls");
    String admin = tenant.token();
    String from = "+14155550199";
    assertThat(SmsApiIT.saveSettings(admin, SID, TOKEN, from).statusCode()).isEqualTo(200);
    // a plan of its own that allows one voice call a month, and that call already used
    String plan = "CALLS_IT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    try (java.sql.Connection c = BillingApiIT.database().getConnection()) {
      c.createStatement()
          .execute(
              "insert into platform.plans (code, name, currency, base_fee_minor, included_seats,"
                  + " seat_price_minor, seat_limit, position) values ('"
                  + plan
                  + "', 'Calls IT', 'USD', 0, 3, 0, 3, 99);"
                  + " insert into platform.plan_meters (plan_code, meter, included,"
                  + " price_per_1000_micros, hard_limit) values ('"
                  + plan
                  + "', 'voice_calls', 1, 0, 1);"
                  + " update platform.tenants set plan = '"
                  + plan
                  + "' where id = "
                  + tenant.id());
      io.omnireach.usage.UsageLedger.ON.record(
          c,
          io.omnireach.usage.UsageEvent.of(
              tenant.id(),
              io.omnireach.usage.Meter.VOICE_CALLS,
              1,
              "e2e:" + UUID.randomUUID(),
              java.time.Instant.now()));
    }
    try {
      String phone = phone();
      long lead = lead(admin, phone, Map.of("calls", "granted"));
      String wf =
          WorkflowEngineIT.publish(
              admin,
              "{\"name\":\"Held call IT "
                  + UUID.randomUUID()
                  + "\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
                  + "{\"id\":\"call\",\"type\":\"call\",\"config\":{\"mode\":\"automated\","
                  + "\"script\":\"Hello {{lead.firstName}}.\"}},"
                  + "{\"id\":\"talked\",\"type\":\"end\"},{\"id\":\"vm\",\"type\":\"end\"},"
                  + "{\"id\":\"na\",\"type\":\"end\"},{\"id\":\"sk\",\"type\":\"end\"}],"
                  + "\"edges\":[{\"source\":\"s\",\"target\":\"call\"},"
                  + "{\"source\":\"call\",\"target\":\"talked\",\"condition\":\"connected\"},"
                  + "{\"source\":\"call\",\"target\":\"vm\",\"condition\":\"voicemail\"},"
                  + "{\"source\":\"call\",\"target\":\"na\",\"condition\":\"no_answer\"},"
                  + "{\"source\":\"call\",\"target\":\"sk\",\"condition\":\"skipped\"}]}");
      String runId = enrolAndAwaitRun(admin, wf, lead);

      JsonNode held =
          await("the call step says the call is held")
              .atMost(Duration.ofSeconds(60))
              .until(
                  () -> step(SmsApiIT.json(E2e.get("/api/v1/runs/" + runId, admin)), "call"),
                  st -> st != null && st.path("why").asText().startsWith("Call held"));
      assertThat(held.get("status").asText()).isEqualTo("waiting");
      assertThat(held.get("why").asText())
          .startsWith(
              "Call held, not placed: The Calls IT plan's limit of 1 voice calls this month")
          .contains("reached (resets on ")
          .contains("). It is placed once sending resumes");
      long messageId = held.at("/output/messageId").asLong();
      JsonNode message = SmsApiIT.json(E2e.get("/api/v1/messages/" + messageId, admin));
      assertThat(message.get("status").asText()).isEqualTo("QUEUED");
      assertThat(message.get("events").toString())
          .contains("sending paused: The Calls IT plan's limit of 1 voice calls");
      // not placed: Twilio never saw a call to this lead, and nothing more was metered
      assertThat(twilio.findAll(postRequestedFor(urlPathEqualTo(TwilioFake.calls(SID)))))
          .noneMatch(r -> phone.equals(SmsApiIT.form(r).get("To")));
      assertThat(
              StripeE2e.query(
                  "select coalesce(sum(quantity), 0) from usage_events where tenant_id = ?"
                      + " and meter = 'voice_calls' and idempotency_key = ?",
                  tenant.id(),
                  "message:" + messageId))
          .isZero();
    } finally {
      try (java.sql.Connection c = BillingApiIT.database().getConnection()) {
        c.createStatement()
            .execute(
                "update platform.tenants set plan = 'TEAM' where id = "
                    + tenant.id()
                    + "; delete from platform.plans where code = '"
                    + plan
                    + "'");
      }
    }
  }

  @Test
  void the_voice_webhook_is_in_the_openapi_document() throws Exception {
    assertThat(E2e.get("/openapi", null).body()).contains("/webhooks/twilio/voice");
  }
}
