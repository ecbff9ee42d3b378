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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Leads with only a phone (or only a LinkedIn URL), through the real server in a workspace of its
 * own: created by the API and by CSV import, texted through the Twilio fake, refused an email with
 * 422, skipped by an email step and by the email leg of a fallback step with the reason in the step
 * log; a lead with no way to reach them is a 400 naming the rule, and another workspace does not
 * see them.
 */
class PhoneOnlyLeadsIT {

  static final String SID = "AC" + SmsApiIT.hex32();
  static final String TOKEN = "phone-only-token-" + UUID.randomUUID();
  static final String FROM = "+14155550100";
  static final String UNREACHABLE =
      "A lead needs at least one way to reach them: email, phone or LinkedIn URL.";

  static WireMockServer twilio;
  static String admin;

  @BeforeAll
  static void workspace() throws Exception {
    twilio = TwilioFake.start(SID);
    admin = StripeE2e.newTenant("phone").token();
    HttpResponse<String> saved = SmsApiIT.saveSettings(admin, SID, TOKEN, FROM);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
  }

  @AfterAll
  static void stopTwilio() {
    twilio.stop();
  }

  /** A phone-only lead at 14:00 local time with SMS consent. */
  static JsonNode phoneOnlyLead(String phone) throws Exception {
    ObjectNode body =
        SmsApiIT.JSON
            .createObjectNode()
            .put("firstName", "Kofi")
            .put("lastName", "Mensah")
            .put("phone", phone)
            .put("timezone", SmsApiIT.zoneAt(14).getId());
    body.putObject("consent").putObject("sms").put("status", "granted").put("source", "form");
    HttpResponse<String> r = E2e.send("POST", "/api/v1/leads", admin, body.toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return SmsApiIT.json(r);
  }

  static Optional<LoggedRequest> smsAtTwilio(String body) {
    return twilio.findAll(postRequestedFor(urlPathEqualTo(TwilioFake.messages(SID)))).stream()
        .filter(r -> body.equals(SmsApiIT.form(r).get("Body")))
        .findFirst();
  }

  static void assertProblem(HttpResponse<String> r, int status, String field) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(SmsApiIT.json(r).get("field").asText()).isEqualTo(field);
  }

  static String mailbox() throws Exception {
    return OutboundApiIT.created(
        E2e.send(
            "POST",
            "/api/v1/mailboxes",
            admin,
            "{\"name\":\"Phone-only "
                + UUID.randomUUID()
                + "\",\"host\":\"127.0.0.1\",\"port\":"
                + Integer.getInteger("omnireach.e2e.smtp.port", 3025)
                + ",\"tls\":false,\"fromAddress\":\"rep@phone-only.example\"}"));
  }

  @Test
  void a_phone_only_lead_is_created_texted_and_refused_email_and_nobody_else_sees_it()
      throws Exception {
    String phone = FallbackAndCallsIT.phone();
    JsonNode lead = phoneOnlyLead(phone);
    long id = lead.get("id").asLong();
    assertThat(lead.get("email").isNull()).as(lead.toString()).isTrue();
    assertThat(lead.get("phone").asText()).isEqualTo(phone);

    // nothing to reach them by: 400 with the rule
    HttpResponse<String> nothing =
        E2e.send("POST", "/api/v1/leads", admin, "{\"firstName\":\"Nobody\",\"company\":\"X\"}");
    assertProblem(nothing, 400, "email");
    assertThat(SmsApiIT.json(nothing).get("detail").asText()).isEqualTo(UNREACHABLE);
    // the same phone again without email is the same person
    HttpResponse<String> twice =
        E2e.send("POST", "/api/v1/leads", admin, "{\"phone\":\"" + phone + "\"}");
    assertProblem(twice, 409, "phone");
    // clearing the only way to reach them is refused and changes nothing
    HttpResponse<String> cleared =
        E2e.send("PATCH", "/api/v1/leads/" + id, admin, "{\"phone\":null}");
    assertProblem(cleared, 400, "email");
    assertThat(SmsApiIT.json(E2e.get("/api/v1/leads/" + id, admin)).get("phone").asText())
        .isEqualTo(phone);

    // an SMS reaches Twilio
    String text = "Hi Kofi, a quick text instead of an email. " + UUID.randomUUID();
    HttpResponse<String> queued = SmsApiIT.text(admin, id, text);
    assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
    LoggedRequest sms =
        await("the SMS at the Twilio fake")
            .atMost(Duration.ofSeconds(60))
            .until(() -> smsAtTwilio(text), Optional::isPresent)
            .orElseThrow();
    assertThat(SmsApiIT.form(sms)).containsEntry("To", phone).containsEntry("From", FROM);

    // an email cannot go anywhere: 422 with the reason, nothing queued
    HttpResponse<String> email =
        E2e.send(
            "POST",
            "/api/v1/leads/" + id + "/messages",
            admin,
            "{\"mailboxId\":" + mailbox() + ",\"subject\":\"Hi\",\"body\":\"Hello\"}");
    assertProblem(email, 422, "email");
    assertThat(SmsApiIT.json(email).get("detail").asText()).isEqualTo("Lead has no email address.");

    String globex = E2e.token("admin@globex.demo");
    assertThat(E2e.get("/api/v1/leads/" + id, globex).statusCode()).isEqualTo(404);
    assertThat(E2e.get("/api/v1/leads?q=Mensah", globex).body()).doesNotContain(phone);
  }

