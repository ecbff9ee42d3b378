package io.omnireach.workflow.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.omnireach.ai.Draft;
import io.omnireach.channel.ChannelAdapters;
import io.omnireach.channel.HostPolicy;
import io.omnireach.channel.Mailboxes;
import io.omnireach.channel.MessageRelay;
import io.omnireach.channel.MessageView;
import io.omnireach.channel.SmsAccounts;
import io.omnireach.channel.TrackingLinks;
import io.omnireach.channel.TwilioSmsChannel;
import io.omnireach.channel.TwilioVoiceChannel;
import io.omnireach.channel.UnsubscribeTokens;
import io.omnireach.channel.inbound.SmsWebhooks;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Migrations;
import io.omnireach.lead.LeadRepository;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import io.omnireach.workflow.WorkflowJson;
import io.omnireach.workflow.Workflows;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Call step in automated mode on PostgreSQL with a hand-moved clock, the real outbox relay and
 * the real Twilio client against a WireMock fake of Twilio's Calls API: the TwiML and status
 * callback Twilio gets, quiet hours deferring the call, the final status taking the step's output
 * and a Decision on it, and what happens without call consent.
 */
class AutomatedCallTest {

  static final String SID = "AC" + "0123456789abcdef0123456789abcdef";
  static final String CALLS = "/2010-04-01/Accounts/" + SID + "/Calls.json";

  static TestDatabase db;
  static TenantRef tenant;
  static MutableClock clock;
  static Workflows workflows;
  static WorkflowEngine engine;
  static Enrollments enrollments;
  static Runs runs;
  static Tasks tasks;
  static MessageRelay relay;
  static SmsWebhooks webhooks;
  static WireMockServer twilio;
  static final SecretBox secrets = SecretBox.fromBase64(SecretBox.newKey());

