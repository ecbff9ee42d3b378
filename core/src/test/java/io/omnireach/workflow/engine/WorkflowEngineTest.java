package io.omnireach.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.ai.Draft;
import io.omnireach.common.DomainException;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine on PostgreSQL with a hand-moved clock: waits of days, decisions, A/B splits, retries,
 * permanent failures, pause/resume/cancel, stop on reply, out-of-office pauses, tasks, idempotent
 * sends and reclaimed leases.
 */
class WorkflowEngineTest {

  static final TenantRef ACME = new TenantRef(1, "acme");
  static TestDatabase db;
  static MutableClock clock;
  static Workflows workflows;
  static WorkflowEngine engine;
  static Enrollments enrollments;
  static RunControl control;
  static Runs runs;
  static Tasks tasks;
  static long mailbox;
  static long persona;
  static final AtomicInteger aiFailuresLeft = new AtomicInteger();

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated();
    Migrations.migrateTenant(db.dataSource(), ACME.schema());
    clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    mailbox =
        insert(
            "insert into mailboxes (name, host, port, from_address) values"
                + " ('Main', 'smtp.example', 25, 'a@acme.example') returning id");
    persona =
        insert(
            "insert into personas (name, tone_formality, tone_detail, tone_warmth,"
                + " default_channel, language) values ('SDR', 50, 50, 50, 'EMAIL', 'en') returning id");
    StepGenerator generator =
        (tenant, leadId, personaId, prompt, actor) -> {
          if (aiFailuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("provider timed out");
          }
          // LinkedIn and Call steps use a provider's text only; their briefs name the channel
          boolean provider =
              prompt != null && (prompt.contains("LinkedIn") || prompt.contains("call"));
          return new Draft(
              "Idea for lead " + leadId,
              "Hello from persona " + personaId,
              null,
              provider ? "test/model" : Draft.OFFLINE,
              false,
              0,
              0);
        };
    workflows = new Workflows(db.transactions(), clock);
    engine =
        new WorkflowEngine(
            db.transactions(), clock, generator, RetryPolicy.WORKFLOW_STEP.withoutJitter());
    enrollments =
        new Enrollments(db.transactions(), clock, new LeadRepository(db.transactions(), clock));
    control = new RunControl(db.transactions(), clock);
    runs = new Runs(db.transactions());
    tasks = new Tasks(db.transactions(), clock);
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @BeforeEach
  void noFailures() {
    aiFailuresLeft.set(0);
  }

  static long insert(String sql) {
    return db.transactions()
        .tenant(
            ACME,
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }

  static long lead(String first) {
    return insert(
        "insert into leads (first_name, email, score) values ('"
            + first
            + "', '"
            + first.toLowerCase()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8)
            + "@leads.example', 40) returning id");
  }

  static long published(String json, boolean stopOnReply) {
    WorkflowJson.Input in = WorkflowJson.parseInput(json);
    long id =
        workflows
            .create(
                ACME,
                new WorkflowJson.Input(in.graph(), null, new WorkflowSettings(stopOnReply)),
                "ada")
            .id();
    workflows.publish(ACME, id, "ada");
    return id;
  }

  static long enrol(long workflowId, long leadId) {
    assertThat(enrollments.enrol(ACME, workflowId, List.of(leadId), "ada").enrolled()).isEqualTo(1);
    return runs.list(ACME, workflowId, null, leadId, null, 10).items().get(0).id();
  }

  static int drain() {
    return engine.drain(ACME, 100, r -> {});
  }

  static RunDetail run(long runId) {
    return runs.get(ACME, runId);
  }

  static List<String> steps(long runId) {
    List<String> out = new ArrayList<>();
    for (NodeRunView s : run(runId).steps()) {
      out.add(s.nodeId() + "=" + s.status());
    }
    return out;
  }

  static long messagesOf(long leadId) {
    return insert("select count(*) from messages where lead_id = " + leadId);
  }

