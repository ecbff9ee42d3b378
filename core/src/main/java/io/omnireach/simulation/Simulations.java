package io.omnireach.simulation;

import io.omnireach.channel.ComplianceSettings;
import io.omnireach.channel.SendWindow;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadQuery;
import io.omnireach.lead.LeadRepository;
import io.omnireach.policy.Policies;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.WorkflowDetail;
import io.omnireach.workflow.WorkflowGraph;
import io.omnireach.workflow.WorkflowJson;
import io.omnireach.workflow.Workflows;
import io.omnireach.workflow.engine.StepGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * Simulations of a tenant: created QUEUED, then {@link #run} (on a background thread) walks every
 * lead with the {@link Simulator} and stores the timelines and the aggregate on the row. Only the
 * simulations table (and, for provider calls, the AI ledger) is written — never runs, messages or
 * usage.
 */
public final class Simulations {

  /** "Up to a few hundred" sample leads. */
  public static final int MAX_LEADS = 300;

  public static final int MAX_SCRIPT = 1000;

  /** A simulation as the API shows it. */
  public record Simulation(
      long id,
      long workflowId,
      Integer version,
      SimulationStatus status,
      int leadsDone,
      int leadsTotal,
      int aiCalls,
      int aiTokens,
      String error,
      String createdBy,
      Instant createdAt,
      Instant finishedAt,
      Map<String, Object> result) {

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> leads() {
      return result == null
          ? List.of()
          : (List<Map<String, Object>>) result.getOrDefault("leads", List.of());
    }

    /**
     * What the tenant's AI provider cost this simulation ({@code calls, tokens, costUsd, billed});
     * empty before it is done.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> aiCost() {
      return result == null
          ? Map.of()
          : (Map<String, Object>) result.getOrDefault("aiCost", Map.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> aggregate() {
      return result == null
          ? Map.of()
          : (Map<String, Object>) result.getOrDefault("aggregate", Map.of());
    }
  }

  private final Transactions tx;
  private final Clock clock;
  private final Workflows workflows;
  private final LeadRepository leads;
  private final StepGenerator generator;
  private final Executor executor;
  private SimulationAi ai;

  /** Simulations that {@link #start} runs on the caller's thread (tests, the seed command). */
  public Simulations(
      Transactions tx,
      Clock clock,
      Workflows workflows,
      LeadRepository leads,
      StepGenerator generator) {
    this(tx, clock, workflows, leads, generator, Runnable::run);
  }

  /** {@code executor} runs started simulations (the server's managed executor). */
  public Simulations(
      Transactions tx,
      Clock clock,
      Workflows workflows,
      LeadRepository leads,
      StepGenerator generator,
      Executor executor) {
    this.tx = tx;
    this.clock = clock;
    this.workflows = workflows;
    this.leads = leads;
    this.generator = generator;
    this.executor = executor;
  }

  /**
   * AI Generate steps then use the tenant's provider when it has a key (up to {@link
   * Simulator#MAX_PROVIDER_CALLS} calls per simulation), else the offline generator given.
   */
  public Simulations withAi(SimulationAi ai) {
    this.ai = ai;
    return this;
  }

  /**
   * The leads a filter picks for a simulation, with the leads list's semantics ({@link LeadQuery}:
   * text in name, email or company, stage, tag), newest first. INVALID when none match or more than
   * {@link #MAX_LEADS} do (the caller narrows the filter rather than get an arbitrary cut).
   */
  public List<Long> leadsMatching(TenantRef tenant, LeadQuery filter) {
    int n = leads.count(tenant, filter);
    if (n == 0) {
      throw DomainException.invalid("filter", "No lead matches the filter.");
    }
    if (n > MAX_LEADS) {
      throw DomainException.invalid(
          "filter",
          "The filter matches "
              + n
              + " leads; a simulation takes at most "
              + MAX_LEADS
              + ". Narrow it (stage, tag or text).");
    }
    return leads.slice(tenant, filter, 0, MAX_LEADS).stream().map(Lead::id).toList();
  }

  /** {@link #create} and hand {@link #run} to the executor; the id to poll. */
  public long start(
      TenantRef tenant,
      long workflowId,
      Integer version,
      List<Long> leadIds,
      List<ScriptedReply> script,
      String actor) {
    long id = create(tenant, workflowId, version, leadIds, script, actor);
    executor.execute(() -> run(tenant, id));
    return id;
  }

  /**
   * Checks the request and queues it: the workflow exists (NOT_FOUND), the version is one of its
   * published ones (null: the draft), 1 to {@link #MAX_LEADS} leads of this tenant (each checked).
   */
  public long create(
      TenantRef tenant,
      long workflowId,
      Integer version,
      List<Long> leadIds,
      List<ScriptedReply> script,
      String actor) {
    WorkflowDetail wf = workflows.get(tenant, workflowId);
    if (version != null && !wf.versions().contains(version)) {
      throw DomainException.invalid(
          "version", "Workflow " + workflowId + " has no published version " + version + ".");
    }
    if (leadIds == null || leadIds.isEmpty()) {
      throw DomainException.invalid("leadIds", "Pick at least one lead to simulate.");
    }
    if (leadIds.size() > MAX_LEADS) {
      throw DomainException.invalid(
          "leadIds", "A simulation takes at most " + MAX_LEADS + " leads, not " + leadIds.size());
    }
    if (new HashSet<>(leadIds).size() != leadIds.size()) {
      throw DomainException.invalid("leadIds", "A lead is listed twice.");
    }
    List<ScriptedReply> replies = script == null ? List.of() : script;
    if (replies.size() > MAX_SCRIPT) {
      throw DomainException.invalid("script", "At most " + MAX_SCRIPT + " scripted replies.");
    }
    for (ScriptedReply r : replies) {
      if (r.leadIndex() != null && (r.leadIndex() < 1 || r.leadIndex() > leadIds.size())) {
        throw DomainException.invalid(
            "script", "leadIndex " + r.leadIndex() + " is not from 1 to " + leadIds.size() + ".");
      }
      if (r.leadId() != null && !leadIds.contains(r.leadId())) {
        throw DomainException.invalid(
            "script", "Lead " + r.leadId() + " of a scripted reply is not simulated.");
      }
    }
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select id from leads where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", leadIds.toArray()));
            java.util.Set<Long> found = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                found.add(rs.getLong(1));
              }
            }
            for (Long id : leadIds) {
              if (!found.contains(id)) {
                throw DomainException.invalid("leadIds", "No lead " + id + " in this workspace.");
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into simulations (workflow_id, version, status, lead_ids, script,"
                      + " leads_total, created_by, created_at) values (?, ?, 'QUEUED',"
                      + " ?::jsonb, ?::jsonb, ?, ?, ?) returning id")) {
            ps.setLong(1, workflowId);
            ps.setObject(2, version);
            ps.setString(3, WorkflowJson.toJson(leadIds));
            ps.setString(4, WorkflowJson.toJson(replies.stream().map(Simulations::wire).toList()));
            ps.setInt(5, leadIds.size());
            ps.setString(6, actor);
            ps.setTimestamp(7, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** Runs a queued simulation to DONE (or FAILED with the error); progress is stored per lead. */
  public void run(TenantRef tenant, long id) {
    try {
      runOrThrow(tenant, id);
    } catch (RuntimeException e) {
      tx.tenant(
          tenant,
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "update simulations set status = 'FAILED', error = ?, finished_at = ?"
                        + " where id = ?")) {
              ps.setString(1, String.valueOf(e.getMessage()));
              ps.setTimestamp(2, Timestamp.from(clock.instant()));
              ps.setLong(3, id);
              ps.executeUpdate();
            }
            return null;
          });
    }
  }

  @SuppressWarnings("unchecked")
  private void runOrThrow(TenantRef tenant, long id) {
    Simulation sim = get(tenant, id);
    Map<String, Object> request = requestOf(tenant, id);
    List<Long> leadIds =
        ((List<Object>) request.get("leadIds"))
            .stream().map(o -> ((Number) o).longValue()).toList();
    List<ScriptedReply> script =
        ((List<Map<String, Object>>) request.get("script"))
            .stream().map(Simulations::reply).toList();
    WorkflowDetail wf = workflows.get(tenant, sim.workflowId());
    WorkflowGraph graph =
        sim.version() == null
            ? wf.draft()
            : workflows.version(tenant, sim.workflowId(), sim.version()).graph();
    SimulationAi provider = ai != null && ai.connected(tenant) ? ai : null;
    Simulator.Environment env = tx.tenant(tenant, c -> environment(c, tenant, wf, provider));
    status(tenant, id, "RUNNING", 0, null);
    Simulator.Tally tally = new Simulator.Tally();
    Simulator simulator = new Simulator(env, graph, tally);
    List<Map<String, Object>> timelines = new ArrayList<>();
    for (int i = 0; i < leadIds.size(); i++) {
      Lead lead = leads.get(tenant, leadIds.get(i));
      timelines.add(simulator.run(lead, i + 1, script));
      if ((i + 1) % 10 == 0 || i + 1 == leadIds.size()) {
        status(tenant, id, "RUNNING", i + 1, null);
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("start", env.start().toString());
    result.put("aggregate", aggregate(timelines));
    result.put("aiCost", tally.aiCost());
    result.put("leads", timelines);
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update simulations set status = 'DONE', leads_done = leads_total,"
                      + " result = ?::jsonb, ai_calls = ?, ai_tokens = ?, finished_at = ?"
                      + " where id = ?")) {
            ps.setString(1, WorkflowJson.toJson(result));
            ps.setInt(2, tally.aiCalls());
            ps.setInt(3, tally.aiTokens());
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.setLong(5, id);
            ps.executeUpdate();
          }
          return null;
        });
  }

  private Simulator.Environment environment(
      Connection c, TenantRef tenant, WorkflowDetail wf, SimulationAi provider)
      throws SQLException {
    List<Simulator.Mailbox> boxes = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "select id, send_window::text, daily_cap from mailboxes order by id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        boxes.add(
            new Simulator.Mailbox(
                rs.getLong(1), SendWindow.fromJson(rs.getString(2)), rs.getInt(3)));
      }
    }
    SendWindow sms = null;
    int smsCap = Integer.MAX_VALUE;
    try (PreparedStatement ps =
            c.prepareStatement("select send_window::text, daily_cap from sms_settings");
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        sms = SendWindow.fromJson(rs.getString(1));
        smsCap = rs.getObject(2) == null ? Integer.MAX_VALUE : rs.getInt(2);
      }
    }
    return new Simulator.Environment(
        tenant,
        wf.summary().settings(),
        Policies.all(c),
        boxes,
        sms,
        smsCap,
        ComplianceSettings.holidays(c),
        clock.instant(),
        generator,
        provider,
        wf.summary().id());
  }

  /**
   * How many leads would get each message (sent / blocked per node), which rule blocked, and where
   * the leads end.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> aggregate(List<Map<String, Object>> timelines) {
    Map<String, Map<String, Integer>> perNode = new TreeMap<>();
    Map<String, Integer> blockedBy = new TreeMap<>();
    Map<String, Integer> ends = new TreeMap<>();
    for (Map<String, Object> t : timelines) {
      ends.merge(String.valueOf(t.get("end")), 1, Integer::sum);
      for (Map<String, Object> s : (List<Map<String, Object>>) t.get("steps")) {
        if (!(s.get("sends") instanceof Boolean sends)) {
          continue;
        }
        Map<String, Integer> n =
            perNode.computeIfAbsent((String) s.get("nodeId"), k -> new TreeMap<>());
        n.merge(sends ? "sent" : "blocked", 1, Integer::sum);
        n.putIfAbsent("sent", 0);
        n.putIfAbsent("blocked", 0);
        if (!sends) {
          List<Map<String, Object>> vs = (List<Map<String, Object>>) s.get("violations");
          boolean byPolicy = "POLICY".equals(s.get("blockedBy"));
          if (byPolicy) {
            vs.stream()
                .filter(v -> "block".equals(v.get("severity")))
                .map(v -> String.valueOf(v.get("policyName")))
                .distinct()
                .forEach(name -> blockedBy.merge(name, 1, Integer::sum));
          } else {
            blockedBy.merge(String.valueOf(s.get("blockedBy")), 1, Integer::sum);
          }
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("messages", perNode);
    out.put("blockedBy", blockedBy);
    out.put("ends", ends);
    return out;
  }

  public Simulation get(TenantRef tenant, long id) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, workflow_id, version, status, leads_done, leads_total, ai_calls,"
                      + " ai_tokens, error, created_by, created_at, finished_at, result::text"
                      + " from simulations where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw DomainException.notFound("No simulation " + id + " in this workspace.");
              }
              Timestamp fin = rs.getTimestamp(12);
              return new Simulation(
                  rs.getLong(1),
                  rs.getLong(2),
                  (Integer) rs.getObject(3),
                  SimulationStatus.valueOf(rs.getString(4)),
                  rs.getInt(5),
                  rs.getInt(6),
                  rs.getInt(7),
                  rs.getInt(8),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getTimestamp(11).toInstant(),
                  fin == null ? null : fin.toInstant(),
                  rs.getString(13) == null ? null : WorkflowJson.toMap(rs.getString(13)));
            }
          }
        });
  }

  private Map<String, Object> requestOf(TenantRef tenant, long id) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select json_build_object('leadIds', lead_ids, 'script', script)::text"
                      + " from simulations where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return WorkflowJson.toMap(rs.getString(1));
            }
          }
        });
  }

  private void status(TenantRef tenant, long id, String status, int done, String error) {
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update simulations set status = ?, leads_done = ? where id = ?")) {
            ps.setString(1, status);
            ps.setInt(2, done);
            ps.setLong(3, id);
            ps.executeUpdate();
          }
          return null;
        });
  }

  static Map<String, Object> wire(ScriptedReply r) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (r.leadId() != null) {
      m.put("leadId", r.leadId());
    }
    if (r.leadIndex() != null) {
      m.put("leadIndex", r.leadIndex());
    }
    m.put("onDay", r.onDay());
    m.put("kind", r.kind());
    if (r.text() != null) {
      m.put("text", r.text());
    }
    return m;
  }

  /** A scripted reply from its JSON form; INVALID with the reason. */
  public static ScriptedReply reply(Map<String, Object> m) {
    Object day = m.get("onDay");
    if (!(day instanceof Number n) || n.doubleValue() != Math.floor(n.doubleValue())) {
      throw DomainException.invalid("script", "A scripted reply needs onDay, a whole number.");
    }
    return new ScriptedReply(
        m.get("leadId") instanceof Number id ? id.longValue() : null,
        m.get("leadIndex") instanceof Number ix ? ix.intValue() : null,
        n.intValue(),
        m.get("kind") == null ? null : String.valueOf(m.get("kind")),
        m.get("text") == null ? null : String.valueOf(m.get("text")));
  }

  /** The timelines as CSV: one row per step. */
  public static String csv(Simulation sim) {
    StringBuilder out =
        new StringBuilder(
            "leadId,lead,nodeId,type,at,channel,subject,verdict,blockedBy,branch,note,end\n");
    for (Map<String, Object> lead : sim.leads()) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> steps = (List<Map<String, Object>>) lead.get("steps");
      for (Map<String, Object> s : steps) {
        @SuppressWarnings("unchecked")
        Map<String, Object> msg = (Map<String, Object>) s.get("message");
        List<Object> row =
            java.util.Arrays.asList(
                lead.get("leadId"),
                lead.get("name"),
                s.get("nodeId"),
                s.get("type"),
                s.get("at"),
                msg == null ? null : msg.get("channel"),
                msg == null ? null : msg.get("subject"),
                s.get("verdict"),
                s.get("blockedBy"),
                s.get("branch"),
                s.get("note"),
                lead.get("end"));
        out.append(String.join(",", row.stream().map(Simulations::cell).toList())).append('\n');
      }
    }
    return out.toString();
  }

  private static String cell(Object o) {
    if (o == null) {
      return "";
    }
    String s = String.valueOf(o);
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s; // no formulas in a spreadsheet
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("'")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
