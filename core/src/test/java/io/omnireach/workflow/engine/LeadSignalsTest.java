package io.omnireach.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.ai.Draft;
import io.omnireach.db.Migrations;
import io.omnireach.lead.LeadRepository;
import io.omnireach.lead.LeadSignals;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import io.omnireach.workflow.WorkflowJson;
import io.omnireach.workflow.WorkflowSettings;
import io.omnireach.workflow.Workflows;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lead signals on PostgreSQL: written by a writer's transaction, consumed once by the engine's
 * sweep, whatever other sweeps or chunks run at the same time.
 */
class LeadSignalsTest {

  static final TenantRef ACME = new TenantRef(1, "acme");
  static TestDatabase db;
  static MutableClock clock;
  static Workflows workflows;
  static WorkflowEngine engine;
  static Enrollments enrollments;
  static Runs runs;

  /** Start, then wait up to three days for a reply. */
  static final String WAIT_FOR_REPLY =
      "{\"name\":\"Wait for a reply\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
          + "{\"id\":\"w\",\"type\":\"wait\",\"config\":{\"until\":\"reply\",\"timeout\":\"P3D\"}},"
          + "{\"id\":\"e\",\"type\":\"end\"}],"
          + "\"edges\":[{\"source\":\"s\",\"target\":\"w\"},{\"source\":\"w\",\"target\":\"e\"}]}";

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated();
    Migrations.migrateTenant(db.dataSource(), ACME.schema());
    clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    workflows = new Workflows(db.transactions(), clock);
    StepGenerator none =
        (tenant, leadId, personaId, prompt, actor) ->
            new Draft("s", "b", null, Draft.OFFLINE, false, 0, 0);
    engine =
        new WorkflowEngine(
            db.transactions(), clock, none, RetryPolicy.WORKFLOW_STEP.withoutJitter());
    enrollments =
        new Enrollments(db.transactions(), clock, new LeadRepository(db.transactions(), clock));
    runs = new Runs(db.transactions());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static long query(String sql) {
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

  static long lead() {
    return query(
        "insert into leads (first_name, email) values ('Sig', 'sig-"
            + UUID.randomUUID().toString().substring(0, 8)
            + "@leads.example') returning id");
  }

  /** A run of a fresh lead in a fresh workflow, drained until its Wait step waits. */
  static long[] waitingRun(boolean stopOnReply) {
    WorkflowJson.Input in = WorkflowJson.parseInput(WAIT_FOR_REPLY);
    long wf =
        workflows
            .create(
                ACME,
                new WorkflowJson.Input(in.graph(), null, new WorkflowSettings(stopOnReply)),
                "ada")
            .id();
    workflows.publish(ACME, wf, "ada");
    long lead = lead();
    assertThat(enrollments.enrol(ACME, wf, List.of(lead), "ada").enrolled()).isEqualTo(1);
    long run = runs.list(ACME, wf, null, lead, null, 10).items().get(0).id();
    engine.drain(ACME, 100, r -> {});
    assertThat(runs.get(ACME, run).run().status()).isEqualTo("waiting");
    return new long[] {lead, run};
  }

  /** A reply as the inbound writers store it: the row and its signal in one transaction. */
  static void reply(long lead, String classification, String oooUntil) {
    db.transactions()
        .tenant(
            ACME,
            c -> {
              long id;
              try (var ps =
                  c.prepareStatement(
                      "insert into replies (lead_id, body, received_at, classification,"
                          + " ooo_until, raw_message_id) values (?, 'x', ?, ?, ?::date, ?)"
                          + " returning id")) {
                ps.setLong(1, lead);
                ps.setTimestamp(2, java.sql.Timestamp.from(clock.instant()));
                ps.setString(3, classification);
                ps.setString(4, oooUntil);
                ps.setString(5, UUID.randomUUID().toString());
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  id = rs.getLong(1);
                }
              }
              LeadSignals.reply(c, id);
              return id;
            });
  }

  static long unconsumed(long lead) {
    return query(
        "select count(*) from lead_signals where consumed_at is null and lead_id = " + lead);
  }

  static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void sweep() {
    db.transactions()
        .tenant(
            ACME,
            c -> {
              engine.sweep(c, clock.instant());
              return null;
            });
  }