  static void reply(long leadId, String cls, String oooUntil) {
    db.transactions()
        .tenant(
            ACME,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into replies (lead_id, body, received_at, classification, ooo_until, raw_message_id)"
                          + " values (?, 'x', ?, ?, ?::date, ?) returning id")) {
                ps.setLong(1, leadId);
                ps.setTimestamp(2, Timestamp.from(clock.instant()));
                ps.setString(3, cls);
                ps.setString(4, oooUntil);
                ps.setString(5, UUID.randomUUID().toString());
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  // as the inbound writers do: the reply's signal in the reply's transaction
                  io.omnireach.lead.LeadSignals.reply(c, rs.getLong(1));
                  return rs.getLong(1);
                }
              }
            });
  }

  static String sendWaitDecide(String extraSend) {
    return "{\"name\":\"Touch, wait, decide\",\"nodes\":["
        + "{\"id\":\"s\",\"type\":\"start\"},"
        + "{\"id\":\"mail\",\"type\":\"send_email\",\"config\":{\"mailboxId\":"
        + mailbox
        + ",\"subject\":\"Hi {{lead.firstName}}\",\"body\":\"Hello {{lead.firstName}}\""
        + extraSend
        + "}},"
        + "{\"id\":\"w\",\"type\":\"wait\",\"config\":{\"duration\":\"P2D\"}},"
        + "{\"id\":\"d\",\"type\":\"decision\",\"config\":{\"condition\":{\"kind\":\"replied\"}}},"
        + "{\"id\":\"won\",\"type\":\"update_lead\",\"config\":{\"stage\":\"replied\"}},"
        + "{\"id\":\"nudge\",\"type\":\"send_email\",\"config\":{\"mailboxId\":\"rotate\","
        + "\"subject\":\"Re: hi\",\"body\":\"Any thoughts?\"}},"
        + "{\"id\":\"e1\",\"type\":\"end\"},{\"id\":\"e2\",\"type\":\"end\"}],"
        + "\"edges\":[{\"source\":\"s\",\"target\":\"mail\"},{\"source\":\"mail\",\"target\":\"w\"},"
        + "{\"source\":\"w\",\"target\":\"d\"},{\"source\":\"d\",\"target\":\"won\",\"condition\":\"yes\"},"
        + "{\"source\":\"d\",\"target\":\"nudge\",\"condition\":\"no\"},{\"source\":\"won\",\"target\":\"e1\"},"
        + "{\"source\":\"nudge\",\"target\":\"e2\"}]}";
  }

  @Test
  void a_two_day_wait_passes_in_milliseconds_and_the_decision_takes_the_no_branch() {
    long wf = published(sendWaitDecide(""), false);
    long lead = lead("Maria");
    long runId = enrol(wf, lead);

    drain();
    assertThat(steps(runId)).containsExactly("s=succeeded", "mail=succeeded", "w=waiting");
    assertThat(run(runId).run().status()).isEqualTo("waiting");
    assertThat(messagesOf(lead)).isEqualTo(1);
    assertThat(
            insert(
                "select count(*) from messages where idempotency_key = 'acme:wf:"
                    + runId
                    + ":mail'"))
        .isEqualTo(1);

    clock.advance(Duration.ofDays(1));
    assertThat(drain()).isZero();
    clock.advance(Duration.ofDays(1));
    drain();
    RunDetail done = run(runId);
    assertThat(done.run().status()).isEqualTo("succeeded");
    assertThat(steps(runId))
        .containsExactly(
            "s=succeeded",
            "mail=succeeded",
            "w=succeeded",
            "d=succeeded",
            "nudge=succeeded",
            "e2=succeeded");
    assertThat(done.steps().get(3).why()).startsWith("No reply since the run started");
    assertThat(messagesOf(lead)).isEqualTo(2);
  }

  @Test
  void a_reply_during_the_wait_takes_the_yes_branch_when_replies_do_not_stop_the_run() {
    long wf = published(sendWaitDecide(""), false);
    long lead = lead("Yusuf");
    long runId = enrol(wf, lead);
    drain();
    clock.advance(Duration.ofHours(5));
    reply(lead, "INTERESTED", null);
    clock.advance(Duration.ofDays(2));
    drain();
    RunDetail done = run(runId);
    assertThat(done.run().status()).isEqualTo("succeeded");
    assertThat(steps(runId)).contains("d=succeeded", "won=succeeded", "e1=succeeded");
    assertThat(
            done.steps().stream()
                .filter(s -> s.nodeId().equals("d"))
                .findFirst()
                .orElseThrow()
                .why())
        .contains("Replied at", "(interested)");
    assertThat(insert("select count(*) from leads where id = " + lead + " and stage = 'replied'"))
        .isEqualTo(1);
  }

  @Test
  void an_open_of_the_runs_email_wakes_a_wait_for_an_open_through_its_signal() {
    long wf =
        published(
            "{\"name\":\"Send, wait for an open\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
                + "{\"id\":\"mail\",\"type\":\"send_email\",\"config\":{\"mailboxId\":"
                + mailbox
                + ",\"subject\":\"Hi\",\"body\":\"Hello\"}},"
                + "{\"id\":\"w\",\"type\":\"wait\",\"config\":{\"until\":\"open\",\"timeout\":\"P3D\"}},"
                + "{\"id\":\"e\",\"type\":\"end\"}],"
                + "\"edges\":[{\"source\":\"s\",\"target\":\"mail\"},"
                + "{\"source\":\"mail\",\"target\":\"w\"},{\"source\":\"w\",\"target\":\"e\"}]}",
            false);
    long lead = lead("Opener");
    long runId = enrol(wf, lead);
    drain();
    assertThat(steps(runId)).containsExactly("s=succeeded", "mail=succeeded", "w=waiting");
    long message =
        insert("select message_id from node_runs where node_id = 'mail' and run_id = " + runId);
    clock.advance(Duration.ofMinutes(5));
    db.transactions()
        .tenant(
            ACME,
            c -> {
              // as the tracking pixel records it: the event and the lead's signal together
              io.omnireach.channel.Messages.event(c, message, "OPENED", null, clock);
              return null;
            });
    drain();
    assertThat(run(runId).run().status()).isEqualTo("succeeded");
    NodeRunView w =
        run(runId).steps().stream().filter(x -> x.nodeId().equals("w")).findFirst().orElseThrow();
    assertThat(w.output()).containsEntry("endedBy", "open");
  }

  @Test
  void a_reply_stops_the_run_by_default() {
    long wf = published(sendWaitDecide(""), true);
    long lead = lead("Stop");
    long runId = enrol(wf, lead);
    drain();
    reply(lead, "NOT_INTERESTED", null);
    clock.advance(Duration.ofMinutes(1));
    drain();
    RunView r = run(runId).run();
    assertThat(r.status()).isEqualTo("cancelled");
    assertThat(r.stopReason()).startsWith("Lead replied (not_interested)");
    assertThat(steps(runId)).containsExactly("s=succeeded", "mail=succeeded", "w=cancelled");
    clock.advance(Duration.ofDays(3));
    drain();
    assertThat(messagesOf(lead)).isEqualTo(1);
  }

  @Test
  void an_out_of_office_reply_pauses_the_run_until_the_return_date_then_it_resumes() {
    long wf = published(sendWaitDecide(""), true);
    long lead = lead("Away");
    long runId = enrol(wf, lead);
    drain();
    String back = clock.instant().plus(Duration.ofDays(5)).toString().substring(0, 10);
    reply(lead, "OUT_OF_OFFICE", back);
    drain();
    RunView paused = run(runId).run();
    assertThat(paused.status()).isEqualTo("paused");
    assertThat(paused.stopReason()).isEqualTo("Out of office until " + back + ".");
    clock.advance(Duration.ofDays(3)); // the 2-day wait is over, but the lead is away
    drain();
    assertThat(run(runId).run().status()).isEqualTo("paused");
    assertThat(messagesOf(lead)).isEqualTo(1);
    clock.advance(Duration.ofDays(2));
    drain();
    assertThat(run(runId).run().status()).isEqualTo("succeeded");
    assertThat(steps(runId)).contains("nudge=succeeded"); // OOO is not a reply for the decision
  }

  @Test
  void ab_variants_split_by_weight_deterministically_and_are_counted_per_variant() {
    String variants =
        ",\"variants\":[{\"name\":\"A\",\"subject\":\"A {{lead.firstName}}\",\"weight\":1},"
            + "{\"name\":\"B\",\"subject\":\"B {{lead.firstName}}\",\"weight\":3}]";
    long wf = published(sendWaitDecide(variants), false);
    List<Long> leads = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      leads.add(lead("Ab" + i));
    }
    assertThat(enrollments.enrol(ACME, wf, leads, "ada").enrolled()).isEqualTo(200);
    drain();
    Map<String, Long> perVariant = new LinkedHashMap<>();
    for (NodeStats s : runs.analytics(ACME, wf)) {
      if (s.nodeId().equals("mail") && s.variant() != null) {
        perVariant.put(s.variant(), s.entered());
      }
    }
    assertThat(perVariant.get("A") + perVariant.get("B")).isEqualTo(200);
    System.out.println("A/B split of 200 runs, weights 1:3 -> " + perVariant);
    assertThat(perVariant.get("B")).isBetween(125L, 175L);
    assertThat(insert("select count(*) from messages where subject like 'B Ab%'"))
        .isEqualTo(perVariant.get("B"));
    // the same run always gets the same variant
    assertThat(
            io.omnireach.workflow.nodes.SendEmailNode.variant(
                List.of(
                    new io.omnireach.workflow.nodes.SendEmailNode.Variant("A", null, null, 1),
                    new io.omnireach.workflow.nodes.SendEmailNode.Variant("B", null, null, 3)),
                42))
        .isEqualTo(
            io.omnireach.workflow.nodes.SendEmailNode.variant(
                List.of(
                    new io.omnireach.workflow.nodes.SendEmailNode.Variant("A", null, null, 1),
                    new io.omnireach.workflow.nodes.SendEmailNode.Variant("B", null, null, 3)),
                42));
  }

  static String aiThenSend(long personaId) {
    return "{\"name\":\"AI then send\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
        + "{\"id\":\"ai\",\"type\":\"ai_generate\",\"config\":{\"personaId\":"
        + personaId
        + ",\"prompt\":\"Say hi\",\"maxAttempts\":3}},"
        + "{\"id\":\"mail\",\"type\":\"send_email\",\"config\":{\"mailboxId\":\"rotate\"}},"
        + "{\"id\":\"e\",\"type\":\"end\"}],\"edges\":[{\"source\":\"s\",\"target\":\"ai\"},"
        + "{\"source\":\"ai\",\"target\":\"mail\"},{\"source\":\"mail\",\"target\":\"e\"}]}";
  }

  @Test
  void a_failing_step_is_retried_with_backoff_then_succeeds() {
    long wf = published(aiThenSend(persona), true);
    long lead = lead("Retry");
    long runId = enrol(wf, lead);
    aiFailuresLeft.set(2);
    drain();
    NodeRunView ai = run(runId).steps().get(1);
    assertThat(ai.status()).isEqualTo("pending");
    assertThat(ai.attempt()).isEqualTo(1);
    assertThat(ai.error()).contains("provider timed out");
    assertThat(ai.dueAt()).isEqualTo(clock.instant().plusSeconds(30));
    clock.advance(Duration.ofSeconds(29));
    assertThat(drain()).isZero();
    clock.advance(Duration.ofSeconds(1));
    drain();
    ai = run(runId).steps().get(1);
    assertThat(ai.attempt()).isEqualTo(2);
    assertThat(ai.dueAt()).isEqualTo(clock.instant().plusSeconds(60)); // doubled
    clock.advance(Duration.ofSeconds(60));
    drain();
    RunDetail done = run(runId);
    assertThat(done.run().status()).isEqualTo("succeeded");
    assertThat(done.steps().get(1).attempt()).isEqualTo(3);
    assertThat(
            insert(
                "select count(*) from messages where lead_id = "
                    + lead
                    + " and subject = 'Idea for lead "
                    + lead
                    + "' and persona_id is not distinct from persona_id"))
        .isEqualTo(1);
  }

  @Test
  void a_deleted_persona_fails_the_step_permanently_with_a_readable_reason_and_it_can_be_retried() {
    long doomed =
        insert(
            "insert into personas (name, tone_formality, tone_detail, tone_warmth,"
                + " default_channel, language) values ('Doomed', 50, 50, 50, 'EMAIL', 'en') returning id");
    long wf = published(aiThenSend(doomed), true);
    long lead = lead("Perm");
    long runId = enrol(wf, lead);
    insert(
        "with d as (delete from personas where id = "
            + doomed
            + " returning id) select count(*) from d");
    drain();
    RunDetail failed = run(runId);
    assertThat(failed.run().status()).isEqualTo("failed");
    assertThat(failed.run().stopReason()).contains("Persona " + doomed + " no longer exists");
    assertThat(failed.steps().get(1).attempt()).isEqualTo(1); // not retried
    assertThatThrownBy(() -> control.retryNode(ACME, runId, "mail", "ada"))
        .isInstanceOf(DomainException.class);
    control.retryNode(ACME, runId, "ai", "ada");
    assertThat(run(runId).run().status()).isEqualTo("running");
    drain();
    assertThat(run(runId).run().status()).isEqualTo("failed"); // still gone: fails again, readable
  }

  @Test
  void send_sms_queues_a_merged_sms_for_a_consenting_lead_and_fails_for_good_without_consent() {
    insert(
        "with x as (insert into sms_settings (account_sid, auth_token_enc, from_number, updated_at)"
            + " values ('AC0123456789abcdef0123456789abcdef', 'sealed', '+14155550100', now())"
            + " on conflict (id) do nothing returning 1) select count(*) from x");
    long wf =
        published(
            "{\"name\":\"Text them\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
                + "{\"id\":\"sms\",\"type\":\"send_sms\",\"config\":"
                + "{\"body\":\"Hi {{lead.firstName}}, quick call?\"}},"
                + "{\"id\":\"e\",\"type\":\"end\"}],\"edges\":[{\"source\":\"s\","
                + "\"target\":\"sms\"},{\"source\":\"sms\",\"target\":\"e\"}]}",
            true);
    long yes = lead("Sol");
    insert(
        "with u as (update leads set phone = '+1 (415) 555-0177', consent ="
            + " '{\"sms\":{\"status\":\"granted\",\"source\":\"form\"}}' where id = "
            + yes
            + " returning id) select count(*) from u");
    long no = lead("Noel");
    insert(
        "with u as (update leads set phone = '+14155550178' where id = "
            + no
            + " returning id) select count(*) from u");
    long okRun = enrol(wf, yes);
    long failedRun = enrol(wf, no);
    drain();
    assertThat(run(okRun).run().status()).isEqualTo("succeeded");
    assertThat(
            insert(
                "select count(*) from messages where channel = 'SMS' and lead_id = "
                    + yes
                    + " and to_address = '+14155550177' and body = 'Hi Sol, quick call?'"
                    + " and status = 'QUEUED'"))
        .isEqualTo(1);
    RunDetail failed = run(failedRun);
    assertThat(failed.run().status()).isEqualTo("failed");
    assertThat(failed.run().stopReason()).contains("has not granted SMS consent");
    assertThat(failed.steps().get(1).attempt()).isEqualTo(1); // permanent: not retried
    assertThat(messagesOf(no)).isZero();
  }

  @Test
  void a_run_can_be_paused_resumed_and_cancelled_and_a_workflow_paused_as_a_whole() {
    long wf = published(sendWaitDecide(""), false);
    long lead = lead("Pause");
    long runId = enrol(wf, lead);
    control.pause(ACME, runId, "ada");
    drain();
    assertThat(steps(runId)).containsExactly("s=pending");
    assertThatThrownBy(() -> control.pause(ACME, runId, "ada")).isInstanceOf(DomainException.class);
    control.resume(ACME, runId, "ada");
    drain();
    assertThat(steps(runId)).containsExactly("s=succeeded", "mail=succeeded", "w=waiting");

    control.pauseWorkflow(ACME, wf, "ada");
    assertThat(run(runId).run().status()).isEqualTo("paused");
    assertThatThrownBy(() -> enrollments.enrol(ACME, wf, List.of(lead("Late")), "ada"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("paused");
    clock.advance(Duration.ofDays(3));
    drain();
    assertThat(steps(runId)).containsExactly("s=succeeded", "mail=succeeded", "w=waiting");
    control.resumeWorkflow(ACME, wf, "ada");
    control.cancel(ACME, runId, "ada");
    drain();
    assertThat(run(runId).run().status()).isEqualTo("cancelled");
    assertThat(steps(runId)).containsExactly("s=succeeded", "mail=succeeded", "w=cancelled");
    assertThat(messagesOf(lead)).isEqualTo(1);
  }

  @Test
  void a_task_waits_for_a_person_and_completing_it_resumes_the_run() {
    long wf =
        published(
            "{\"name\":\"Call\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
                + "{\"id\":\"t\",\"type\":\"task\",\"config\":{\"title\":\"Call {{lead.firstName}}\","
                + "\"assignee\":\"sam@acme.demo\"}},{\"id\":\"u\",\"type\":\"update_lead\","
                + "\"config\":{\"addTag\":\"called\"}},{\"id\":\"e\",\"type\":\"end\"}],"
                + "\"edges\":[{\"source\":\"s\",\"target\":\"t\"},{\"source\":\"t\",\"target\":\"u\"},"
                + "{\"source\":\"u\",\"target\":\"e\"}]}",
            true);
    long lead = lead("Tina");
    long runId = enrol(wf, lead);
    drain();
    assertThat(run(runId).run().status()).isEqualTo("waiting");
    TaskView task =
        tasks.list(ACME, "open", "sam@acme.demo", 50).stream()
            .filter(t -> t.runId() == runId)
            .findFirst()
            .orElseThrow();
    assertThat(task.title()).isEqualTo("Call Tina");
    clock.advance(Duration.ofDays(10));
    drain();
    assertThat(run(runId).run().status()).isEqualTo("waiting");
    tasks.complete(ACME, task.id(), "sam@acme.demo", false);
    assertThatThrownBy(() -> tasks.complete(ACME, task.id(), "sam@acme.demo", false))
        .isInstanceOf(DomainException.class);
    drain();
    assertThat(run(runId).run().status()).isEqualTo("succeeded");
    assertThat(
            insert("select count(*) from leads where id = " + lead + " and 'called' = any(tags)"))
        .isEqualTo(1);
  }

  /** A step with named outputs, each leading to an Update lead that tags the lead with it. */
  static String repStep(String type, String config, List<String> outcomes) {
    StringBuilder nodes =
        new StringBuilder(
            "{\"name\":\"Rep\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
                + "{\"id\":\"t\",\"type\":\""
                + type
                + "\",\"config\":"
                + config
                + "},{\"id\":\"e\",\"type\":\"end\"}");
    StringBuilder edges = new StringBuilder("\"edges\":[{\"source\":\"s\",\"target\":\"t\"}");
    for (String o : outcomes) {
      nodes
          .append(",{\"id\":\"on_")
          .append(o)
          .append("\",\"type\":\"update_lead\",\"config\":{\"addTag\":\"")
          .append(o)
          .append("\"}}");
      edges
          .append(",{\"source\":\"t\",\"target\":\"on_")
          .append(o)
          .append("\",\"condition\":\"")
          .append(o)
          .append("\"},{\"source\":\"on_")
          .append(o)
          .append("\",\"target\":\"e\"}");
    }
    return nodes + "]," + edges + "]}";
  }

  static TaskView taskOf(long runId) {
    return tasks.list(ACME, null, null, 500).stream()
        .filter(t -> t.runId() == runId)
        .findFirst()
        .orElseThrow();
  }

  static List<Long> queued(TaskQueue section) {
    return tasks.queue(ACME, section, "sam@acme.demo", java.time.ZoneOffset.UTC, 500).stream()
        .map(TaskView::id)
        .toList();
  }

  @Test
  void a_linkedin_task_waits_for_the_rep_and_the_outcome_picks_its_output() {
    long wf =
        published(
            repStep(
                "linkedin_task",
                "{\"action\":\"connect\",\"personaId\":"
                    + persona
                    + ",\"prompt\":\"Mention the webinar\",\"assignee\":\"sam@acme.demo\"}",
                TaskKind.LINKEDIN.outcomes()),
            true);
    long lead = lead("Lina");
    insert(
        "update leads set linkedin_url = 'https://www.linkedin.com/in/lina-test' where id = "
            + lead
            + " returning id");
    long runId = enrol(wf, lead);
    drain();
    assertThat(run(runId).run().status()).isEqualTo("waiting");
    TaskView task = taskOf(runId);
    assertThat(task.kind()).isEqualTo(TaskKind.LINKEDIN);
    assertThat(task.action()).isEqualTo("connect");
    assertThat(task.title()).startsWith("Connect with Lina");
    assertThat(task.assignee()).isEqualTo("sam@acme.demo");
    assertThat(task.body()).isEqualTo("Hello from persona " + persona);
    assertThat(task.bodySource()).isEqualTo("test/model");
    assertThat(task.link()).isEqualTo("https://www.linkedin.com/in/lina-test");
    assertThat(task.dueAt()).isEqualTo(clock.instant());

    // nothing happens by itself, however long it waits
    clock.advance(Duration.ofDays(3));
    drain();
    assertThat(run(runId).run().status()).isEqualTo("waiting");
    assertThat(queued(TaskQueue.OVERDUE)).contains(task.id());

    // a call's outcome, or none, is refused and changes nothing
    assertThatThrownBy(() -> tasks.record(ACME, task.id(), "connected", "sam@acme.demo", false))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
    assertThatThrownBy(() -> tasks.complete(ACME, task.id(), "sam@acme.demo", false))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
    assertThatThrownBy(() -> tasks.record(ACME, task.id(), "accepted", "kim@acme.demo", false))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
    assertThat(taskOf(runId).status()).isEqualTo("open");

    TaskView done = tasks.record(ACME, task.id(), "accepted", "sam@acme.demo", false);
    assertThat(done.outcome()).isEqualTo("accepted");
    assertThat(done.doneBy()).isEqualTo("sam@acme.demo");
    assertThat(done.doneAt()).isEqualTo(clock.instant());
    assertThatThrownBy(() -> tasks.record(ACME, task.id(), "replied", "sam@acme.demo", false))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
    drain();
    assertThat(run(runId).run().status()).isEqualTo("succeeded");
    assertThat(steps(runId))
        .containsExactly("s=succeeded", "t=succeeded", "on_accepted=succeeded", "e=succeeded");
    assertThat(
            insert("select count(*) from leads where id = " + lead + " and 'accepted' = any(tags)"))
        .isEqualTo(1);
    assertThat(queued(TaskQueue.DONE)).contains(task.id());
  }

  @Test
  void a_call_task_without_persona_gets_the_offline_talk_track_and_snooze_moves_it_out_of_today() {
    long wf =
        published(
            repStep(
                "call",
                "{\"assignee\":\"sam@acme.demo\",\"dueInDays\":1}",
                TaskKind.CALL.outcomes()),
            true);
    long lead = lead("Cal");
    insert("update leads set phone = '+1 (555) 010-2030' where id = " + lead + " returning id");
    long runId = enrol(wf, lead);
    drain();
    TaskView task = taskOf(runId);
    assertThat(task.kind()).isEqualTo(TaskKind.CALL);
    assertThat(task.bodySource()).isEqualTo(Draft.OFFLINE);
    assertThat(task.body()).contains("Hi Cal", "Voicemail:");
    assertThat(task.link()).isEqualTo("tel:+15550102030");
    assertThat(task.dueAt()).isEqualTo(clock.instant().plus(Duration.ofDays(1)));
    assertThat(queued(TaskQueue.UPCOMING)).contains(task.id());
    assertThat(queued(TaskQueue.TODAY)).doesNotContain(task.id());

    clock.advance(Duration.ofDays(1));
    assertThat(queued(TaskQueue.TODAY)).contains(task.id());
    assertThatThrownBy(
            () ->
                tasks.snooze(
                    ACME, task.id(), clock.instant().minusSeconds(60), "sam@acme.demo", false))
        .isInstanceOf(DomainException.class);
    // snoozed for an hour: out of today until then, back in afterwards
    tasks.snooze(
        ACME, task.id(), clock.instant().plus(Duration.ofHours(1)), "sam@acme.demo", false);
    assertThat(queued(TaskQueue.TODAY)).doesNotContain(task.id());
    assertThat(queued(TaskQueue.UPCOMING)).contains(task.id());
    assertThat(queued(TaskQueue.OVERDUE)).doesNotContain(task.id());
    clock.advance(Duration.ofMinutes(61));
    // the clock may now be past midnight: the task is then overdue, else due today
    assertThat(queued(TaskQueue.UPCOMING)).doesNotContain(task.id());
    assertThat(
            queued(TaskQueue.TODAY).contains(task.id())
                || queued(TaskQueue.OVERDUE).contains(task.id()))
        .isTrue();

    tasks.record(ACME, task.id(), "no_answer", "sam@acme.demo", false);
    drain();
    assertThat(steps(runId))
        .containsExactly("s=succeeded", "t=succeeded", "on_no_answer=succeeded", "e=succeeded");
    assertThatThrownBy(
            () ->
                tasks.snooze(
                    ACME, task.id(), clock.instant().plusSeconds(600), "sam@acme.demo", false))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
  }

  @Test
  void a_policy_in_place_at_enrolment_blocks_the_workflow_send_when_it_is_queued() {
    io.omnireach.policy.Policies policies =
        new io.omnireach.policy.Policies(db.transactions(), clock);
    io.omnireach.policy.Policy block =
        policies.create(
            ACME,
            io.omnireach.policy.PolicyRules.read(
                Map.of(
                    "kind",
                    "forbidden_phrase",
                    "phrases",
                    List.of("any thoughts"),
                    "severity",
                    "block")),
            "ada");
    io.omnireach.policy.Policy warn =
        policies.create(
            ACME,
            io.omnireach.policy.PolicyRules.read(
                Map.of(
                    "kind", "competitor_mention", "names", List.of("Hello"), "severity", "warn")),
            "ada");
    try {
      long wf = published(sendWaitDecide(""), false);
      long lead = lead("Queued");
      long runId = enrol(wf, lead);
      drain();
      clock.advance(Duration.ofDays(2));
      drain();
      assertThat(run(runId).run().status()).isEqualTo("succeeded");
      // "Hello …" only warns: queued and left for the relay, the warning in the step log
      NodeRunView mail = run(runId).steps().get(1);
      assertThat(mail.error()).isNull();
      assertThat(mail.why()).startsWith("Policy warning when queued").contains("«Hello»");
      assertThat(status(mail.messageId())).isEqualTo("QUEUED");
      // "Any thoughts?" is blocked right away: never sent, the rule and the excerpt in the log
      NodeRunView nudge = run(runId).steps().get(4);
      assertThat(nudge.nodeId()).isEqualTo("nudge");
      assertThat(nudge.status()).isEqualTo("succeeded");
      assertThat(nudge.error())
          .startsWith("Message blocked when queued: POLICY: Forbidden phrases")
          .contains("«Any thoughts»");
      assertThat(nudge.output()).containsEntry("blocked", true);
      assertThat(status(nudge.messageId())).isEqualTo("BLOCKED");
      assertThat(
              insert(
                  "select count(*) from message_events where type = 'BLOCKED' and message_id = "
                      + nudge.messageId()
                      + " and detail like '%\"excerpt\":\"Any thoughts\"%'"))
          .isEqualTo(1);
    } finally {
      policies.delete(ACME, block.id(), "ada");
      policies.delete(ACME, warn.id(), "ada");
    }
  }

  @Test
  void a_policy_added_after_the_step_queued_its_message_blocks_it_at_send_time() {
    long wf = published(sendWaitDecide(""), false);
    long lead = lead("Later");
    long runId = enrol(wf, lead);
    drain();
    NodeRunView mail = run(runId).steps().get(1);
    assertThat(mail.error()).isNull();
    assertThat(status(mail.messageId())).isEqualTo("QUEUED");
    io.omnireach.policy.Policies policies =
        new io.omnireach.policy.Policies(db.transactions(), clock);
    io.omnireach.policy.Policy block =
        policies.create(
            ACME,
            io.omnireach.policy.PolicyRules.read(
                Map.of(
                    "kind", "forbidden_phrase", "phrases", List.of("hello"), "severity", "block")),
            "ada");
    try {
      io.omnireach.common.SecretBox secrets =
          io.omnireach.common.SecretBox.fromBase64(io.omnireach.common.SecretBox.newKey());
      io.omnireach.channel.HostPolicy hosts = new io.omnireach.channel.HostPolicy(true);
      io.omnireach.channel.MessageRelay relay =
          new io.omnireach.channel.MessageRelay(
              db.transactions(),
              new io.omnireach.channel.Mailboxes(db.transactions(), secrets, hosts),
              new io.omnireach.channel.UnsubscribeTokens(secrets),
              new io.omnireach.channel.TrackingLinks(secrets),
              hosts,
              new io.omnireach.channel.ChannelAdapters(),
              "https://reach.example",
              clock);
      assertThat(relay.relay(ACME, mail.messageId()))
          .isEqualTo(io.omnireach.channel.MessageView.Status.BLOCKED);
      assertThat(run(runId).steps().get(1).error())
          .startsWith("Message blocked: POLICY: Forbidden phrases")
          .contains("«Hello»");
    } finally {
      policies.delete(ACME, block.id(), "ada");
    }
  }

  static String status(long messageId) {
    return db.transactions()
        .tenant(
            ACME,
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs =
                      s.executeQuery("select status from messages where id = " + messageId)) {
                rs.next();
                return rs.getString(1);
              }
            });
  }

  @Test
  void executing_the_same_claimed_step_twice_queues_one_message() {
    long wf = published(sendWaitDecide(""), false);
    long lead = lead("Twice");
    long runId = enrol(wf, lead);
    engine.runDue(ACME, 100); // start
    db.transactions()
        .tenant(
            ACME,
            c -> {
              Instant now = clock.instant();
              List<StepClaim> claims =
                  engine.claim(c, now, "a", 100).stream().filter(s -> s.runId() == runId).toList();
              assertThat(claims).extracting(StepClaim::nodeId).containsExactly("mail");
              engine.execute(c, ACME, claims, now);
              engine.execute(
                  c, ACME, claims, now); // e.g. a lease expired while the first still ran
              return null;
            });
    assertThat(messagesOf(lead)).isEqualTo(1);
    // and the next step was scheduled once
    assertThat(steps(runId)).containsExactly("s=succeeded", "mail=succeeded", "w=pending");
    // each finished step is billed once, to its workflow
    assertThat(endedSteps(wf)).isEqualTo(2);
    assertThat(billedSteps(wf).get(0)).isEqualTo(2L);
  }

  @Test
  void steps_are_billed_exactly_once_with_one_usage_row_per_workflow_and_chunk() {
    long wf =
        published(
            "{\"name\":\"Metered\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
                + "{\"id\":\"u\",\"type\":\"update_lead\",\"config\":{\"addTag\":\"metered\"}},"
                + "{\"id\":\"e\",\"type\":\"end\"}],"
                + "\"edges\":[{\"source\":\"s\",\"target\":\"u\"},"
                + "{\"source\":\"u\",\"target\":\"e\"}]}",
            true);
    List<Long> leads = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      leads.add(lead("Metered" + i));
    }
    enrollments.enrol(ACME, wf, leads, "ada");
    drain();
    List<Long> billed = billedSteps(wf);
    // 120 runs x 3 steps, every one of them billed once ...
    assertThat(endedSteps(wf)).isEqualTo(360);
    assertThat(billed.get(0)).isEqualTo(360);
    // ... in a handful of rows (one per chunk), not one row per step
    assertThat(billed.get(1)).isLessThan(360 / 10);
  }

  /** {sum of billed workflow steps, number of usage rows} of one workflow. */
  private List<Long> billedSteps(long workflowId) {
    return db.transactions()
        .tenant(
            ACME,
            c -> {
              try (var ps =
                  c.prepareStatement(
                      "select coalesce(sum(quantity), 0), count(*) from platform.usage_events"
                          + " where tenant_id = ? and meter = 'workflow_steps' and workflow_id = ?")) {
                ps.setLong(1, ACME.id());
                ps.setLong(2, workflowId);
                try (var rs = ps.executeQuery()) {
                  rs.next();
                  return List.of(rs.getLong(1), rs.getLong(2));
                }
              }
            });
  }

  private int endedSteps(long workflowId) {
    return (int)
        insert(
            "select count(*) from node_runs n join workflow_runs r on r.id = n.run_id"
                + " where r.workflow_id = "
                + workflowId
                + " and n.status in ('succeeded', 'failed')");
  }

  @Test
  void a_claim_whose_lease_expired_is_reclaimed_and_executed() {
    long wf = published(sendWaitDecide(""), false);
    long lead = lead("Lease");
    long runId = enrol(wf, lead);
    // a worker claims and commits the claim, then dies before executing
    db.transactions().tenant(ACME, c -> engine.claim(c, clock.instant(), "dead-worker", 100));
    assertThat(steps(runId)).containsExactly("s=running");
    assertThat(drain()).isZero();
    clock.advance(WorkflowEngine.LEASE.plusSeconds(1));
    drain();
    assertThat(steps(runId)).containsExactly("s=succeeded", "mail=succeeded", "w=waiting");
    assertThat(run(runId).steps().get(0).attempt()).isEqualTo(2);
  }

  @Test
  void a_lead_is_enrolled_once_per_workflow_and_unknown_leads_are_skipped_with_reasons() {
    long wf = published(sendWaitDecide(""), false);
    long lead = lead("Once");
    Enrollments.Result first = enrollments.enrol(ACME, wf, List.of(lead, lead, 999_999L), "ada");
    assertThat(first.enrolled()).isEqualTo(1);
    assertThat(first.skippedBy()).containsEntry("no such lead", 1);
    Enrollments.Result again = enrollments.enrol(ACME, wf, List.of(lead), "ada");
    assertThat(again.enrolled()).isZero();
    assertThat(again.skippedBy()).containsEntry("already in an active run of this workflow", 1);
    RunPage page = runs.list(ACME, wf, null, null, null, 10);
    assertThat(page.counts().get("pending")).isEqualTo(1);
  }

  @Test
  void
      leads_of_an_import_are_enrolled_when_it_completes_whether_the_workflow_was_set_before_or_after() {
    long wf = published(sendWaitDecide(""), false);
    long running =
        insert(
            "insert into lead_imports (status, file_name, file_path, file_bytes)"
                + " values ('STARTED', 'a.csv', '/tmp/a.csv', 1) returning id");
    long a = lead("ImpA");
    long b = lead("ImpB");
    db.transactions()
        .tenant(
            ACME,
            c -> {
              Enrollments.stampImport(
                  c, running, List.of(insertEmail(c, a).toUpperCase(), insertEmail(c, b)));
              return null;
            });
    assertThat(enrollments.enrolOnImport(ACME, running, wf, "ada").enrolled()).isZero();
    insert(
        "with u as (update lead_imports set status = 'COMPLETED' where id = "
            + running
            + " returning id) select count(*) from u");
    assertThat(enrollments.afterImport(ACME, running).enrolled()).isEqualTo(2);

    long done =
        insert(
            "insert into lead_imports (status, file_name, file_path, file_bytes)"
                + " values ('COMPLETED', 'b.csv', '/tmp/b.csv', 1) returning id");
    long c1 = lead("ImpC");
    db.transactions()
        .tenant(
            ACME,
            c -> {
              Enrollments.stampImport(c, done, List.of(insertEmail(c, c1)));
              return null;
            });
    assertThat(enrollments.enrolOnImport(ACME, done, wf, "ada").enrolled()).isEqualTo(1);
    assertThat(enrollments.afterImport(ACME, done).enrolled()).isZero(); // already in a run
  }

  static String insertEmail(java.sql.Connection c, long leadId) throws java.sql.SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select email from leads where id = " + leadId)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void nodes_without_io_run_in_the_chunk_that_claimed_their_predecessor_one_node_run_each() {
    long wf =
        published(
            "{\"name\":\"Chained\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
                + "{\"id\":\"hot\",\"type\":\"decision\",\"config\":{\"condition\":"
                + "{\"kind\":\"score\",\"op\":\"gte\",\"value\":\"50\"}}},"
                + "{\"id\":\"yes\",\"type\":\"end\"},{\"id\":\"no\",\"type\":\"end\"}],"
                + "\"edges\":[{\"source\":\"s\",\"target\":\"hot\"},"
                + "{\"source\":\"hot\",\"target\":\"yes\",\"condition\":\"yes\"},"
                + "{\"source\":\"hot\",\"target\":\"no\",\"condition\":\"no\"}]}",
            false);
    long runId = enrol(wf, lead("Chained")); // score 40
    engine.runDue(ACME, 100); // one chunk: the decision and the end run right after the start
    assertThat(
            insert(
                "select count(*) from node_runs where run_id = "
                    + runId
                    + " and (attempt <> 1 or started_at is null or finished_at is null)"))
        .isZero();
    assertThat(steps(runId)).containsExactly("s=succeeded", "hot=succeeded", "no=succeeded");
    assertThat(run(runId).run().status()).isEqualTo("succeeded");
    // each chained node run has the key a scheduled one would have had
    assertThat(
            insert(
                "select count(*) from node_runs n join node_runs p on p.run_id = n.run_id"
                    + " and n.idempotency_key = n.run_id || ':' || n.node_id || ':' || p.id"
                    + " where n.run_id = "
                    + runId))
        .isEqualTo(2);
  }
}
