package io.omnireach.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.ai.Draft;
import io.omnireach.common.DomainException;
import io.omnireach.db.Migrations;
import io.omnireach.lead.LeadRepository;
import io.omnireach.policy.Policies;
import io.omnireach.policy.PolicyRules;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import io.omnireach.workflow.WorkflowGraph;
import io.omnireach.workflow.WorkflowSettings;
import io.omnireach.workflow.Workflows;
import io.omnireach.workflow.engine.StepGenerator;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox on a real database: a scripted reply picks the decision's branch, the send window
 * gives the send time, a blocking policy stops a message, and nothing lands in runs, messages or
 * usage.
 */
class SimulatorTest {

  static final TenantRef ACME = new TenantRef(1, "acme");
  static final TenantRef GLOBEX = new TenantRef(2, "globex");
  // a Saturday: the Mon–Fri 09–17 window moves the first send to Monday 09:00 UTC
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

  static TestDatabase db;
  static Workflows workflows;
  static Simulations simulations;
  static long mailbox;
  static long persona;
  static long ana;
  static long bob;
  static long workflow;
  static int generated;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.migrated();
    for (TenantRef t : List.of(ACME, GLOBEX)) {
      Migrations.migrateTenant(db.dataSource(), t.schema());
    }
    mailbox =
        insert(
            ACME,
            "insert into mailboxes (name, host, port, from_address, send_window) values"
                + " ('Main', 'smtp.example', 25, 'a@acme.example',"
                + " '{\"days\":[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"],\"start\":\"09:00\","
                + "\"end\":\"17:00\"}') returning id");
    persona =
        insert(
            ACME,
            "insert into personas (name, tone_formality, tone_detail, tone_warmth,"
                + " default_channel, language) values ('SDR', 50, 50, 50, 'EMAIL', 'en')"
                + " returning id");
    ana =
        insert(
            ACME,
            "insert into leads (first_name, email, timezone) values ('Ana', 'ana@x.example',"
                + " 'UTC') returning id");
    bob =
        insert(
            ACME,
            "insert into leads (first_name, email, timezone) values ('Bob', 'bob@x.example',"
                + " 'UTC') returning id");
    insert(GLOBEX, "alter sequence leads_id_seq restart 5000000");
    new Policies(db.transactions(), CLOCK)
        .create(
            ACME,
            PolicyRules.read(Map.of("kind", "max_discount", "percent", 15, "severity", "block")),
            "ada");
    workflows = new Workflows(db.transactions(), CLOCK);
    workflow = workflows.create(ACME, graph(), "ada").id();
    workflows.updateSettings(ACME, workflow, new WorkflowSettings(false), "ada");
    StepGenerator generator =
        (tenant, leadId, personaId, prompt, actor) -> {
          generated++;
          return new Draft(
              "Idea for you",
              "Hi {{lead.firstName}}, take 20% off.",
              "",
              "offline",
              false,
              10,
              20,
              List.of());
        };
    simulations =
        new Simulations(
            db.transactions(),
            CLOCK,
            workflows,
            new LeadRepository(db.transactions(), CLOCK),
            generator);
  }

  /** start → mail → wait for a reply (3 days) → replied? yes: end; no: AI draft → mail2 → end. */
  static WorkflowGraph graph() {
    return new WorkflowGraph(
        "Sim",
        List.of(
            node("s", "start"),
            node(
                "mail",
                "send_email",
                "mailboxId",
                mailbox,
                "subject",
                "Hi {{lead.firstName}}",
                "body",
                "A quick note for {{lead.firstName}}."),
            node("w", "wait", "until", "reply", "timeout", "P3D"),
            node("d", "decision", "condition", Map.of("kind", "replied")),
            node("won", "end"),
            node("ai", "ai_generate", "personaId", persona, "prompt", "offer"),
            node("mail2", "send_email", "mailboxId", mailbox),
            node("e", "end")),
        List.of(
            new WorkflowGraph.Edge("s", "mail", null),
            new WorkflowGraph.Edge("mail", "w", null),
            new WorkflowGraph.Edge("w", "d", null),
            new WorkflowGraph.Edge("d", "won", "yes"),
            new WorkflowGraph.Edge("d", "ai", "no"),
            new WorkflowGraph.Edge("ai", "mail2", null),
            new WorkflowGraph.Edge("mail2", "e", null)));
  }

  static WorkflowGraph.Node node(String id, String type, Object... config) {
    Map<String, Object> c = new LinkedHashMap<>();
    for (int i = 0; i < config.length; i += 2) {
      c.put((String) config[i], config[i + 1]);
    }
    return new WorkflowGraph.Node(id, type, c, Map.of("x", 0, "y", 0));
  }

  static long insert(TenantRef t, String sql) {
    return db.transactions()
        .tenant(
            t,
            c -> {
              try (Statement s = c.createStatement()) {
                if (!sql.startsWith("insert")) {
                  s.execute(sql);
                  return 0L;
                }
                try (ResultSet rs = s.executeQuery(sql)) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  static long count(String table) {
    return db.transactions()
        .tenant(
            ACME,
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_tenants_provider_drafts_up_to_the_cap_then_the_offline_writer_with_a_note() {
    List<String> calls = new java.util.ArrayList<>();
    SimulationAi provider =
        new SimulationAi() {
          @Override
          public boolean connected(TenantRef tenant) {
            return true;
          }

          @Override
          public Draft draft(
              TenantRef tenant, long leadId, long personaId, String prompt, long workflowId) {
            calls.add(tenant.slug() + "/" + leadId + "/" + prompt + "/" + workflowId);
            return new Draft(
                "From the model", "Hi {{lead.firstName}}.", "", "mistral", false, 100, 50);
          }

          @Override
          public BigDecimal cost(TenantRef tenant, Draft draft) {
            return new BigDecimal("0.001");
          }
        };
    StepGenerator offline =
        (tenant, leadId, personaId, prompt, actor) ->
            new Draft("Offline", "Hi {{lead.firstName}}.", "", "offline", false, 0, 0);
    Simulator.Environment env =
        new Simulator.Environment(
            ACME,
            new WorkflowSettings(false),
            List.of(),
            List.of(new Simulator.Mailbox(mailbox, null, 100_000)),
            null,
            Integer.MAX_VALUE,
            java.util.Set.of(),
            CLOCK.instant(),
            offline,
            provider,
            workflow);
    Simulator.Tally tally = new Simulator.Tally();
    Simulator simulator = new Simulator(env, graph(), tally);
    var lead = new LeadRepository(db.transactions(), CLOCK).get(ACME, bob);
    List<Map<String, Object>> aiSteps = new java.util.ArrayList<>();
    int runs = Simulator.MAX_PROVIDER_CALLS + 2;
    for (int i = 1; i <= runs; i++) {
      List<Map<String, Object>> steps =
          (List<Map<String, Object>>) simulator.run(lead, i, List.of()).get("steps");
      steps.stream().filter(st -> "ai".equals(st.get("nodeId"))).forEach(aiSteps::add);
    }

    assertThat(calls)
        .hasSize(Simulator.MAX_PROVIDER_CALLS)
        .allMatch(c -> c.equals("acme/" + bob + "/offer/" + workflow));
    assertThat(aiSteps).hasSize(runs);
    assertThat(((Map<String, Object>) aiSteps.get(0).get("draft")).get("generator"))
        .isEqualTo("mistral");
    assertThat(aiSteps.get(0)).doesNotContainKey("note");
    Map<String, Object> over = aiSteps.get(runs - 1);
    assertThat(((Map<String, Object>) over.get("draft")).get("generator")).isEqualTo("offline");
    assertThat((String) over.get("note"))
        .isEqualTo("Offline writer: this simulation's 50 AI provider calls are used up.");
    assertThat(tally.aiCalls()).isEqualTo(runs);
    assertThat(tally.aiCost())
        .containsEntry("calls", 50)
        .containsEntry("tokens", 50 * 150)
        .containsEntry("billed", false);
    assertThat((BigDecimal) tally.aiCost().get("costUsd")).isEqualByComparingTo("0.050");
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_scripted_reply_takes_yes_the_window_sets_the_time_and_a_policy_blocks_the_offer() {
    long id =
        simulations.create(
            ACME,
            workflow,
            null,
            List.of(ana, bob),
            List.of(new ScriptedReply(null, 1, 3, "reply", "Sounds good")),
            "ada");
    assertThat(simulations.get(ACME, id).status()).isEqualTo(SimulationStatus.QUEUED);
    simulations.run(ACME, id);
    Simulations.Simulation sim = simulations.get(ACME, id);
    assertThat(sim.error()).isNull();
    assertThat(sim.status()).isEqualTo(SimulationStatus.DONE);
    assertThat(sim.leadsDone()).isEqualTo(2);

    Map<String, Object> anaLine = sim.leads().get(0);
    List<Map<String, Object>> anaSteps = (List<Map<String, Object>>) anaLine.get("steps");
    assertThat(anaSteps)
        .extracting(s -> s.get("nodeId"))
        .containsExactly("s", "mail", "w", "d", "won");
    // Saturday 10:00 → Monday 09:00 (the mailbox's window)
    assertThat(anaSteps.get(1).get("at")).isEqualTo("2026-11-30T09:00:00Z");
    assertThat(((Map<String, Object>) anaSteps.get(1).get("message")).get("subject"))
        .isEqualTo("Hi Ana");
    assertThat(anaSteps.get(1).get("verdict")).isEqualTo("allow");
    assertThat(anaSteps.get(3).get("branch")).isEqualTo("yes");
    // the reply on day 3 (Tuesday 10:00) woke the wait
    assertThat(anaSteps.get(3).get("at")).isEqualTo("2026-12-01T10:00:00Z");

    Map<String, Object> bobLine = sim.leads().get(1);
    List<Map<String, Object>> bobSteps = (List<Map<String, Object>>) bobLine.get("steps");
    assertThat(bobSteps)
        .extracting(s -> s.get("nodeId"))
        .containsExactly("s", "mail", "w", "d", "ai", "mail2", "e");
    assertThat(bobSteps.get(3).get("branch")).isEqualTo("no");
    Map<String, Object> offer = bobSteps.get(5);
    assertThat(offer.get("verdict")).isEqualTo("block");
    assertThat(offer.get("sends")).isEqualTo(false);
    assertThat(((Map<String, Object>) offer.get("message")).get("body"))
        .isEqualTo("Hi Bob, take 20% off.");
    assertThat((List<Map<String, Object>>) offer.get("violations"))
        .extracting(v -> v.get("excerpt"))
        .containsExactly("20% off");

    Map<String, Object> agg = sim.aggregate();
    assertThat((Map<String, Object>) agg.get("messages"))
        .containsEntry("mail", Map.of("sent", 2, "blocked", 0))
        .containsEntry("mail2", Map.of("sent", 0, "blocked", 1));
    assertThat(((Map<String, Object>) agg.get("blockedBy")).values()).containsExactly(1);
    assertThat(sim.aiCalls()).isEqualTo(1);
    assertThat(sim.aiTokens()).isEqualTo(30);
    assertThat(generated).isEqualTo(1);
    assertThat(Simulations.csv(sim)).contains("mail2").contains("block");

    // a dry run: no runs, messages or usage
    assertThat(count("workflow_runs")).isZero();
    assertThat(count("node_runs")).isZero();
    assertThat(count("messages")).isZero();
    long usage =
        db.transactions()
            .platform(
                c -> {
                  try (Statement s = c.createStatement();
                      ResultSet rs = s.executeQuery("select count(*) from usage_events")) {
                    rs.next();
                    return rs.getLong(1);
                  }
                });
    assertThat(usage).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_scripted_out_of_office_reply_pauses_the_lead_for_a_week_as_the_engine_does() {
    long id =
        simulations.create(
            ACME,
            workflow,
            null,
            List.of(ana),
            List.of(new ScriptedReply(null, 1, 1, "out_of_office", null)),
            "ada");
    simulations.run(ACME, id);
    List<Map<String, Object>> steps =
        (List<Map<String, Object>>) simulations.get(ACME, id).leads().get(0).get("steps");
    // sent Monday 09:00; the out-of-office note of Sunday 10:00 pauses until a week after it
    assertThat(steps)
        .extracting(s -> s.get("type"))
        .containsExactly(
            "start",
            "send_email",
            "paused",
            "wait",
            "decision",
            "ai_generate",
            "send_email",
            "end");
    assertThat(steps.get(2).get("note"))
        .isEqualTo(
            "Out of office on day 1: paused until 2026-12-06, as a run is paused until the lead"
                + " is back.");
    assertThat(steps.get(3).get("at")).isEqualTo("2026-12-06T10:00:00Z");
    // an out-of-office note is no answer: the decision says no
    assertThat(steps.get(4).get("branch")).isEqualTo("no");
  }

  @Test
  void a_filter_picks_the_leads_as_the_leads_list_does_up_to_300() {
    assertThat(
            simulations.leadsMatching(
                ACME, io.omnireach.lead.LeadQuery.of("ana", null, null, null, null, null)))
        .containsExactly(ana);
    assertThat(
            simulations.leadsMatching(
                ACME, io.omnireach.lead.LeadQuery.of(null, "new", null, null, null, null)))
        .contains(ana, bob);
    assertThatThrownBy(
            () ->
                simulations.leadsMatching(
                    ACME, io.omnireach.lead.LeadQuery.of("nobody", null, null, null, null, null)))
        .hasMessage("No lead matches the filter.");
    insert(
        GLOBEX,
        "select 1 from (select 1) x; insert into leads (first_name, email) select 'Many', 'm' || g"
            + " || '@many.example' from generate_series(1, 301) g");
    assertThatThrownBy(
            () ->
                simulations.leadsMatching(
                    GLOBEX, io.omnireach.lead.LeadQuery.of("many", null, null, null, null, null)))
        .hasMessageContaining("matches 301 leads; a simulation takes at most 300");
    // globex's leads are not acme's
    assertThatThrownBy(
            () ->
                simulations.leadsMatching(
                    ACME, io.omnireach.lead.LeadQuery.of("many", null, null, null, null, null)))
        .hasMessage("No lead matches the filter.");
  }

  @Test
  void bad_requests_and_other_tenants_are_refused() {
    assertThatThrownBy(() -> simulations.start(ACME, 999_999, null, List.of(ana), null, "ada"))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.NOT_FOUND);
    assertThatThrownBy(
            () -> simulations.start(ACME, workflow, null, List.of(ana, 4_999_999L), null, "ada"))
        .hasMessageContaining("No lead 4999999");
    List<Long> many = java.util.stream.LongStream.rangeClosed(1, 301).boxed().toList();
    assertThatThrownBy(() -> simulations.start(ACME, workflow, null, many, null, "ada"))
        .hasMessageContaining("at most 300");
    long id = simulations.start(ACME, workflow, null, List.of(ana), null, "ada");
    assertThatThrownBy(() -> simulations.get(GLOBEX, id))
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.NOT_FOUND);
  }
}