  @Test
  void a_reply_signal_stops_the_run_exactly_once_when_two_sweeps_run_at_the_same_time()
      throws Exception {
    long[] lr = waitingRun(true);
    clock.advance(Duration.ofMinutes(1));
    reply(lr[0], "INTERESTED", null);
    assertThat(unconsumed(lr[0])).isEqualTo(1);

    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(
            () ->
                db.transactions()
                    .tenant(
                        ACME,
                        c -> {
                          engine.sweep(c, clock.instant());
                          taken.countDown();
                          // holds the signal (and the stopped run) until the other sweep ran
                          await(release);
                          return null;
                        }));
    assertThat(taken.await(30, TimeUnit.SECONDS)).isTrue();
    sweep(); // the second tick skips the locked signal instead of acting on it again
    assertThat(unconsumed(lr[0])).isEqualTo(1);
    assertThat(runs.get(ACME, lr[1]).run().status()).isEqualTo("waiting");
    release.countDown();
    first.get(30, TimeUnit.SECONDS);

    RunView run = runs.get(ACME, lr[1]).run();
    assertThat(run.status()).isEqualTo("cancelled");
    assertThat(run.stopReason()).startsWith("Lead replied (interested) at ");
    assertThat(unconsumed(lr[0])).isZero();
    assertThat(
            query(
                "select count(*) from lead_signals where consumed_at is not null and lead_id = "
                    + lr[0]))
        .isEqualTo(1);
    sweep();
    assertThat(runs.get(ACME, lr[1]).run().stopReason()).isEqualTo(run.stopReason());
  }

  @Test
  void an_out_of_office_signal_pauses_the_run_until_the_return_date() {
    long[] lr = waitingRun(true);
    String back = clock.instant().plus(Duration.ofDays(4)).toString().substring(0, 10);
    reply(lr[0], "OUT_OF_OFFICE", back);
    sweep();
    RunView run = runs.get(ACME, lr[1]).run();
    assertThat(run.status()).isEqualTo("paused");
    assertThat(run.stopReason()).isEqualTo("Out of office until " + back + ".");
    assertThat(unconsumed(lr[0])).isZero();
    // consumed: the next sweeps do not pause it again once it is back
    clock.advance(Duration.ofDays(5));
    sweep();
    assertThat(runs.get(ACME, lr[1]).run().status()).isEqualTo("running");
  }

  @Test
  void a_signal_for_a_lead_without_runs_is_consumed_harmlessly() {
    long lead = lead();
    reply(lead, "INTERESTED", null);
    db.transactions()
        .tenant(
            ACME,
            c ->
                LeadSignals.record(
                    c, lead, LeadSignals.Kind.MEETING_BOOKED, null, Map.of(), clock.instant()));
    sweep();
    assertThat(unconsumed(lead)).isZero();
  }

  @Test
  void a_signal_waits_while_a_chunk_holds_the_leads_step_then_wakes_it() throws Exception {
    // replies do not stop this workflow: the reply wakes the Wait step instead
    WorkflowJson.Input in = WorkflowJson.parseInput(WAIT_FOR_REPLY);
    long wf =
        workflows
            .create(
                ACME, new WorkflowJson.Input(in.graph(), null, new WorkflowSettings(false)), "ada")
            .id();
    workflows.publish(ACME, wf, "ada");
    long lead = lead();
    enrollments.enrol(ACME, wf, List.of(lead), "ada");
    long run = runs.list(ACME, wf, null, lead, null, 10).items().get(0).id();
    engine.runDue(ACME, 100); // start: the Wait step is now pending, not yet waiting

    CountDownLatch executed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> chunk =
        CompletableFuture.runAsync(
            () ->
                db.transactions()
                    .tenant(
                        ACME,
                        c -> {
                          Instant now = clock.instant();
                          engine.execute(c, ACME, engine.claim(c, now, "chunk", 100), now);
                          executed.countDown(); // the step waits, but that is not committed yet
                          await(release);
                          return null;
                        }));
    assertThat(executed.await(30, TimeUnit.SECONDS)).isTrue();
    clock.advance(Duration.ofMinutes(1));
    reply(lead, "INTERESTED", null);
    sweep();
    assertThat(unconsumed(lead)).as("kept while the chunk holds the step").isEqualTo(1);
    release.countDown();
    chunk.get(30, TimeUnit.SECONDS);

    engine.drain(ACME, 100, r -> {});
    assertThat(unconsumed(lead)).isZero();
    RunDetail detail = runs.get(ACME, run);
    assertThat(detail.run().status()).isEqualTo("succeeded");
    NodeRunView w =
        detail.steps().stream().filter(s -> s.nodeId().equals("w")).findFirst().orElseThrow();
    assertThat(w.output()).containsEntry("endedBy", "reply");
  }
}
