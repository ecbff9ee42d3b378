package io.omnireach.bench;

import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import io.omnireach.lead.LeadRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.WorkflowJson;
import io.omnireach.workflow.Workflows;
import io.omnireach.workflow.engine.Backoff;
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
 * database, a JDBC loop of single-row UPDATE transactions (autocommit) for the same number of
 * transactions as steps, so the two rates are printed side by side.
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
    long t0 = System.nanoTime();
    for (int from = 0; from < ids.size(); from += 100_000) {
      enrollments.enrol(
          TENANT, wf, ids.subList(from, Math.min(ids.size(), from + 100_000)), "bench");
    }
    double enrolSeconds = (System.nanoTime() - t0) / 1e9;

    WorkflowEngine engine =
        new WorkflowEngine(
            tx,
            clock,
            (t, l, p, prompt, a) -> {
              throw new IllegalStateException("no AI in this bench");
            },
            Backoff.DEFAULT);
    long steps = 0;
    long chunks = 0;
    t0 = System.nanoTime();
    engine.runDue(TENANT, 1); // the job's first transaction sweeps; its chunks only claim and run
    steps++;
    while (true) {
      WorkflowEngine.ChunkResult r = engine.runChunk(TENANT, chunk);
      if (r.executed() == 0) {
        break;
      }
      steps += r.executed();
      chunks++;
    }
    double stepSeconds = (System.nanoTime() - t0) / 1e9;
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

    // the raw rate: one single-row UPDATE per transaction, autocommit, same connection and database
    long txns = steps;
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
        "Workflow engine benchmark, %,d runs x 3 steps (start, decision on score, end), chunk %d%n",
        runs,
        chunk);
    System.out.printf(
        Locale.ROOT,
        "  enrol          %,10d runs   %8.2f s   %,10.0f runs/s%n",
        ids.size(),
        enrolSeconds,
        ids.size() / enrolSeconds);
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
        "  ratio          one step costs %.2f of a single-row transaction%n",
        (stepSeconds / steps) / (rawSeconds / txns));
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

  private static void admin(String sql) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", USER);
    try (Connection c = new org.postgresql.Driver().connect(SERVER + "postgres", props);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
