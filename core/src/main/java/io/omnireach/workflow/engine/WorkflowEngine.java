package io.omnireach.workflow.engine;

import io.omnireach.db.PlannerSetting;
import io.omnireach.db.Transactions;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadRepository;
import io.omnireach.lead.LeadSignals;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageEvent;
import io.omnireach.usage.UsageLedger;
import io.omnireach.workflow.WorkflowGraph;
import io.omnireach.workflow.WorkflowJson;
import io.omnireach.workflow.Workflows;
import io.omnireach.workflow.node.NodeServices;
import io.omnireach.workflow.node.NodeTypes;
import io.omnireach.workflow.node.ParsedNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The step loop. {@link #claim} takes due node runs ({@code FOR UPDATE SKIP LOCKED}, marking them
 * running under a lease), {@link #execute} runs them and writes their results, the next node runs
 * and the runs' states in set-based batches — all on the caller's connection, so a chunk's claims,
 * effects (outbox rows included) and schedule commit or roll back together. {@link #sweep} applies
 * what happened outside: it consumes the lead signals (replies, opens, call statuses) and applies
 * out-of-office returns and expired leases.
 */
public final class WorkflowEngine {

  private static final Logger LOG = Logger.getLogger(WorkflowEngine.class.getName());
  static final Duration LEASE = Duration.ofMinutes(5);
  static final Duration OOO_DEFAULT = Duration.ofDays(7);

  /** The result of one chunk: steps executed and outbox rows to hand to the relay after commit. */
  public record ChunkResult(int executed, List<Long> messageIds) {
    public static final ChunkResult NONE = new ChunkResult(0, List.of());
  }

  /** A published version with its node configs read once. */
  record Compiled(WorkflowGraph graph, Map<String, ParsedNode<?>> configs) {}

  private final Transactions tx;
  private final Clock clock;
  private final NodeDispatch nodes;
  private final RetryPolicy backoff;
  private UsageLedger usage = UsageLedger.ON;
  private io.omnireach.common.Telemetry telemetry = io.omnireach.common.Telemetry.NONE;
  // published versions never change: cached by tenant + workflow + version
  private final Map<String, Compiled> versions = new ConcurrentHashMap<>();
  private final Timings timings = new Timings();

  /**
   * Where the chunks' time went, summed since the engine was made (benchmarks print it): the claim
   * statement, executing the nodes, the writes (lead reads, flushes, metering), and the rest of the
   * transaction as {@link #runChunk} sees it (commit, begin, search path).
   */
  public static final class Timings {
    private final java.util.concurrent.atomic.LongAdder claim =
        new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder execute =
        new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder writes =
        new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder commit =
        new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder steps =
        new java.util.concurrent.atomic.LongAdder();

    void add(long writeNanos, long executeNanos, long executed) {
      writes.add(writeNanos);
      execute.add(executeNanos);
      steps.add(executed);
    }

    /** Nanoseconds in the claim, execution, writes and commit, and the steps executed. */
    public long[] snapshot() {
      return new long[] {claim.sum(), execute.sum(), writes.sum(), commit.sum(), steps.sum()};
    }
  }

  public Timings timings() {
    return timings;
  }

  public WorkflowEngine(
      Transactions tx, Clock clock, StepGenerator generator, RetryPolicy backoff) {
    this.tx = tx;
    this.clock = clock;
    this.nodes = new NodeDispatch(new NodeServices(generator));
    this.backoff = backoff;
  }

  /** Benchmarks compare the engine with metering on and {@link UsageLedger#OFF}. */
  public WorkflowEngine metering(UsageLedger ledger) {
    this.usage = ledger;
    return this;
  }

  /** Where executed steps are timed (by node type and outcome). */
  public WorkflowEngine observedBy(io.omnireach.common.Telemetry telemetry) {
    this.telemetry = telemetry;
    return this;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * One unit of work outside a batch job (tests, tools): sweep, claim up to {@code limit} due
   * steps, execute them, commit. Returns the outbox rows to dispatch.
   */
  public ChunkResult runDue(TenantRef tenant, int limit) {
    return tx.tenant(
        tenant,
        c -> {
          Instant now = clock.instant();
          sweep(c, now);
          return execute(c, tenant, claim(c, now, "local", limit), now);
        });
  }

  /** One chunk without the sweep, as the batch job runs them after its first transaction. */
  public ChunkResult runChunk(TenantRef tenant, int limit) {
    long[] inside = new long[1];
    long t0 = System.nanoTime();
    ChunkResult r =
        tx.tenant(
            tenant,
            c -> {
              long i0 = System.nanoTime();
              Instant now = clock.instant();
              ChunkResult done = execute(c, tenant, claim(c, now, "local", limit), now);
              inside[0] = System.nanoTime() - i0;
              return done;
            });
    timings.commit.add(System.nanoTime() - t0 - inside[0]);
    return r;
  }

  /** Runs due steps until none is due (tests: everything the clock allows, then stop). */
  public int drain(TenantRef tenant, int limit, java.util.function.Consumer<ChunkResult> after) {
    int total = 0;
    while (true) {
      ChunkResult r = runDue(tenant, limit);
      if (r.executed() == 0) {
        return total;
      }
      after.accept(r);
      total += r.executed();
    }
  }

  /** Whether the tenant has a step due now (the scheduler's cheap check before starting a job). */
  public boolean hasDueWork(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          Instant now = clock.instant();
          sweep(c, now);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select 1 from node_runs n join workflow_runs r on r.id = n.run_id"
                      + " where n.status in ('pending', 'waiting') and n.due_at <= ?"
                      + " and r.status in ('pending', 'running', 'waiting') limit 1")) {
            ps.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  // ---- claim --------------------------------------------------------------------------------

  /**
   * Claims up to {@code limit} due steps of active runs, oldest due first, skipping rows another
   * worker holds; each becomes running under a lease of {@link #LEASE} owned by {@code owner}.
   */
  public List<StepClaim> claim(Connection c, Instant now, String owner, int limit)
      throws SQLException {
    long t0 = System.nanoTime();
    // The claim must walk node_runs_due_idx in due order and stop at the limit. Right after a
    // large enrolment the statistics still describe a small table, and the planner read every due
    // step through a bitmap scan, checked each one's run and sorted them all (49 ms per 200 steps
    // at 23,000 due, docs/benchmarks.md), so bitmap scans are off for this one statement.
    List<StepClaim> claims =
        PlannerSetting.with(c, "enable_bitmapscan", "off", x -> claimDue(x, now, owner, limit));
    timings.claim.add(System.nanoTime() - t0);
    return claims;
  }

  private static List<StepClaim> claimDue(Connection c, Instant now, String owner, int limit)
      throws SQLException {
    List<StepClaim> claims = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            // the run's status as a scalar subquery: one primary-key lookup per candidate in due
            // order, whatever the statistics say (as a join, stale statistics right after a large
            // enrolment gave a nested loop comparing every due step with every active run)
            "with due as ("
                + " select n.id, n.status as previous from node_runs n"
                + " where n.status in ('pending', 'waiting') and n.due_at <= ?"
                + " and (select r.status from workflow_runs r where r.id = n.run_id)"
                + " in ('pending', 'running', 'waiting')"
                + " order by n.due_at, n.id limit ? for update of n skip locked)"
                + " update node_runs n set status = 'running', lease_until = ?, lease_owner = ?,"
                + " attempt = case when due.previous = 'waiting' then n.attempt"
                + " else n.attempt + 1 end,"
                + " started_at = coalesce(n.started_at, ?)"
                + " from due, workflow_runs r where n.id = due.id and r.id = n.run_id"
                + " returning n.id, n.run_id, r.workflow_id, r.version, r.lead_id, n.node_id,"
                + " n.node_type, n.visit, due.previous, n.attempt, n.max_attempts, n.output,"
                + " r.created_at, n.started_at")) {
      Timestamp ts = Timestamp.from(now);
      ps.setTimestamp(1, ts);
      ps.setInt(2, limit);
      ps.setTimestamp(3, Timestamp.from(now.plus(LEASE)));
      ps.setString(4, owner);
      ps.setTimestamp(5, ts);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String output = rs.getString(12);
          claims.add(
              new StepClaim(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getInt(4),
                  rs.getLong(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getInt(8),
                  rs.getString(9),
                  rs.getInt(10),
                  rs.getInt(11),
                  output == null ? Map.of() : WorkflowJson.toMap(output),
                  rs.getTimestamp(13).toInstant(),
                  rs.getTimestamp(14).toInstant()));
        }
      }
    }
    return claims;
  }

  // ---- execute ------------------------------------------------------------------------------

  /**
   * Steps run back to back in one chunk at most this deep: a node that needs no I/O and never waits
   * (start, decision, end) runs right after its predecessor instead of being scheduled and claimed
   * again; the bound (and never twice the same node of a run in one chain) keeps a loop in a
   * workflow from running forever inside one transaction.
   */
  static final int MAX_CHAIN = 16;

  /**
   * Executes claimed steps and persists everything on {@code c}; see the class comment. A step
   * whose next node is chainable ({@link #isChainable}) is followed at once, in this transaction:
   * the next node run is inserted already finished (or waiting, or failed) instead of pending, so
   * the step log is the same as if it had been claimed on its own, and a crash rolls the whole
   * chain back with its root. The writes of each level are flushed before the next level runs, so a
   * chained step reads what its predecessors wrote.
   */
  public ChunkResult execute(Connection c, TenantRef tenant, List<StepClaim> steps, Instant now)
      throws SQLException {
    if (steps.isEmpty()) {
      return ChunkResult.NONE;
    }
    long t0 = System.nanoTime();
    Set<Long> leadIds = new LinkedHashSet<>();
    steps.forEach(s -> leadIds.add(s.leadId()));
    Map<Long, Lead> leads = LeadRepository.byIds(c, leadIds);
    Writes w = new Writes(now);
    List<StepClaim> level = steps;
    long executing = 0;
    for (int depth = 0; ; depth++) {
      long e0 = System.nanoTime();
      for (StepClaim step : level) {
        run(c, tenant, step, leads.get(step.leadId()), w, now);
      }
      executing += System.nanoTime() - e0;
      Set<Long> moved = depth == 0 ? w.flushClaimed(c) : w.flushChained(c);
      List<Object[]> chain = w.chainable(moved, depth < MAX_CHAIN);
      if (chain.isEmpty()) {
        break;
      }
      level = w.claimChained(c, chain);
      Set<Long> reload = new LinkedHashSet<>();
      for (Object[] link : chain) {
        StepClaim from = (StepClaim) link[0];
        ParsedNode<?> config = w.byStep.get(from.nodeRunId()).configs().get(from.nodeId());
        if (config == null || config.type().writes()) {
          reload.add(from.leadId()); // the predecessor may have changed the lead
        }
      }
      if (!reload.isEmpty()) {
        leads.putAll(LeadRepository.byIds(c, reload));
      }
    }
    w.flushScheduled(c);
    meterSteps(c, tenant, w, now);
    timings.add(System.nanoTime() - t0 - executing, executing, w.executed);
    return new ChunkResult(w.executed, w.messageIds);
  }

  /** Runs one step (claimed or chained) and records its outcome in {@code w}. */
  private void run(Connection c, TenantRef tenant, StepClaim step, Lead lead, Writes w, Instant now)
      throws SQLException {
    w.executed++;
    Compiled compiled = compiled(c, tenant, step.workflowId(), step.version());
    w.byStep.put(step.nodeRunId(), compiled);
    w.visited(step);
    ParsedNode<?> config = compiled.configs().get(step.nodeId());
    if (config == null) {
      w.fail(step, "Node " + step.nodeId() + " is not in version " + step.version() + ".");
      return;
    }
    boolean guarded = config.type().writes();
    boolean sp = guarded && savepoint(c, "SAVEPOINT step");
    long started = System.nanoTime();
    String result = "failed";
    try {
      StepOutcome outcome = nodes.execute(c, tenant, step, lead, config, now);
      if (outcome instanceof StepOutcome.Done done) {
        w.done(step, done, next(compiled.graph(), step.nodeId(), done.branch()));
        result = "done";
      } else {
        w.waiting(step, (StepOutcome.Waiting) outcome);
        result = "waiting";
      }
    } catch (StepFailure e) {
      rollback(c, sp);
      failOrRetry(w, step, e.getMessage(), e.permanent(), now);
    } catch (SQLException | RuntimeException e) {
      if (!sp) {
        throw e; // a read-only step failing in SQL: the chunk rolls back and is retried whole
      }
      rollback(c, sp);
      LOG.log(Level.FINE, "Step " + step.nodeRunId() + " failed", e);
      failOrRetry(w, step, e.getClass().getSimpleName() + ": " + e.getMessage(), false, now);
    } finally {
      if (sp) {
        release(c);
      }
      telemetry.stepExecuted(step.nodeType(), result, System.nanoTime() - started);
    }
  }

  /** Whether a node runs right after its predecessor in the same chunk: no I/O, no wait. */
  static boolean isChainable(ParsedNode<?> config) {
    return config != null && !config.type().writes() && !config.type().pauses();
  }

  /**
   * Steps that ended (succeeded or failed for good) are billed in the chunk's transaction: one
   * event per workflow and chunk, quantity = its ended steps, keyed by the smallest node run id
   * among them. A node run ends in exactly one committed chunk (the flush only moves rows that are
   * still running), so the key never repeats and a chunk that rolls back bills nothing. One row per
   * chunk instead of one per step keeps metering off the engine's hot path.
   */
  private void meterSteps(Connection c, TenantRef tenant, Writes w, Instant now)
      throws SQLException {
    if (!usage.enabled() || w.ended.isEmpty()) {
      return;
    }
    Map<Long, Long> workflowOf = w.workflowOf;
    Map<Long, long[]> perWorkflow = new LinkedHashMap<>(); // workflow -> {count, min node run}
    for (long id : w.ended) {
      long[] acc =
          perWorkflow.computeIfAbsent(workflowOf.get(id), k -> new long[] {0, Long.MAX_VALUE});
      acc[0]++;
      acc[1] = Math.min(acc[1], id);
    }
    List<UsageEvent> events = new ArrayList<>(perWorkflow.size());
    perWorkflow.forEach(
        (workflow, acc) ->
            events.add(
                new UsageEvent(
                    tenant.id(),
                    Meter.WORKFLOW_STEPS,
                    acc[0],
                    null,
                    "node_run:" + acc[1],
                    now,
                    workflow,
                    null)));
    usage.recordAll(c, events);
  }

  private void failOrRetry(Writes w, StepClaim step, String error, boolean permanent, Instant now) {
    RetryPolicy policy = backoff.withMaxAttempts(step.maxAttempts());
    RetryPolicy.Failure failure =
        permanent ? RetryPolicy.Failure.REJECTED : RetryPolicy.Failure.TRANSIENT;
    if (policy.retries(step.attempt(), failure)) {
      w.retry(step, error, now.plus(policy.backoffAfter(step.attempt(), step.nodeRunId())));
    } else {
      w.fail(step, permanent ? error : error + " (gave up after " + step.attempt() + " attempts)");
    }
  }

  /*
   * Savepoints as plain SQL: a JTA chunk transaction forbids Connection.setSavepoint, but the
   * database still nests them, so one step's failed SQL is undone without aborting the chunk.
   */
  private static boolean savepoint(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
    return true;
  }

  private static void rollback(Connection c, boolean sp) throws SQLException {
    if (sp) {
      savepoint(c, "ROLLBACK TO SAVEPOINT step");
    }
  }

  private static void release(Connection c) throws SQLException {
    savepoint(c, "RELEASE SAVEPOINT step");
  }

  static Optional<String> next(WorkflowGraph graph, String nodeId, String branch) {
    for (WorkflowGraph.Edge e : graph.outgoing(nodeId)) {
      if (branch == null || branch.equals(e.condition())) {
        return Optional.of(e.target());
      }
    }
    return Optional.empty();
  }

  Compiled compiled(Connection c, TenantRef tenant, long workflowId, int version)
      throws SQLException {
    String key = tenant.id() + ":" + workflowId + ":" + version;
    Compiled hit = versions.get(key);
    if (hit != null) {
      return hit;
    }
    WorkflowGraph graph = Workflows.version(c, workflowId, version).graph();
    Map<String, ParsedNode<?>> configs = new HashMap<>();
    for (WorkflowGraph.Node n : graph.nodes()) {
      configs.put(n.id(), NodeTypes.parse(n));
    }
    Compiled compiled = new Compiled(graph, configs);
    versions.put(key, compiled);
    return compiled;
  }

  /** The node type of a node in a version (for scheduling the next node run). */
  private static String typeOf(Compiled compiled, String nodeId) {
    return compiled.graph().node(nodeId).map(WorkflowGraph.Node::type).orElse("end");
  }

  /** Max attempts of a node in a version. */
  private static int attemptsOf(Compiled compiled, String nodeId) {
    ParsedNode<?> config = compiled.configs().get(nodeId);
    return config == null ? NodeTypes.DEFAULT_MAX_ATTEMPTS : config.maxAttempts();
  }

  /** Collected writes of one chunk, flushed as set-based statements (arrays in, unnest). */
  private final class Writes {
    final Instant now;

    /** Outcomes of the current level: the columns a finished node run gets, by node run. */
    final List<Object[]> finished = new ArrayList<>();

    /** Next nodes of the current level's steps that succeeded: {from step, target node}. */
    final List<Object[]> next = new ArrayList<>();

    /** Next node runs to insert pending (claimed by a later chunk): {from step, target node}. */
    final List<Object[]> scheduled = new ArrayList<>();

    /** Run updates; a chained step overwrites its predecessor's slot. */
    final List<Object[]> runs = new ArrayList<>();

    final List<Long> messageIds = new ArrayList<>();

    /** Node runs this chunk moved to succeeded or failed (filled by the flushes). */
    final List<Long> ended = new ArrayList<>();

    final Map<Long, Compiled> byStep = new HashMap<>();
    final Map<Long, Long> workflowOf = new HashMap<>();

    /** Chained node run -> its predecessor; node run -> its slot in {@link #runs}. */
    final Map<Long, Long> chainedFrom = new HashMap<>();

    final Map<Long, Integer> runSlot = new HashMap<>();

    /** Nodes of each run executed in this chunk: a chain never runs one twice. */
    final Map<Long, Set<String>> visitedByRun = new HashMap<>();

    /** The current level's chained claims, by node run (their rows are inserted, not updated). */
    final Map<Long, StepClaim> chained = new LinkedHashMap<>();

    int executed;

    Writes(Instant now) {
      this.now = now;
    }

    void visited(StepClaim step) {
      workflowOf.put(step.nodeRunId(), step.workflowId());
      visitedByRun.computeIfAbsent(step.runId(), k -> new java.util.HashSet<>()).add(step.nodeId());
    }

    private void run(StepClaim step, Object[] update) {
      Long from = chainedFrom.get(step.nodeRunId());
      Integer slot = from == null ? null : runSlot.get(from);
      if (slot != null) {
        runs.set(slot, update);
      } else {
        slot = runs.size();
        runs.add(update);
      }
      runSlot.put(step.nodeRunId(), slot);
    }

    void done(StepClaim step, StepOutcome.Done done, Optional<String> target) {
      finished.add(
          new Object[] {
            "succeeded",
            json(done.output()),
            done.why(),
            done.variant(),
            done.messageId(),
            done.note(),
            null,
            null,
            now,
            step.nodeRunId()
          });
      if (done.messageId() != null) {
        messageIds.add(done.messageId());
      }
      if (target.isPresent()) {
        next.add(new Object[] {step, target.get()});
        run(step, new Object[] {"running", target.get(), null, null, step.runId()});
      } else {
        run(step, new Object[] {"succeeded", step.nodeId(), null, now, step.runId()});
      }
    }

    void waiting(StepClaim step, StepOutcome.Waiting wait) {
      finished.add(
          new Object[] {
            "waiting",
            json(wait.output()),
            wait.why(),
            null,
            wait.messageId(),
            null,
            wait.dueAt(),
            wait.wakeOn(),
            null,
            step.nodeRunId()
          });
      if (wait.messageId() != null) {
        messageIds.add(wait.messageId());
      }
      run(step, new Object[] {"waiting", step.nodeId(), null, null, step.runId()});
    }

    void retry(StepClaim step, String error, Instant due) {
      finished.add(
          new Object[] {
            "pending",
            null,
            "Attempt " + step.attempt() + " failed; retrying at " + due + ".",
            null,
            null,
            error,
            due,
            null,
            null,
            step.nodeRunId()
          });
      run(step, new Object[] {"running", step.nodeId(), null, null, step.runId()});
    }

    void fail(StepClaim step, String error) {
      finished.add(
          new Object[] {
            "failed", null, null, null, null, error, null, null, now, step.nodeRunId()
          });
      run(
          step,
          new Object[] {
            "failed",
            step.nodeId(),
            "Step " + step.nodeId() + " failed: " + error,
            now,
            step.runId()
          });
    }

    /**
     * The current level's next nodes that run right away: their predecessor's row was written
     * ({@code moved}: a claimed row still running, so never for a step executed twice), the node is
     * {@link #chainable}, the chain is not too deep and the run has not executed the node in this
     * chunk. The others are scheduled pending as before.
     */
    List<Object[]> chainable(Set<Long> moved, boolean deeper) {
      List<Object[]> chain = new ArrayList<>();
      for (Object[] link : next) {
        StepClaim from = (StepClaim) link[0];
        String target = (String) link[1];
        boolean go =
            deeper
                && moved.contains(from.nodeRunId())
                && isChainable(byStep.get(from.nodeRunId()).configs().get(target))
                && !visitedByRun.get(from.runId()).contains(target);
        (go ? chain : scheduled).add(link);
      }
      next.clear();
      return chain;
    }

    /**
     * Claims for the chained next nodes: ids from the node runs' sequence and visit numbers in one
     * statement; their rows are inserted by {@link #flushChained} after they ran.
     */
    List<StepClaim> claimChained(Connection c, List<Object[]> chain) throws SQLException {
      int m = chain.size();
      Long[] run = new Long[m];
      String[] node = new String[m];
      for (int i = 0; i < m; i++) {
        run[i] = ((StepClaim) chain.get(i)[0]).runId();
        node[i] = (String) chain.get(i)[1];
      }
      StepClaim[] claims = new StepClaim[m];
      try (PreparedStatement ps =
          c.prepareStatement(
              "select u.i, nextval(pg_get_serial_sequence('node_runs', 'id')),"
                  + " (select coalesce(max(p.visit), 0) + 1 from node_runs p"
                  + " where p.run_id = u.run_id and p.node_id = u.node_id)"
                  + " from unnest(?::bigint[], ?::text[]) with ordinality as u(run_id, node_id, i)")) {
        ps.setArray(1, c.createArrayOf("bigint", run));
        ps.setArray(2, c.createArrayOf("text", node));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int i = rs.getInt(1) - 1;
            StepClaim from = (StepClaim) chain.get(i)[0];
            Compiled compiled = byStep.get(from.nodeRunId());
            StepClaim claim =
                new StepClaim(
                    rs.getLong(2),
                    from.runId(),
                    from.workflowId(),
                    from.version(),
                    from.leadId(),
                    node[i],
                    typeOf(compiled, node[i]),
                    rs.getInt(3),
                    "pending",
                    1,
                    attemptsOf(compiled, node[i]),
                    Map.of(),
                    from.runCreatedAt(),
                    now);
            claims[i] = claim;
            chainedFrom.put(claim.nodeRunId(), from.nodeRunId());
            chained.put(claim.nodeRunId(), claim);
          }
        }
      }
      return List.of(claims);
    }

    /** The finished columns of the current level as arrays: status .. finished_at, id. */
    private Object[] columns() {
      int n = finished.size();
      String[] status = new String[n];
      String[] output = new String[n];
      String[] why = new String[n];
      String[] variant = new String[n];
      Long[] message = new Long[n];
      String[] error = new String[n];
      Timestamp[] due = new Timestamp[n];
      String[] wake = new String[n];
      Timestamp[] end = new Timestamp[n];
      Long[] id = new Long[n];
      for (int i = 0; i < n; i++) {
        Object[] f = finished.get(i);
        status[i] = (String) f[0];
        output[i] = (String) f[1];
        why[i] = (String) f[2];
        variant[i] = (String) f[3];
        message[i] = (Long) f[4];
        error[i] = (String) f[5];
        due[i] = f[6] == null ? null : Timestamp.from((Instant) f[6]);
        wake[i] = (String) f[7];
        end[i] = f[8] == null ? null : Timestamp.from((Instant) f[8]);
        id[i] = (Long) f[9];
      }
      return new Object[] {status, output, why, variant, message, error, due, wake, end, id};
    }

    private void bind(Connection c, PreparedStatement ps, int first, Object[] cols)
        throws SQLException {
      String[] types = {
        "text",
        "text",
        "text",
        "text",
        "bigint",
        "text",
        "timestamptz",
        "text",
        "timestamptz",
        "bigint"
      };
      for (int i = 0; i < types.length; i++) {
        ps.setArray(first + i, c.createArrayOf(types[i], (Object[]) cols[i]));
      }
    }

    /**
     * The claimed steps' outcomes in one statement; only rows still running move (a step executed
     * twice writes once). Returns the node runs it moved.
     */
    Set<Long> flushClaimed(Connection c) throws SQLException {
      Set<Long> moved = new java.util.HashSet<>();
      if (finished.isEmpty()) {
        return moved;
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "update node_runs n set status = u.status, output = coalesce(u.output::jsonb,"
                  + " n.output), why = u.why, variant = coalesce(u.variant, n.variant),"
                  + " message_id = coalesce(u.message_id, n.message_id), error = u.error,"
                  + " due_at = u.due_at, wake_on = u.wake_on, finished_at = u.finished_at,"
                  + " lease_until = null, lease_owner = null"
                  + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],"
                  + " ?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[], ?::bigint[])"
                  + " as u(status, output, why, variant, message_id, error, due_at, wake_on,"
                  + " finished_at, id) where n.id = u.id and n.status = 'running'"
                  + " returning n.id, n.status")) {
        bind(c, ps, 1, columns());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            moved.add(rs.getLong(1));
            String after = rs.getString(2);
            if ("succeeded".equals(after) || "failed".equals(after)) {
              ended.add(rs.getLong(1));
            }
          }
        }
      }
      finished.clear();
      return moved;
    }

    /**
     * The chained steps' node runs, inserted with their outcome in one statement (attempt 1,
     * started and finished in this chunk). Returns them all.
     */
    Set<Long> flushChained(Connection c) throws SQLException {
      int n = finished.size();
      Object[] cols = columns();
      Long[] run = new Long[n];
      String[] node = new String[n];
      String[] type = new String[n];
      Integer[] visit = new Integer[n];
      Integer[] attempts = new Integer[n];
      String[] key = new String[n];
      Long[] ids = (Long[]) cols[9];
      Set<Long> moved = new java.util.HashSet<>();
      for (int i = 0; i < n; i++) {
        StepClaim s = chained.get(ids[i]);
        run[i] = s.runId();
        node[i] = s.nodeId();
        type[i] = s.nodeType();
        visit[i] = s.visit();
        attempts[i] = s.maxAttempts();
        // as a scheduled node run's key: the predecessor's node run id makes it unique per visit
        key[i] = s.runId() + ":" + s.nodeId() + ":" + chainedFrom.get(s.nodeRunId());
        moved.add(ids[i]);
        String status = ((String[]) cols[0])[i];
        if ("succeeded".equals(status) || "failed".equals(status)) {
          ended.add(ids[i]);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into node_runs (status, output, why, variant, message_id, error, due_at,"
                  + " wake_on, finished_at, id, run_id, node_id, node_type, visit, attempt,"
                  + " max_attempts, idempotency_key, started_at, created_at)"
                  + " select u.status, u.output::jsonb, u.why, u.variant, u.message_id, u.error,"
                  + " u.due_at, u.wake_on, u.finished_at, u.id, u.run_id, u.node_id, u.node_type,"
                  + " u.visit, 1, u.attempts, u.key, ?, ?"
                  + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],"
                  + " ?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[], ?::bigint[],"
                  + " ?::bigint[], ?::text[], ?::text[], ?::int[], ?::int[], ?::text[])"
                  + " as u(status, output, why, variant, message_id, error, due_at, wake_on,"
                  + " finished_at, id, run_id, node_id, node_type, visit, attempts, key)")) {
        Timestamp ts = Timestamp.from(now);
        ps.setTimestamp(1, ts);
        ps.setTimestamp(2, ts);
        bind(c, ps, 3, cols);
        ps.setArray(13, c.createArrayOf("bigint", run));
        ps.setArray(14, c.createArrayOf("text", node));
        ps.setArray(15, c.createArrayOf("text", type));
        ps.setArray(16, c.createArrayOf("int", visit));
        ps.setArray(17, c.createArrayOf("int", attempts));
        ps.setArray(18, c.createArrayOf("text", key));
        ps.executeUpdate();
      }
      finished.clear();
      chained.clear();
      return moved;
    }

    /* The next node runs that were not chained (pending), then the runs' states. */
    void flushScheduled(Connection c) throws SQLException {
      if (!scheduled.isEmpty()) {
        int m = scheduled.size();
        Long[] run = new Long[m];
        String[] node = new String[m];
        String[] type = new String[m];
        Integer[] attempts = new Integer[m];
        String[] key = new String[m];
        for (int i = 0; i < m; i++) {
          StepClaim from = (StepClaim) scheduled.get(i)[0];
          String target = (String) scheduled.get(i)[1];
          Compiled compiled = byStep.get(from.nodeRunId());
          run[i] = from.runId();
          node[i] = target;
          type[i] = typeOf(compiled, target);
          attempts[i] = attemptsOf(compiled, target);
          // the predecessor's node run id makes the key unique per visit and idempotent
          key[i] = from.runId() + ":" + target + ":" + from.nodeRunId();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into node_runs (run_id, node_id, node_type, visit, max_attempts, due_at,"
                    + " idempotency_key, created_at)"
                    + " select u.run_id, u.node_id, u.node_type,"
                    + " (select coalesce(max(visit), 0) + 1 from node_runs p"
                    + " where p.run_id = u.run_id and p.node_id = u.node_id), u.attempts, ?, u.key, ?"
                    + " from unnest(?::bigint[], ?::text[], ?::text[], ?::int[], ?::text[])"
                    + " as u(run_id, node_id, node_type, attempts, key)"
                    + " on conflict (idempotency_key) do nothing")) {
          Timestamp ts = Timestamp.from(now);
          ps.setTimestamp(1, ts);
          ps.setTimestamp(2, ts);
          ps.setArray(3, c.createArrayOf("bigint", run));
          ps.setArray(4, c.createArrayOf("text", node));
          ps.setArray(5, c.createArrayOf("text", type));
          ps.setArray(6, c.createArrayOf("int", attempts));
          ps.setArray(7, c.createArrayOf("text", key));
          ps.executeUpdate();
        }
      }
      int r = runs.size();
      String[] runStatus = new String[r];
      String[] current = new String[r];
      String[] reason = new String[r];
      Timestamp[] finishedAt = new Timestamp[r];
      Long[] runId = new Long[r];
      for (int i = 0; i < r; i++) {
        Object[] x = runs.get(i);
        runStatus[i] = (String) x[0];
        current[i] = (String) x[1];
        reason[i] = (String) x[2];
        finishedAt[i] = x[3] == null ? null : Timestamp.from((Instant) x[3]);
        runId[i] = (Long) x[4];
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "update workflow_runs r set status = u.status, current_node = u.node,"
                  + " stop_reason = coalesce(u.reason, r.stop_reason),"
                  + " finished_at = u.finished_at, updated_at = ?"
                  + " from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::bigint[])"
                  + " as u(status, node, reason, finished_at, id)"
                  + " where r.id = u.id and r.status in ('pending', 'running', 'waiting')")) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setArray(2, c.createArrayOf("text", runStatus));
        ps.setArray(3, c.createArrayOf("text", current));
        ps.setArray(4, c.createArrayOf("text", reason));
        ps.setArray(5, c.createArrayOf("timestamptz", finishedAt));
        ps.setArray(6, c.createArrayOf("bigint", runId));
        ps.executeUpdate();
      }
    }
  }

  private static String json(Map<String, Object> output) {
    return output == null ? null : WorkflowJson.toJson(output);
  }

  // ---- sweep --------------------------------------------------------------------------------

  /** Signals taken per sweep; the rest waits for the next. */
  static final int SIGNAL_BATCH = 500;

  /**
   * Applies outside events, set-based: expired leases go back to pending; the lead signals written
   * since the last sweep are consumed (a reply stops the run, or pauses it when out of office; an
   * answer, an open or a call's status wakes the steps waiting for it); out-of-office pauses that
   * ended resume; a call step whose call the outbox gave up on wakes.
   */
  public void sweep(Connection c, Instant now) throws SQLException {
    Timestamp ts = Timestamp.from(now);
    try (PreparedStatement ps =
        c.prepareStatement(
            "update node_runs set status = 'pending', due_at = ?, lease_until = null,"
                + " lease_owner = null, why = 'Lease of ' || coalesce(lease_owner, '?')"
                + " || ' expired; reclaimed.' where status = 'running' and lease_until < ?")) {
      ps.setTimestamp(1, ts);
      ps.setTimestamp(2, ts);
      ps.executeUpdate();
    }
    signals(c, now);
    try (PreparedStatement ps =
        c.prepareStatement(
            "update workflow_runs set status = 'running', paused_by = null, paused_until = null,"
                + " stop_reason = null, updated_at = ?"
                + " where status = 'paused' and paused_by = 'ooo' and paused_until <= ?")) {
      ps.setTimestamp(1, ts);
      ps.setTimestamp(2, ts);
      ps.executeUpdate();
    }
    // not a lead signal: the outbox blocked or failed the call the step waits for
    try (PreparedStatement ps =
        c.prepareStatement(
            "update node_runs n set due_at = ? where n.status = 'waiting' and n.due_at > ?"
                + " and n.wake_on = 'call' and exists (select 1 from messages m"
                + " where m.id = n.message_id and m.status in ('BLOCKED', 'FAILED'))")) {
      ps.setTimestamp(1, ts);
      ps.setTimestamp(2, ts);
      ps.executeUpdate();
    }
  }

  /**
   * Consumes unconsumed lead signals in this transaction. A signal of a lead whose steps another
   * engine pass holds right now (claimed, not committed) stays for the next sweep: that step may be
   * about to wait for exactly this event, and a wake-up applied before it waits would be lost.
   */
  void signals(Connection c, Instant now) throws SQLException {
    List<LeadSignals.Signal> taken = LeadSignals.take(c, SIGNAL_BATCH);
    if (taken.isEmpty()) {
      return;
    }
    Set<Long> leads = new LinkedHashSet<>();
    taken.forEach(s -> leads.add(s.leadId()));
    Set<Long> busy = busyLeads(c, leads);
    List<LeadSignals.Signal> ready = new ArrayList<>();
    for (LeadSignals.Signal s : taken) {
      if (!busy.contains(s.leadId())) {
        ready.add(s);
      }
    }
    stopOrPause(c, ready, now);
    for (LeadSignals.Signal s : ready) {
      wake(c, s, now);
    }
    List<Long> ids = new ArrayList<>(ready.size());
    ready.forEach(s -> ids.add(s.id()));
    LeadSignals.consumed(c, ids, now);
  }

  /**
   * Leads with an open step of an active run that a chunk holds (a claim locks FOR UPDATE). The
   * others get a KEY SHARE lock until this sweep commits: a chunk's claim skips them, while a
   * person's pause or cancel (a plain update) is not blocked, so the sweep never deadlocks with it.
   */
  private static Set<Long> busyLeads(Connection c, Set<Long> leads) throws SQLException {
    String open =
        " from node_runs n join workflow_runs r on r.id = n.run_id where r.lead_id = any(?)"
            + " and n.status in ('pending', 'waiting', 'running')"
            + " and r.status in ('pending', 'running', 'waiting')";
    Array leadIds = c.createArrayOf("bigint", leads.toArray());
    Set<Long> free = new java.util.HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement("select n.id" + open + " for key share of n skip locked")) {
      ps.setArray(1, leadIds);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          free.add(rs.getLong(1));
        }
      }
    }
    Set<Long> busy = new java.util.HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("select n.id, r.lead_id" + open)) {
      ps.setArray(1, leadIds);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!free.contains(rs.getLong(1))) {
            busy.add(rs.getLong(2));
          }
        }
      }
    }
    return busy;
  }

  /**
   * Replies act on the runs of workflows with stop-on-reply that began before the reply; per run
   * the newest such reply decides: out of office pauses the run until the return date (7 days when
   * unknown), anything else ends it. A run paused by a person or its workflow is not re-paused by
   * an out-of-office note, but a real reply ends it as it ends an active one.
   */
  private static void stopOrPause(Connection c, List<LeadSignals.Signal> signals, Instant now)
      throws SQLException {
    Map<Long, List<LeadSignals.Signal>> repliesByLead = new LinkedHashMap<>();
    for (LeadSignals.Signal s : signals) {
      if (s.kind() == LeadSignals.Kind.REPLY || s.kind() == LeadSignals.Kind.SMS_REPLY) {
        repliesByLead.computeIfAbsent(s.leadId(), k -> new ArrayList<>()).add(s);
      }
    }
    if (repliesByLead.isEmpty()) {
      return;
    }
    List<Object[]> runs = new ArrayList<>(); // run id, lead id, created at, status, paused by
    try (PreparedStatement ps =
        c.prepareStatement(
            "select r.id, r.lead_id, r.created_at, r.status, r.paused_by from workflow_runs r"
                + " join workflows w on w.id = r.workflow_id"
                + " where r.lead_id = any(?) and w.stop_on_reply"
                + " and r.status in ('pending', 'running', 'waiting', 'paused')")) {
      ps.setArray(1, c.createArrayOf("bigint", repliesByLead.keySet().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          runs.add(
              new Object[] {
                rs.getLong(1),
                rs.getLong(2),
                rs.getTimestamp(3).toInstant(),
                rs.getString(4),
                rs.getString(5)
              });
        }
      }
    }
    Timestamp ts = Timestamp.from(now);
    for (Object[] run : runs) {
      long runId = (Long) run[0];
      Instant created = (Instant) run[2];
      LeadSignals.Signal newest = null;
      for (LeadSignals.Signal s : repliesByLead.get((Long) run[1])) {
        if (!s.occurredAt().isBefore(created)) {
          newest = s; // taken in id order: the last one is the newest
        }
      }
      if (newest == null) {
        continue;
      }
      String cls = newest.text("classification");
      if ("OUT_OF_OFFICE".equals(cls)) {
        if ("paused".equals(run[3]) && !"ooo".equals(run[4])) {
          continue;
        }
        String back = newest.text("oooUntil");
        Instant until =
            back == null
                ? now.plus(OOO_DEFAULT)
                : java.time.LocalDate.parse(back)
                    .atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant();
        try (PreparedStatement ps =
            c.prepareStatement(
                "update workflow_runs set status = 'paused', paused_by = 'ooo', paused_until = ?,"
                    + " stop_reason = ?, updated_at = ? where id = ?"
                    + " and (status in ('pending', 'running', 'waiting') or paused_by = 'ooo')")) {
          ps.setTimestamp(1, Timestamp.from(until));
          ps.setString(2, "Out of office until " + until.toString().substring(0, 10) + ".");
          ps.setTimestamp(3, ts);
          ps.setLong(4, runId);
          ps.executeUpdate();
        }
      } else {
        RunControl.stop(
            c,
            runId,
            "cancelled",
            "Lead replied ("
                + cls.toLowerCase(java.util.Locale.ROOT)
                + ") at "
                + newest.occurredAt()
                + ".",
            now);
      }
    }
  }

  /**
   * Wakes the steps of the lead's active runs that wait for what the signal says and started
   * waiting before it happened: an answer for {@code reply} or {@code reply:<its channel>}, a
   * LinkedIn reply for {@code reply:LINKEDIN}, an open of one of the run's messages for {@code
   * open}, a call's final status for the {@code call} step that placed it.
   */
  private static void wake(Connection c, LeadSignals.Signal s, Instant now) throws SQLException {
    String match;
    if (s.isAnswer()) {
      match = "n.wake_on in ('reply', 'reply:' || ?) and n.started_at <= ?";
    } else if (s.kind() == LeadSignals.Kind.LINKEDIN_REPLY) {
      match = "n.wake_on = 'reply:' || ? and n.started_at <= ?";
    } else if (s.kind() == LeadSignals.Kind.MESSAGE_OPENED) {
      match =
          "n.wake_on = 'open' and n.started_at <= ? and exists (select 1 from node_runs m"
              + " where m.run_id = n.run_id and m.message_id = ?)";
    } else if (s.kind() == LeadSignals.Kind.CALL_STATUS) {
      match = "n.wake_on = 'call' and n.message_id = ?";
    } else {
      return; // meetings end runs in their own transaction and Decisions read them when they run
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update node_runs n set due_at = ? from workflow_runs r where r.id = n.run_id"
                + " and r.lead_id = ? and r.status in ('pending', 'running', 'waiting')"
                + " and n.status = 'waiting' and n.due_at > ? and "
                + match)) {
      Timestamp ts = Timestamp.from(now);
      ps.setTimestamp(1, ts);
      ps.setLong(2, s.leadId());
      ps.setTimestamp(3, ts);
      Timestamp at = Timestamp.from(s.occurredAt());
      switch (s.kind()) {
        case REPLY, SMS_REPLY -> {
          ps.setString(4, s.text("channel"));
          ps.setTimestamp(5, at);
        }
        case LINKEDIN_REPLY -> {
          ps.setString(4, "LINKEDIN");
          ps.setTimestamp(5, at);
        }
        case MESSAGE_OPENED -> {
          ps.setTimestamp(4, at);
          ps.setLong(5, s.sourceRef());
        }
        default -> ps.setLong(4, s.sourceRef());
      }
      ps.executeUpdate();
    }
  }
}