  @BeforeAll
  static void setUp() {
    twilio = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    twilio.start();
    // 14:00 in New York on a Wednesday
    clock = new MutableClock(Instant.parse("2026-11-25T19:00:00Z"));
    db = TestDatabase.migrated();
    long id =
        db.transactions()
            .platform(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "insert into tenants (slug, display_name, status)"
                              + " values ('callco', 'Call Co', 'ACTIVE') returning id")) {
                    ResultSet rs = ps.executeQuery();
                    rs.next();
                    return rs.getLong(1);
                  }
                });
    tenant = new TenantRef(id, "callco");
    Migrations.migrateTenant(db.dataSource(), tenant.schema());
    SmsAccounts accounts = new SmsAccounts(db.transactions(), secrets, clock);
    accounts.save(
        tenant, new SmsAccounts.Update(SID, "secret-token", "+14155550100", null, null), "admin");
    HostPolicy hosts = new HostPolicy(true);
    relay =
        new MessageRelay(
                db.transactions(),
                new Mailboxes(db.transactions(), secrets, hosts),
                new UnsubscribeTokens(secrets),
                new TrackingLinks(secrets),
                hosts,
                new ChannelAdapters(),
                "https://reach.example",
                clock)
            .withSms(accounts, TwilioSmsChannel.factory(twilio.baseUrl()))
            .withVoice(TwilioVoiceChannel.factory(twilio.baseUrl(), "https://reach.example/"));
    webhooks =
        new SmsWebhooks(
            db.transactions(), new TenantDirectory(db.transactions()), accounts, null, clock);
    StepGenerator offline =
        (t, leadId, personaId, prompt, actor) ->
            new Draft("s", "b", null, Draft.OFFLINE, false, 0, 0);
    workflows = new Workflows(db.transactions(), clock);
    engine =
        new WorkflowEngine(
            db.transactions(), clock, offline, RetryPolicy.WORKFLOW_STEP.withoutJitter());
    enrollments =
        new Enrollments(db.transactions(), clock, new LeadRepository(db.transactions(), clock));
    runs = new Runs(db.transactions());
    tasks = new Tasks(db.transactions(), clock);
    twilio.stubFor(
        post(urlPathEqualTo(CALLS))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"sid\":\"CA42\",\"status\":\"queued\"}")));
  }

  @AfterAll
  static void tearDown() {
    twilio.stop();
    db.close();
  }

  static long insert(String sql) {
    return db.transactions()
        .tenant(
            tenant,
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0L;
              }
            });
  }

  static long lead(String phone, String callConsent) {
    return insert(
        "insert into leads (first_name, email, phone, timezone, consent) values ('Ana', 'ana-"
            + UUID.randomUUID().toString().substring(0, 8)
            + "@leads.example', '"
            + phone
            + "', 'America/New_York', '"
            + (callConsent == null ? "{}" : "{\"calls\":{\"status\":\"" + callConsent + "\"}}")
            + "'::jsonb) returning id");
  }

  /** start → automated call → connected: decision "call completed"; the other outputs end. */
  static long published(String noConsent) {
    String json =
        "{\"name\":\"Call "
            + UUID.randomUUID().toString().substring(0, 8)
            + "\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
            + "{\"id\":\"call\",\"type\":\"call\",\"config\":{\"mode\":\"automated\","
            + "\"noConsent\":\""
            + noConsent
            + "\",\"script\":\"Hi {{lead.firstName}}, this is Acme <R&D>. We will email you.\"}},"
            + "{\"id\":\"d\",\"type\":\"decision\",\"config\":{\"condition\":"
            + "{\"kind\":\"call\",\"value\":\"completed\"}}},"
            + "{\"id\":\"talked\",\"type\":\"end\"},{\"id\":\"odd\",\"type\":\"end\"},"
            + "{\"id\":\"vm\",\"type\":\"end\"},{\"id\":\"na\",\"type\":\"end\"},"
            + "{\"id\":\"sk\",\"type\":\"end\"}],"
            + "\"edges\":[{\"source\":\"s\",\"target\":\"call\"},"
            + "{\"source\":\"call\",\"target\":\"d\",\"condition\":\"connected\"},"
            + "{\"source\":\"call\",\"target\":\"vm\",\"condition\":\"voicemail\"},"
            + "{\"source\":\"call\",\"target\":\"na\",\"condition\":\"no_answer\"},"
            + "{\"source\":\"call\",\"target\":\"sk\",\"condition\":\"skipped\"},"
            + "{\"source\":\"d\",\"target\":\"talked\",\"condition\":\"yes\"},"
            + "{\"source\":\"d\",\"target\":\"odd\",\"condition\":\"no\"}]}";
    long id = workflows.create(tenant, WorkflowJson.parseInput(json), "ada").id();
    workflows.publish(tenant, id, "ada");
    return id;
  }

  static long enrol(long workflowId, long leadId) {
    enrollments.enrol(tenant, workflowId, List.of(leadId), "ada");
    return runs.list(tenant, workflowId, null, leadId, null, 10).items().get(0).id();
  }

  static List<Long> drain() {
    List<Long> queued = new java.util.ArrayList<>();
    engine.drain(tenant, 100, r -> queued.addAll(r.messageIds()));
    return queued;
  }

  static NodeRunView step(long runId, String nodeId) {
    return runs.get(tenant, runId).steps().stream()
        .filter(s -> s.nodeId().equals(nodeId))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  static List<String> steps(long runId) {
    return runs.get(tenant, runId).steps().stream()
        .map(s -> s.nodeId() + "=" + s.status())
        .toList();
  }

  static Map<String, String> form(LoggedRequest r) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String pair : r.getBodyAsString().split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void the_call_reads_the_script_as_twiml_and_its_final_status_takes_the_output() {
    twilio.resetRequests();
    long lead = lead("+1 415 555 0150", "granted");
    long runId = enrol(published("task"), lead);
    List<Long> queued = drain();
    assertThat(queued).hasSize(1); // handed to the relay at once, like a send
    NodeRunView call = step(runId, "call");
    assertThat(call.status()).isEqualTo("waiting");
    assertThat(call.why()).startsWith("Call queued");

    assertThat(relay.relay(tenant, queued.get(0))).isEqualTo(MessageView.Status.SENT);
    List<LoggedRequest> sent = twilio.findAll(postRequestedFor(urlPathEqualTo(CALLS)));
    assertThat(sent).hasSize(1);
    Map<String, String> params = form(sent.get(0));
    assertThat(params)
        .containsEntry("To", "+14155550150")
        .containsEntry("From", "+14155550100")
        .containsEntry(
            "Twiml",
            "<Response><Say>Hi Ana, this is Acme &lt;R&amp;D&gt;. We will email you.</Say>"
                + "</Response>")
        .containsEntry("StatusCallback", "https://reach.example/webhooks/twilio/voice")
        .containsEntry("StatusCallbackMethod", "POST");

    // ringing changes nothing; the final status is recorded once and wakes the step
    Map<String, String> callback =
        Map.of("CallSid", "CA42", "AccountSid", SID, "CallStatus", "ringing");
    assertThat(webhooks.call(tenant, callback)).isEqualTo(SmsWebhooks.Outcome.UNMATCHED);
    Map<String, String> done =
        Map.of(
            "CallSid", "CA42", "AccountSid", SID, "CallStatus", "completed", "CallDuration", "31");
    assertThat(webhooks.call(tenant, done)).isEqualTo(SmsWebhooks.Outcome.APPLIED);
    assertThat(webhooks.call(tenant, done)).isEqualTo(SmsWebhooks.Outcome.DUPLICATE);
    assertThat(
            webhooks.call(
                tenant, Map.of("CallSid", "CA-unknown", "AccountSid", SID, "CallStatus", "busy")))
        .isEqualTo(SmsWebhooks.Outcome.UNMATCHED);
    clock.advance(Duration.ofSeconds(5));
    drain();
    assertThat(steps(runId))
        .containsExactly("s=succeeded", "call=succeeded", "d=succeeded", "talked=succeeded");
    assertThat(step(runId, "call").output())
        .containsEntry("callStatus", "completed")
        .containsEntry("outcome", "connected");
    assertThat(step(runId, "call").why()).isEqualTo("Twilio: completed (twilio completed, 31 s).");
    assertThat(step(runId, "d").why()).isEqualTo("The last call ended completed: true.");
  }

  @Test
  void at_night_for_the_lead_the_call_waits_until_8_am_there_and_no_answer_takes_its_output() {
    twilio.resetRequests();
    Instant saved = clock.instant();
    try {
      clock.set(Instant.parse("2026-11-26T03:00:00Z")); // 22:00 in New York
      long lead = lead("+14155550151", "granted");
      long runId = enrol(published("task"), lead);
      long id = drain().get(0);
      assertThat(relay.relay(tenant, id)).isEqualTo(MessageView.Status.QUEUED);
      twilio.verify(0, postRequestedFor(urlPathEqualTo(CALLS)));
      MessageView deferred = relayMessage(id);
      assertThat(deferred.notBefore()).isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
      assertThat(deferred.events().get(deferred.events().size() - 1).detail())
          .startsWith("quiet hours: voice only 08:00–21:00 America/New_York");

      clock.set(Instant.parse("2026-11-26T13:00:00Z"));
      assertThat(relay.relay(tenant, id)).isEqualTo(MessageView.Status.SENT);
      twilio.verify(1, postRequestedFor(urlPathEqualTo(CALLS)));
      webhooks.call(
          tenant, Map.of("CallSid", "CA42", "AccountSid", SID, "CallStatus", "no-answer"));
      clock.advance(Duration.ofSeconds(5));
      drain();
      assertThat(steps(runId)).contains("call=succeeded", "na=succeeded");
    } finally {
      clock.set(saved);
    }
  }

  @Test
  void without_call_consent_it_becomes_the_reps_task_or_is_skipped_with_the_reason() {
    twilio.resetRequests();
    long noConsent = lead("+14155550152", null);
    long runId = enrol(published("task"), noConsent);
    assertThat(drain()).isEmpty();
    NodeRunView call = step(runId, "call");
    assertThat(call.status()).isEqualTo("waiting");
    assertThat(call.why())
        .startsWith(
            "No automated call: Lead "
                + noConsent
                + " has not granted call consent (status: none); an automated call needs the"
                + " lead's express consent. Waiting for task");
    TaskView task =
        tasks.list(tenant, null, null, 100).stream()
            .filter(t -> t.runId() == runId)
            .findFirst()
            .orElseThrow();
    assertThat(task.kind()).isEqualTo(TaskKind.CALL);
    assertThat(task.link()).isEqualTo("tel:+14155550152");

    long denied = lead("+14155550153", "denied");
    long run2 = enrol(published("skip"), denied);
    drain();
    assertThat(steps(run2)).contains("call=succeeded", "sk=succeeded");
    assertThat(step(run2, "call").why()).contains("has not granted call consent (status: denied)");
    twilio.verify(0, postRequestedFor(urlPathEqualTo(CALLS)));
    assertThat(
            insert(
                "select count(*) from messages where channel = 'VOICE' and lead_id in ("
                    + noConsent
                    + ", "
                    + denied
                    + ")"))
        .isZero();
  }

  static MessageView relayMessage(long id) {
    return new io.omnireach.channel.Messages(db.transactions(), clock).get(tenant, id);
  }
}
