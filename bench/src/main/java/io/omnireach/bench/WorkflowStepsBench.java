package io.omnireach.bench;

import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import io.omnireach.lead.LeadRepository;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.UsageLedger;
import io.omnireach.workflow.WorkflowJson;
import io.omnireach.workflow.Workflows;
import io.omnireach.workflow.engine.Enrollments;
import io.omnireach.workflow.engine.WorkflowEngine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Workflow steps per second: enrols RUNS leads into a published 3-step workflow (start → decision
 * on the lead's score → end) and runs the engine's claim/execute loop in chunks of CHUNK steps (the
 * batch job's item-count) on one connection until every run has finished; then, in the same run and
 * database, a JDBC loop of single-row UPDATE transactions (autocommit) — as many as steps, at most
 * RAW_TXNS (default 30,000) — so the two rates are printed side by side, with where the chunks'
 * time went (claim, execute, writes, commit) and, as the last line, {@code ratio: X} = steps/s ÷
 * tx/s.
 *
 * <p>Run with {@code scripts/bench-workflow.sh} (RUNS=N, default 100,000).
 */
public final class WorkflowStepsBench {

  static final String SERVER =
      System.getenv().getOrDefault("OMNIREACH_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getenv().getOrDefault("OMNIREACH_TEST_PG_USER", "postgres");
  static final TenantRef TENANT = new TenantRef(1, "bench");
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  static final String GRAPH =
      "{\"name\":\"Bench: decide on score\",\"nodes\":[{\"id\":\"start\",\"type\":\"start\"},"
          + "{\"id\":\"hot\",\"type\":\"decision\",\"config\":{\"condition\":{\"kind\":\"score\","
          + "\"op\":\"gte\",\"value\":\"50\"}}},{\"id\":\"yes\",\"type\":\"end\"},"
          + "{\"id\":\"no\",\"type\":\"end\"}],\"edges\":[{\"source\":\"start\",\"target\":\"hot\"},"
          + "{\"source\":\"hot\",\"target\":\"yes\",\"condition\":\"yes\"},"
          + "{\"source\":\"hot\",\"target\":\"no\",\"condition\":\"no\"}]}";

  private WorkflowStepsBench() {}

  public static void main(String[] args) throws Exception {
    FLYWAY_LOG.setLevel(Level.WARNING);
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int chunk = Integer.parseInt(System.getenv().getOrDefault("CHUNK", "200"));
    String db = "omnireach_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    admin("create database " + db);
    try {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(SERVER + db);
      ds.setUser(USER);
      ds.setReWriteBatchedInserts(true);
      Migrations.migratePlatform(ds);
      Migrations.migrateTenant(ds, TENANT.schema());
      try (OneConnectionPool pool = new OneConnectionPool(ds)) {
        run(new Transactions(pool), runs, chunk);
      }
    } finally {
      admin("drop database if exists " + db + " with (force)");
    }
  }

  static void run(Transactions tx, int runs, int chunk) throws SQLException {
    Clock clock = Clock.systemUTC();
    tx.tenant(
        TENANT,
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(
                "insert into leads (first_name, email, score) select 'Lead ' || i,"
                    + " 'lead' || i || '@bench.example', i % 100 from generate_series(1, "
                    + runs
                    + ") i");
          }
          return null;
        });
    Workflows workflows = new Workflows(tx, clock);
    long wf = workflows.create(TENANT, WorkflowJson.parse(GRAPH), "bench").id();
    workflows.publish(TENANT, wf, "bench");
    List<Long> ids = new ArrayList<>();
    tx.tenant(
        TENANT,
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("select id from leads order by id")) {
            while (rs.next()) {
              ids.add(rs.getLong(1));
            }
          }
          return null;
        });
    Enrollments enrollments = new Enrollments(tx, clock, new LeadRepository(tx, clock));
    WorkflowEngine metered =
        new WorkflowEngine(
            tx,
            clock,
            (t, l, p, prompt, a) -> {
              throw new IllegalStateException("no AI in this bench");
            },
            RetryPolicy.WORKFLOW_STEP);
    WorkflowEngine unmetered =
        new WorkflowEngine(
                tx,
                clock,
                (t, l, p, prompt, a) -> {
                  throw new IllegalStateException("no AI in this bench");
                },
                RetryPolicy.WORKFLOW_STEP)
            .metering(UsageLedger.OFF);
    // Metering on and off take turns (on, off, off, on, ...) over equal slices of the leads, so a
    // change of load on the shared machine, or the tables growing, hits both alike.
    int rounds = Math.max(2, Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "4")));
    Phase enrol = new Phase(0, 0, 0, 0);
    Phase on = new Phase(0, 0, 0, 0);
    Phase off = new Phase(0, 0, 0, 0);
    CpuClock cpu = new CpuClock(tx.dataSource());
    long chunks = 0;
    // warm-up (not measured): both engines run a few hundred runs first, so neither pays for JIT
    int warm = Math.min(1_000, ids.size() / 10);
    for (WorkflowEngine engine : List.of(metered, unmetered)) {
      List<Long> slice = engine == metered ? ids.subList(0, warm / 2) : ids.subList(warm / 2, warm);
      enrollments.enrol(TENANT, wf, slice, "bench");
      engine.runDue(TENANT, 1);
      while (engine.runChunk(TENANT, chunk).executed() > 0) {
        // until the warm-up runs are done
      }
    }
    long warmUnits = unitsRecorded(tx);
    long[] split0 = sum(metered.timings().snapshot(), unmetered.timings().snapshot());
    List<Long> measured = ids.subList(warm, ids.size());
    int per = (measured.size() + rounds - 1) / rounds;
    for (int r = 0; r < rounds; r++) {
      List<Long> slice =
          measured.subList(
              Math.min(measured.size(), r * per), Math.min(measured.size(), (r + 1) * per));
      long t0 = System.nanoTime();
      for (int from = 0; from < slice.size(); from += 100_000) {
        enrollments.enrol(
            TENANT, wf, slice.subList(from, Math.min(slice.size(), from + 100_000)), "bench");
      }
      enrol = enrol.plus(slice.size(), System.nanoTime() - t0, new CpuClock.Reading(0, 0));
      boolean metering = r % 4 == 0 || r % 4 == 3;
      WorkflowEngine engine = metering ? metered : unmetered;
      long steps = 0;
      CpuClock.Reading c0 = cpu.now();
      t0 = System.nanoTime();
      // the job's first transaction sweeps; its chunks only claim and run
      steps += engine.runDue(TENANT, 1).executed();
      while (true) {
        WorkflowEngine.ChunkResult c = engine.runChunk(TENANT, chunk);
        if (c.executed() == 0) {
          break;
        }
        steps += c.executed();
        chunks++;
      }
      long nanos = System.nanoTime() - t0;
      CpuClock.Reading used = cpu.now().minus(c0);
      if (metering) {
        on = on.plus(steps, nanos, used);
      } else {
        off = off.plus(steps, nanos, used);
      }
    }
    long[] split = minus(sum(metered.timings().snapshot(), unmetered.timings().snapshot()), split0);
    long steps = on.count() + off.count();
    double stepSeconds = (on.nanos() + off.nanos()) / 1e9;
    double enrolSeconds = enrol.nanos() / 1e9;
    long meteredUnits = unitsRecorded(tx) - warmUnits;
    long finished =
        tx.tenant(
            TENANT,
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs =
                      s.executeQuery(
                          "select count(*) from workflow_runs where status = 'succeeded'")) {
                rs.next();
                return rs.getLong(1);
              }
            });

    // the raw rate: one single-row UPDATE per transaction, autocommit, same connection and
    // database: as many as steps, at most RAW_TXNS (default 30,000) — it is a rate, and at a few
    // hundred tx/s on a loaded machine a loop as long as the steps would take many minutes
    long txns = Math.min(steps, Long.parseLong(System.getenv().getOrDefault("RAW_TXNS", "30000")));
    double rawSeconds =
        tx.tenant(
            TENANT,
            c -> {
              try (Statement s = c.createStatement()) {
                s.execute("create table bench_counter (id int primary key, n bigint not null)");
                s.execute("insert into bench_counter select i, 0 from generate_series(1, 1000) i");
              }
              return 0.0;
            });
    rawSeconds = rawLoop(tx, txns);

    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Workflow engine benchmark, %,d runs x 3 steps (start, decision on score, end), chunk %d"
            + " claims (after %,d warm-up runs)%n",
        measured.size(),
        chunk,
        warm);
    System.out.printf(
        Locale.ROOT,
        "  enrol          %,10d runs   %8.2f s   %,10.0f runs/s%n",
        enrol.count(),
        enrolSeconds,
        enrol.count() / enrolSeconds);
    System.out.printf(
        Locale.ROOT,
        "  engine steps   %,10d steps  %8.2f s   %,10.0f steps/s  (%,d chunks, %,d runs succeeded)%n",
        steps,
        stepSeconds,
        steps / stepSeconds,
        chunks,
        finished);
    System.out.printf(
        Locale.ROOT,
        "  JDBC loop      %,10d txns   %8.2f s   %,10.0f txns/s   (single-row UPDATE, autocommit)%n",
        txns,
        rawSeconds,
        txns / rawSeconds);
    System.out.printf(
        Locale.ROOT,
        "  per step       one step costs %.2f of a single-row transaction%n",
        (stepSeconds / steps) / (rawSeconds / txns));
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Usage metering (%d rounds taking turns; %,d workflow_steps units recorded while on)%n",
        rounds,
        meteredUnits);
    for (Phase p : List.of(on, off)) {
      System.out.printf(
          Locale.ROOT,
          "  metering %-4s  %,10d steps  %8.2f s   %,10.0f steps/s   CPU %.1f s JVM + %.1f s PG"
              + " = %.0f µs/step%n",
          p == on ? "on" : "off",
          p.count(),
          p.nanos() / 1e9,
          p.perSecond(),
          p.jvm(),
          p.pg(),
          p.cpuMicrosPerItem());
    }
    System.out.printf(
        Locale.ROOT,
        "  cost           %+.1f %% time per step, %+.1f %% CPU per step with metering"
            + " (target: under 5 %%)%n",
        100 * (on.nanosPerItem() / off.nanosPerItem() - 1),
        100 * (on.cpuMicrosPerItem() / off.cpuMicrosPerItem() - 1));
    System.out.println();
    double splitTotal = split[0] + split[1] + split[2] + split[3];
    System.out.printf(
        Locale.ROOT,
        "Where a chunk's time goes (%,d steps in chunks, %.1f µs/step):%n",
        split[4],
        splitTotal / 1e3 / Math.max(1, split[4]));
    String[] names = {"claim", "execute", "writes", "commit"};
    for (int i = 0; i < names.length; i++) {
      System.out.printf(
          Locale.ROOT,
          "  %-8s %8.2f s  %5.1f %%  %6.1f µs/step%n",
          names[i],
          split[i] / 1e9,
          100 * split[i] / splitTotal,
          split[i] / 1e3 / Math.max(1, split[4]));
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "engine %,.0f steps/s, single-row UPDATE loop %,.0f tx/s, enrolment %,.0f runs/s"
            + " (targets: >= 10,000 steps/s, ratio >= 1.5, >= 50,000 runs/s)%n",
        steps / stepSeconds,
        txns / rawSeconds,
        enrol.count() / enrolSeconds);
    System.out.printf(Locale.ROOT, "ratio: %.2f%n", (steps / stepSeconds) / (txns / rawSeconds));
  }

  static long[] sum(long[] a, long[] b) {
    long[] r = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] + b[i];
    }
    return r;
  }

  static long[] minus(long[] a, long[] b) {
    long[] r = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] - b[i];
    }
    return r;
  }

  static long unitsRecorded(Transactions tx) {
    return tx.platform(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "select coalesce(sum(quantity), 0) from usage_events"
                          + " where meter = 'workflow_steps'")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** Items done and the time they took. */
  record Phase(long count, long nanos, double jvm, double pg) {
    Phase plus(long n, long t, CpuClock.Reading cpu) {
      return new Phase(count + n, nanos + t, jvm + cpu.jvm(), pg + cpu.backend());
    }

    /** JVM and database CPU microseconds per item. */
    double cpuMicrosPerItem() {
      return (jvm + pg) * 1e6 / count;
    }

    double perSecond() {
      return count / (nanos / 1e9);
    }

    double nanosPerItem() {
      return (double) nanos / count;
    }
  }

  static double rawLoop(Transactions tx, long txns) throws SQLException {
    try (Connection c = tx.dataSource().getConnection()) {
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("set search_path to " + TENANT.schema());
      }
      long t0 = System.nanoTime();
      try (PreparedStatement ps =
          c.prepareStatement("update bench_counter set n = n + 1 where id = ?")) {
        for (long i = 0; i < txns; i++) {
          ps.setInt(1, (int) (i % 1000) + 1);
          ps.executeUpdate();
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      try (Statement s = c.createStatement()) {
        s.execute("reset search_path");
      }
      return seconds;
    }
  }

  static void admin(String sql) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", USER);
    try (Connection c = new org.postgresql.Driver().connect(SERVER + "postgres", props);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