  @Test
  void a_csv_import_keeps_rows_without_email_by_phone_or_linkedin() throws Exception {
    String tag = "po" + UUID.randomUUID().toString().substring(0, 6);
    String phone = FallbackAndCallsIT.phone();
    String csv =
        "first_name,email,phone,linkedin,tags\n"
            + "Ama,ama."
            + tag
            + "@x.example,,,"
            + tag
            + "\n"
            + "Yaw,,"
            + phone
            + ",,"
            + tag
            + "\n"
            + "Esi,,,linkedin.com/in/esi-"
            + tag
            + ","
            + tag
            + "\n"
            + "Nobody,,,,"
            + tag
            + "\n";
    HttpResponse<String> accepted =
        Imports.upload(admin, "phones.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String done =
        Imports.awaitFinished(admin, E2e.field(accepted.body(), "id"), Duration.ofSeconds(90));
    assertThat(done).contains("\"status\":\"COMPLETED\"", "\"imported\":3", "\"failed\":1");
    JsonNode items = SmsApiIT.json(E2e.get("/api/v1/leads?tag=" + tag, admin)).get("items");
    assertThat(items).hasSize(3);
    JsonNode yaw = null;
    for (JsonNode l : items) {
      if ("Yaw".equals(l.get("firstName").asText())) {
        yaw = l;
      }
    }
    assertThat(yaw).isNotNull();
    assertThat(yaw.get("email").isNull()).isTrue();
    assertThat(yaw.get("phone").asText()).isEqualTo(phone);
    String errors =
        E2e.get("/api/v1/leads/imports/" + E2e.field(accepted.body(), "id") + "/errors", admin)
            .body();
    assertThat(errors).contains("5,email,", UNREACHABLE);
  }

  @Test
  void an_email_step_and_the_fallback_skip_email_for_a_phone_only_lead_and_text_it()
      throws Exception {
    mailbox(); // the email channel is set up; this lead just has no address on it
    String phone = FallbackAndCallsIT.phone();
    long lead = phoneOnlyLead(phone).get("id").asLong();
    String text = "Hi {{lead.firstName}}, texting as you have no inbox here. " + UUID.randomUUID();
    String wf =
        WorkflowEngineIT.publish(
            admin,
            "{\"name\":\"Phone-only IT "
                + UUID.randomUUID()
                + "\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
                + "{\"id\":\"mail\",\"type\":\"send_email\",\"config\":{"
                + "\"mailboxId\":\"rotate\",\"subject\":\"Hi\",\"body\":\"Hello\"}},"
                + "{\"id\":\"fb\",\"type\":\"send_fallback\",\"config\":{"
                + "\"channels\":[\"email\",\"sms\"],"
                + "\"email\":{\"mailboxId\":\"rotate\",\"subject\":\"Hi\",\"body\":\"Hello\"},"
                + "\"sms\":{\"body\":\""
                + text
                + "\"}}},"
                + "{\"id\":\"sent\",\"type\":\"end\"},{\"id\":\"none\",\"type\":\"end\"}],"
                + "\"edges\":[{\"source\":\"s\",\"target\":\"mail\"},"
                + "{\"source\":\"mail\",\"target\":\"fb\"},"
                + "{\"source\":\"fb\",\"target\":\"sent\",\"condition\":\"sent\"},"
                + "{\"source\":\"fb\",\"target\":\"none\",\"condition\":\"none\"}]}");
    String runId = FallbackAndCallsIT.enrolAndAwaitRun(admin, wf, lead);

    String expected = text.replace("{{lead.firstName}}", "Kofi");
    LoggedRequest sms =
        await("the fallback SMS at the Twilio fake")
            .atMost(Duration.ofSeconds(60))
            .until(() -> smsAtTwilio(expected), Optional::isPresent)
            .orElseThrow();
    assertThat(SmsApiIT.form(sms)).containsEntry("To", phone);
    JsonNode run =
        await("the run ends down sent")
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> SmsApiIT.json(E2e.get("/api/v1/runs/" + runId, admin)),
                r -> "succeeded".equals(r.at("/run/status").asText()));
    JsonNode mail = FallbackAndCallsIT.step(run, "mail");
    assertThat(mail.get("status").asText()).isEqualTo("succeeded");
    assertThat(mail.get("why").asText()).isEqualTo("Skipped: lead has no email address.");
    assertThat(mail.at("/output/skipped").asText()).isEqualTo("lead has no email address");
    JsonNode fb = FallbackAndCallsIT.step(run, "fb");
    assertThat(fb.at("/output/channel").asText()).isEqualTo("sms");
    List<String> skipped = new java.util.ArrayList<>();
    fb.at("/output/skipped")
        .forEach(k -> skipped.add(k.get("channel").asText() + ":" + k.get("reason").asText()));
    assertThat(skipped).containsExactly("email:NO_ADDRESS");
    assertThat(fb.get("why").asText())
        .isEqualTo("email skipped: the lead has no email address. Queued by SMS.");
    assertThat(FallbackAndCallsIT.step(run, "sent").get("status").asText()).isEqualTo("succeeded");
  }
}
