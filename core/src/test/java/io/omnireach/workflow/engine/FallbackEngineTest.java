package io.omnireach.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.ai.Draft;
import io.omnireach.db.Migrations;
import io.omnireach.lead.LeadRepository;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import io.omnireach.workflow.WorkflowJson;
import io.omnireach.workflow.WorkflowSettings;
import io.omnireach.workflow.Workflows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Send with fallback and the "no reply on channel X within N days" decision on PostgreSQL with a
 * hand-moved clock: the channel each lead gets and why the others were skipped, the "none" output,
 * and the decision waiting out its days, answered per channel.
 */
class FallbackEngineTest {

  static final TenantRef ACME = new TenantRef(1, "acme");
  static TestDatabase db;
  static MutableClock clock;
  static Workflows workflows;
  static WorkflowEngine engine;
  static Enrollments enrollments;
  static Runs runs;
  static Tasks tasks;
  static long mailbox;

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated();
    Migrations.migrateTenant(db.dataSource(), ACME.schema());
    clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    mailbox =
        insert(
            "insert into mailboxes (name, host, port, from_address, daily_cap) values"
                + " ('Main', 'smtp.example', 25, 'a@acme.example', 200) returning id");
    insert(
        "insert into sms_settings (account_sid, auth_token_enc, from_number, updated_at) values"
            + " ('AC0123456789abcdef0123456789abcdef', 'sealed', '+15005550006', now())"
            + " returning id");
    StepGenerator offline =
        (tenant, leadId, personaId, prompt, actor) ->
            new Draft("s", "b", null, Draft.OFFLINE, false, 0, 0);
    workflows = new Workflows(db.transactions(), clock);
    engine =
        new WorkflowEngine(
            db.transactions(), clock, offline, RetryPolicy.WORKFLOW_STEP.withoutJitter());
    enrollments =
        new Enrollments(db.transactions(), clock, new LeadRepository(db.transactions(), clock));
    runs = new Runs(db.transactions());
    tasks = new Tasks(db.transactions(), clock);
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static long insert(String sql) {
    return db.transactions()
        .tenant(
            ACME,
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0L;
              }
            });
  }

  static void exec(String sql) {
    db.transactions()
        .tenant(
            ACME,
            c -> {
              try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
              }
            });
  }

  /**
   * A lead with the given email (null: a fresh address), phone, LinkedIn URL and SMS consent (null:
   * none recorded).
   */
  static long lead(String email, String phone, String linkedin, String smsConsent) {
    return lead(email, phone, linkedin, smsConsent, null);
  }

  static long lead(
      String email, String phone, String linkedin, String smsConsent, String emailConsent) {
    String consent =
        "{"
            + (smsConsent == null ? "" : "\"sms\":{\"status\":\"" + smsConsent + "\"}")
            + (smsConsent != null && emailConsent != null ? "," : "")
            + (emailConsent == null ? "" : "\"email\":{\"status\":\"" + emailConsent + "\"}")
            + "}";
    if (email == null) {
      email = "lee-" + unique() + "@leads.example";
    }
    return insert(
        "insert into leads (first_name, email, phone, linkedin_url, consent) values ('Lee', "
            + q(email)
            + ", "
            + q(phone)
            + ", "
            + q(linkedin)
            + ", '"
            + consent
            + "'::jsonb) returning id");
  }

  static String q(String s) {
    return s == null ? "null" : "'" + s + "'";
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** start → send_fallback → (sent) decision no_reply on {@code channel} in 3 days, (none) end. */
  static long published(String channels, String noReplyOn) {
    String json =
        "{\"name\":\"Fallback "
            + unique()
            + "\",\"nodes\":["
            + "{\"id\":\"s\",\"type\":\"start\"},"
            + "{\"id\":\"fb\",\"type\":\"send_fallback\",\"config\":{\"channels\":"
            + channels
            + ",\"email\":{\"mailboxId\":"
            + mailbox
            + ",\"subject\":\"Hi {{lead.firstName}}\",\"body\":\"Hello {{lead.firstName}}\"},"
            + "\"sms\":{\"body\":\"Hi {{lead.firstName}}, quick question?\"},"
            + "\"linkedin\":{\"action\":\"message\",\"text\":\"Hi {{lead.firstName}}!\"}}},"
            + "{\"id\":\"d\",\"type\":\"decision\",\"config\":{\"condition\":"
            + "{\"kind\":\"no_reply\",\"channel\":\""
            + noReplyOn
            + "\",\"days\":3}}},"
            + "{\"id\":\"quiet\",\"type\":\"end\"},{\"id\":\"answered\",\"type\":\"end\"},"
            + "{\"id\":\"nobody\",\"type\":\"end\"}],"
            + "\"edges\":[{\"source\":\"s\",\"target\":\"fb\"},"
            + "{\"source\":\"fb\",\"target\":\"d\",\"condition\":\"sent\"},"
            + "{\"source\":\"fb\",\"target\":\"nobody\",\"condition\":\"none\"},"
            + "{\"source\":\"d\",\"target\":\"quiet\",\"condition\":\"yes\"},"
            + "{\"source\":\"d\",\"target\":\"answered\",\"condition\":\"no\"}]}";
    WorkflowJson.Input in = WorkflowJson.parseInput(json);
    long id =
        workflows
            .create(
                ACME, new WorkflowJson.Input(in.graph(), null, new WorkflowSettings(false)), "ada")
            .id();
    workflows.publish(ACME, id, "ada");
    return id;
  }

  static long enrol(long workflowId, long leadId) {
    assertThat(enrollments.enrol(ACME, workflowId, List.of(leadId), "ada").enrolled()).isEqualTo(1);
    return runs.list(ACME, workflowId, null, leadId, null, 10).items().get(0).id();
  }

  static void drain() {
    engine.drain(ACME, 100, r -> {});
  }

  static NodeRunView step(long runId, String nodeId) {
    return runs.get(ACME, runId).steps().stream()
        .filter(s -> s.nodeId().equals(nodeId))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  static List<String> steps(long runId) {
    return runs.get(ACME, runId).steps().stream().map(s -> s.nodeId() + "=" + s.status()).toList();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> skipped(NodeRunView fb) {
    return (List<Map<String, Object>>) fb.output().get("skipped");
  }

  static void reply(long leadId, Long messageId, String raw) {
    db.transactions()
        .tenant(
            ACME,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into replies (message_id, lead_id, body, received_at,"
                          + " classification, raw_message_id) values (?, ?, 'yes', ?,"
                          + " 'INTERESTED', ?) returning id")) {
                ps.setObject(1, messageId);
                ps.setLong(2, leadId);
                ps.setTimestamp(3, Timestamp.from(clock.instant()));
                ps.setString(4, raw);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  // as the inbound writers do: the reply's signal in the reply's transaction
                  io.omnireach.lead.LeadSignals.reply(c, rs.getLong(1));
                  return rs.getLong(1);
                }
              }
            });
  }

  @Test
  void a_lead_who_denied_email_without_linkedin_url_gets_the_sms_and_the_log_says_why() {
    long wf = published("[\"email\",\"linkedin\",\"sms\"]", "sms");
    long lead = lead(null, "+1 (415) 555-0100", null, "granted", "denied");
    long runId = enrol(wf, lead);
    drain();

    NodeRunView fb = step(runId, "fb");
    assertThat(fb.status()).isEqualTo("succeeded");
    assertThat(fb.output()).containsEntry("channel", "sms");
    assertThat(skipped(fb))
        .extracting(m -> m.get("channel") + ":" + m.get("reason"))
        .containsExactly("email:CONSENT_DENIED", "linkedin:NO_ADDRESS");
    assertThat(fb.why())
        .isEqualTo(
            "email skipped: the lead denied email consent. LinkedIn skipped: the lead has no"
                + " LinkedIn profile URL. Queued by SMS.");
    assertThat(fb.messageId()).isNotNull();
    assertThat(
            insert(
                "select count(*) from messages where channel = 'SMS' and to_address ="
                    + " '+14155550100' and body = 'Hi Lee, quick question?' and lead_id = "
                    + lead))
        .isEqualTo(1);
    // the decision on SMS waits for its three days
    assertThat(step(runId, "d").status()).isEqualTo("waiting");
  }

  @Test
  void a_mailbox_at_its_cap_and_a_lead_without_sms_consent_fall_through_to_a_linkedin_task() {
    long capped =
        insert(
            "insert into mailboxes (name, host, port, from_address, daily_cap) values"
                + " ('Tiny "
                + unique()
                + "', 'smtp.example', 25, 't@acme.example', 1) returning id");
    long other = lead("other-" + unique() + "@x.example", null, null, null);
    exec(
        "insert into messages (lead_id, mailbox_id, channel, idempotency_key, message_id,"
            + " to_address, subject, body, created_at) values ("
            + other
            + ", "
            + capped
            + ", 'EMAIL', 'k-"
            + unique()
            + "', '<"
            + unique()
            + "@x>', 'o@x.example', 's', 'b', '"
            + clock.instant()
            + "')");
    String json =
        "{\"name\":\"Capped "
            + unique()
            + "\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
            + "{\"id\":\"fb\",\"type\":\"send_fallback\",\"config\":{\"channels\":"
            + "[\"email\",\"sms\",\"linkedin\"],\"email\":{\"mailboxId\":"
            + capped
            + ",\"subject\":\"Hi\",\"body\":\"Hello\"},\"sms\":{\"body\":\"Hi\"},"
            + "\"linkedin\":{\"action\":\"connect\",\"text\":\"Hi {{lead.firstName}}\"}}},"
            + "{\"id\":\"e\",\"type\":\"end\"},{\"id\":\"n\",\"type\":\"end\"}],"
            + "\"edges\":[{\"source\":\"s\",\"target\":\"fb\"},"
            + "{\"source\":\"fb\",\"target\":\"e\",\"condition\":\"sent\"},"
            + "{\"source\":\"fb\",\"target\":\"n\",\"condition\":\"none\"}]}";
    WorkflowJson.Input in = WorkflowJson.parseInput(json);
    long wf = workflows.create(ACME, in, "ada").id();
    workflows.publish(ACME, wf, "ada");
    long lead =
        lead(
            "lee-" + unique() + "@leads.example",
            "+14155550101",
            "https://www.linkedin.com/in/lee",
            "unknown");
    long runId = enrol(wf, lead);
    drain();

    NodeRunView fb = step(runId, "fb");
    assertThat(fb.output()).containsEntry("channel", "linkedin");
    assertThat(skipped(fb))
        .extracting(m -> m.get("channel") + ":" + m.get("reason"))
        .containsExactly("email:AT_CAP", "sms:CONSENT_MISSING");
    assertThat(fb.why())
        .contains("the mailbox is at its daily cap", "has not granted SMS consent (unknown)")
        .endsWith("LinkedIn task created for the rep.");
    // the run goes on at once; the task waits in the rep's queue with the profile link
    assertThat(runs.get(ACME, runId).run().status()).isEqualTo("succeeded");
    TaskView task =
        tasks.list(ACME, null, null, 500).stream()
            .filter(t -> t.runId() == runId)
            .findFirst()
            .orElseThrow();
    assertThat(task.kind()).isEqualTo(TaskKind.LINKEDIN);
    assertThat(task.link()).isEqualTo("https://www.linkedin.com/in/lee");
    assertThat(task.body()).isEqualTo("Hi Lee");
    assertThat(insert("select count(*) from messages where lead_id = " + lead)).isZero();
    // recording its outcome later is fine although the step is long done
    assertThat(tasks.record(ACME, task.id(), "sent", "sam@acme.demo", true).outcome())
        .isEqualTo("sent");
  }

  @Test
  void no_channel_available_takes_the_none_output_with_every_reason() {
    long wf = published("[\"email\",\"sms\"]", "email");
    long lead = lead(null, "12345", null, "granted");
    String address = "gone-" + unique() + "@leads.example";
    exec("update leads set email = '" + address + "' where id = " + lead);
    exec("insert into suppressions (email, reason) values ('" + address + "', 'UNSUBSCRIBED')");
    long runId = enrol(wf, lead);
    drain();
    NodeRunView fb = step(runId, "fb");
    assertThat(fb.status()).isEqualTo("succeeded");
    assertThat(fb.output()).containsEntry("channel", null);
    assertThat(fb.why())
        .isEqualTo(
            "No channel available. email skipped: the address is on the suppression list"
                + " (unsubscribed). SMS skipped: the lead has no phone number in international"
                + " format.");
    assertThat(steps(runId)).containsExactly("s=succeeded", "fb=succeeded", "nobody=succeeded");
    assertThat(insert("select count(*) from messages where lead_id = " + lead)).isZero();
  }

  @Test
  void no_reply_by_email_within_three_days_waits_them_out_and_counts_only_email_replies() {
    long wf = published("[\"email\",\"sms\"]", "email");
    long silent = lead("silent-" + unique() + "@leads.example", null, null, null);
    long texter = lead("texter-" + unique() + "@leads.example", "+14155550102", null, "granted");
    long writer = lead("writer-" + unique() + "@leads.example", null, null, null);
    long silentRun = enrol(wf, silent);
    long texterRun = enrol(wf, texter);
    long writerRun = enrol(wf, writer);
    drain();
    for (long run : List.of(silentRun, texterRun, writerRun)) {
      assertThat(step(run, "fb").output()).containsEntry("channel", "email");
      assertThat(step(run, "d").status()).isEqualTo("waiting");
      assertThat(step(run, "d").why()).startsWith("Waiting until 2026-11-28T10:00:00Z");
    }

    clock.advance(Duration.ofDays(1));
    // an inbound SMS is no email reply; an email reply (linked to our email) is
    reply(texter, null, "twilio:SM" + unique());
    reply(writer, step(writerRun, "fb").messageId(), "<" + unique() + "@mail>");
    drain();
    assertThat(steps(writerRun)).contains("d=succeeded", "answered=succeeded");
    assertThat(step(writerRun, "d").why()).startsWith("Replied by email at 2026-11-26T10:00:00Z");
    assertThat(step(silentRun, "d").status()).isEqualTo("waiting");
    assertThat(step(texterRun, "d").status()).isEqualTo("waiting");

    clock.advance(Duration.ofDays(2).minusMinutes(1));
    drain();
    assertThat(step(silentRun, "d").status()).isEqualTo("waiting");
    clock.advance(Duration.ofMinutes(1));
    drain();
    for (long run : List.of(silentRun, texterRun)) {
      assertThat(steps(run)).contains("d=succeeded", "quiet=succeeded");
      assertThat(step(run, "d").why())
          .isEqualTo("No email reply within 3 days of the send at 2026-11-25T10:00:00Z.");
    }
  }

  @Test
  void no_reply_on_linkedin_reads_the_reps_replied_outcome_and_a_channel_never_used_is_no() {
    long wf = published("[\"linkedin\"]", "linkedin");
    long replied = lead(null, null, "https://www.linkedin.com/in/a-" + unique(), null);
    long runId = enrol(wf, replied);
    drain();
    TaskView task =
        tasks.list(ACME, null, null, 500).stream()
            .filter(t -> t.runId() == runId)
            .findFirst()
            .orElseThrow();
    clock.advance(Duration.ofDays(2));
    tasks.record(ACME, task.id(), "replied", "sam@acme.demo", true);
    clock.advance(Duration.ofDays(1));
    drain();
    assertThat(steps(runId)).contains("answered=succeeded");
    assertThat(step(runId, "d").why()).startsWith("Replied by LinkedIn at");

    // a decision on SMS in a run that only sent email: nothing is missing, so "no"
    long wfSms = published("[\"email\"]", "sms");
    long emailOnly = lead("e-" + unique() + "@leads.example", null, null, null);
    long run2 = enrol(wfSms, emailOnly);
    drain();
    assertThat(steps(run2)).contains("answered=succeeded");
    assertThat(step(run2, "d").why())
        .isEqualTo("Nothing was sent by SMS in this run, so no SMS reply is missing.");
  }
}
