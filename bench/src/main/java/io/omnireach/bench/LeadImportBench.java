package io.omnireach.bench;

import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import io.omnireach.lead.CsvLayout;
import io.omnireach.lead.DuplicatePolicy;
import io.omnireach.lead.ImportMapping;
import io.omnireach.lead.ImportRow;
import io.omnireach.lead.ImportStore;
import io.omnireach.lead.LeadCsvReader;
import io.omnireach.lead.LeadImport;
import io.omnireach.lead.LeadImportWriter;
import io.omnireach.lead.PrefetchedRows;
import io.omnireach.tenant.TenantRef;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Imports N generated leads the way the {@code lead-import} job does, next to a raw {@code COPY} of
 * the same file into a bare table, in one run, and prints rows/s and heap use of both.
 *
 * <p>Run with {@code scripts/bench-import.sh} (ROWS=N, default 1,000,000). Environment: {@code
 * OMNIREACH_TEST_PG} / {@code OMNIREACH_TEST_PG_USER} name the server as for the integration tests;
 * {@code CHUNK} overrides the rows per transaction (default 1000, the job's item-count), {@code
 * PARTITIONS} the parts written side by side (default 2, as {@code omnireach.import.partitions}).
 */
public final class LeadImportBench {

  static final String SERVER =
      System.getenv().getOrDefault("OMNIREACH_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getenv().getOrDefault("OMNIREACH_TEST_PG_USER", "postgres");
  static final TenantRef TENANT = new TenantRef(1, "bench");

  /** Where the SQL floor phase writes: a second, identical tenant schema. */
  static final TenantRef FLOOR = new TenantRef(2, "floor");

  static final String BARE_COLUMNS = LeadFileGenerator.HEADER.replace(",", " text, ") + " text";
  private static final long MB = 1024 * 1024;
  // held so the level sticks (java.util.logging keeps loggers weakly)
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  /** One measured phase. */
  record Phase(String name, long rows, long nanos, HeapWatch.Peak heap, CpuClock.Reading cpu) {
    double seconds() {
      return nanos / 1e9;
    }

    double rowsPerSecond() {
      return rows / seconds();
    }
  }

  private LeadImportBench() {}

  public static void main(String[] args) throws Exception {
    FLYWAY_LOG.setLevel(Level.WARNING);
    long rows = Long.parseLong(args.length > 0 ? args[0] : env("ROWS", "1000000"));
    int chunk = Integer.parseInt(env("CHUNK", "1000"));
    int partitions = Integer.parseInt(env("PARTITIONS", "2"));

    Path file = Files.createTempFile("omnireach-bench-leads-", ".csv");
    String db = "omnireach_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      long t0 = System.nanoTime();
      LeadFileGenerator.write(file, rows, 42);
      System.out.printf(
          Locale.ROOT,
          "Generated %,d leads in %.1f s: %s, %.1f MB%n",
          rows,
          (System.nanoTime() - t0) / 1e9,
          file,
          Files.size(file) / (double) MB);

      admin("create database " + db);
      PGSimpleDataSource target = new PGSimpleDataSource();
      target.setUrl(SERVER + db);
      target.setUser(USER);
      Migrations.migratePlatform(target);
      Migrations.migrateTenant(target, TENANT.schema());
      Migrations.migrateTenant(target, FLOOR.schema());
      try (Connection c = target.getConnection();
          Statement s = c.createStatement()) {
        s.execute("create table public.bare_leads (" + BARE_COLUMNS + ")");
      }

      List<Phase> phases = new ArrayList<>();
      try (OneConnectionPool pool = new OneConnectionPool(target)) {
        CpuClock cpu = new CpuClock(pool);
        phases.add(copy(pool, cpu, file, rows));
        phases.add(omnireach(target, pool, file, rows, chunk, partitions));
        phases.add(floor(pool, cpu, rows));
      }
      print(rows, chunk, file, phases);
    } finally {
      Files.deleteIfExists(file);
      admin("drop database if exists " + db + " with (force)");
    }
  }

  /** The baseline: COPY the file into a table of 14 text columns without indexes. */
  static Phase copy(OneConnectionPool pool, CpuClock cpu, Path file, long rows) throws Exception {
    prepare(pool);
    long loaded;
    long start;
    long nanos;
    HeapWatch.Peak heap;
    CpuClock.Reading cpuStart = cpu.now();
    try (HeapWatch watch = new HeapWatch()) {
      start = System.nanoTime();
      try (Connection c = pool.getConnection();
          Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        loaded =
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY bare_leads FROM STDIN WITH (FORMAT csv, HEADER true)", in);
      }
      nanos = System.nanoTime() - start;
      heap = watch.stop();
    }
    CpuClock.Reading used = cpu.now().minus(cpuStart);
    check(loaded == rows, "COPY loaded " + loaded + " rows, expected " + rows);
    return new Phase("COPY (bare table)", loaded, nanos, heap, used);
  }

  /**
   * What the job does: detect the layout, create the import, cut the file into parts (as the job's
   * partition mapper), and in each part stream and check rows and write each chunk with its
   * progress in one tenant transaction, the parts side by side on connections of their own.
   */
  static Phase omnireach(
      DataSource target,
      OneConnectionPool pool,
      Path file,
      long rows,
      int chunkSize,
      int partitions)
      throws Exception {
    prepare(pool);
    try (SmallPool writers = new SmallPool(target, partitions)) {
      CpuClock cpu = new CpuClock(writers, partitions);
      CpuClock.Reading cpuStart = cpu.now();
      Transactions tx = new Transactions(writers);
      Clock clock = Clock.systemUTC();
      ImportStore store = new ImportStore(tx, clock);
      long start;
      long nanos;
      long planNanos;
      long id;
      List<long[]> times = new ArrayList<>();
      HeapWatch.Peak heap;
      try (HeapWatch watch = new HeapWatch()) {
        start = System.nanoTime();
        CsvLayout layout = CsvLayout.detect(file);
        ImportMapping mapping;
        try (LeadCsvReader headers = new LeadCsvReader(file, layout, 1)) {
          mapping = ImportMapping.of(headers.headers(), null);
        }
        id =
            store.create(
                TENANT,
                file.getFileName().toString(),
                file.toString(),
                Files.size(file),
                mapping,
                DuplicatePolicy.SKIP,
                layout,
                "bench");
        long p = System.nanoTime();
        List<LeadCsvReader.Part> parts = LeadCsvReader.parts(file, layout, partitions);
        planNanos = System.nanoTime() - p;
        ExecutorService threads = Executors.newFixedThreadPool(parts.size());
        try {
          List<Future<long[]>> running = new ArrayList<>();
          for (LeadCsvReader.Part part : parts) {
            running.add(
                threads.submit(
                    () -> importPart(tx, clock, id, file, layout, mapping, part, chunkSize)));
          }
          for (Future<long[]> f : running) {
            times.add(f.get());
          }
        } finally {
          threads.shutdownNow();
        }
        nanos = System.nanoTime() - start;
        heap = watch.stop();
      }
      CpuClock.Reading used = cpu.now().minus(cpuStart);
      LeadImport done = store.get(TENANT, id);
      check(
          done.processed() == rows && done.imported() == rows && done.failed() == 0,
          "Import " + done + " did not store every row; first errors: " + firstErrors(tx, id));
      check(
          done.bytesRead() >= Files.size(file) * 99 / 100,
          "progress ended at " + done.bytesRead() + " of " + Files.size(file) + " bytes");
      long stored =
          tx.tenant(
              TENANT,
              c -> {
                try (Statement s = c.createStatement();
                    ResultSet rs =
                        s.executeQuery(
                            "select count(*) from leads where import_id = "
                                + id
                                + " and account_id is not null")) {
                  rs.next();
                  return rs.getLong(1);
                }
              });
      check(
          stored == rows,
          "leads holds " + stored + " rows of this import with an account, expected " + rows);
      StringBuilder perPart = new StringBuilder();
      for (int i = 0; i < times.size(); i++) {
        perPart.append(
            String.format(
                Locale.ROOT,
                "%n  part %d: %,d rows, waiting for read + check %.1f s, write + commit %.1f s",
                i + 1,
                times.get(i)[2],
                times.get(i)[0] / 1e9,
                times.get(i)[1] / 1e9));
      }
      System.out.printf(
          Locale.ROOT,
          "OmniReach path breakdown (%d parts side by side): cutting the file %.1f s%s%n",
          times.size(),
          planNanos / 1e9,
          perPart);
      return new Phase("OmniReach import", done.imported(), nanos, heap, used);
    }
  }

  /** One partition: its rows read and checked two chunks ahead, written chunk by chunk. */
  private static long[] importPart(
      Transactions tx,
      Clock clock,
      long id,
      Path file,
      CsvLayout layout,
      ImportMapping mapping,
      LeadCsvReader.Part part,
      int chunkSize)
      throws Exception {
    long waitNanos = 0;
    long writeNanos = 0;
    long count = 0;
    long counted = 0;
    try (PrefetchedRows source =
        new PrefetchedRows(
            new LeadCsvReader(file, layout, part, 1), mapping, 250, 8, Thread::new)) {
      List<ImportRow> chunk = new ArrayList<>(chunkSize);
      long bytesRead = 0;
      while (true) {
        long a = System.nanoTime();
        PrefetchedRows.Item item = source.next();
        waitNanos += System.nanoTime() - a;
        if (item != null) {
          chunk.add(item.row());
          bytesRead = item.bytesRead();
        }
        if (chunk.size() == chunkSize || (item == null && !chunk.isEmpty())) {
          long w = System.nanoTime();
          write(tx, clock, id, chunk, bytesRead - counted);
          writeNanos += System.nanoTime() - w;
          counted = bytesRead;
          count += chunk.size();
          chunk = new ArrayList<>(chunkSize);
        }
        if (item == null) {
          return new long[] {waitNanos, writeNanos, count};
        }
      }
    }
  }

  /**
   * Not a client path but a reference: one server-side {@code INSERT ... SELECT} from the copied
   * bare table into a second tenant's {@code leads} (same indexes), with only light normalisation
   * and no checks. No import into the real table can be faster than this, however it is written.
   */
  static Phase floor(OneConnectionPool pool, CpuClock cpu, long rows) throws Exception {
    prepare(pool);
    CpuClock.Reading cpuStart = cpu.now();
    long inserted;
    long nanos;
    HeapWatch.Peak heap;
    try (HeapWatch watch = new HeapWatch()) {
      long start = System.nanoTime();
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        inserted =
            s.executeUpdate(
                "insert into "
                    + FLOOR.schema()
                    + ".leads (first_name, last_name, email, phone, company, title, industry,"
                    + " company_size, country, timezone, linkedin_url, website, tags, stage,"
                    + " created_by, updated_by)"
                    + " select first_name, last_name, lower(email),"
                    + " regexp_replace(phone, '[\\s().\\-/]', '', 'g'), company, title, industry,"
                    + " company_size, upper(country), timezone, linkedin_url,"
                    + " case when website ~* '^https?://' then website else 'https://' || website"
                    + " end, coalesce(string_to_array(nullif(tags, ''), ';'), '{}'),"
                    + " coalesce(nullif(stage, ''), 'new'), 'bench', 'bench'"
                    + " from public.bare_leads");
      }
      nanos = System.nanoTime() - start;
      heap = watch.stop();
    }
    CpuClock.Reading used = cpu.now().minus(cpuStart);
    check(inserted == rows, "INSERT ... SELECT stored " + inserted + " rows, expected " + rows);
    return new Phase("SQL floor (leads)", inserted, nanos, heap, used);
  }

  private static void write(
      Transactions tx, Clock clock, long id, List<ImportRow> rows, long bytes) {
    tx.tenant(
        TENANT,
        c -> {
          LeadImportWriter.writeChunk(
              c, TENANT.id(), id, rows, DuplicatePolicy.SKIP, "bench", clock.instant(), bytes);
          return null;
        });
  }

  /** The same start for each phase: no garbage from the last one, no checkpoint debt. */
  private static void prepare(OneConnectionPool pool) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("checkpoint");
    }
    System.gc();
  }

  private static String firstErrors(Transactions tx, long id) {
    return tx.tenant(
        TENANT,
        c -> {
          StringBuilder out = new StringBuilder();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "select row_number, column_name, reason from lead_import_errors"
                          + " where import_id = "
                          + id
                          + " order by row_number limit 5")) {
            while (rs.next()) {
              out.append("\n  row ")
                  .append(rs.getLong(1))
                  .append(' ')
                  .append(rs.getString(2))
                  .append(": ")
                  .append(rs.getString(3));
            }
          }
          return out.toString();
        });
  }

  private static void print(long rows, int chunk, Path file, List<Phase> phases) throws Exception {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "%n%,d leads, file %.1f MB, %d rows per transaction, max heap %d MB, %d CPUs%n%n",
        rows,
        Files.size(file) / (double) MB,
        chunk,
        rt.maxMemory() / MB,
        rt.availableProcessors());
    String format = "%-18s %10s %8s %9s %10s %13s %17s %12s %11s%n";
    System.out.printf(
        Locale.ROOT,
        format,
        "phase",
        "rows",
        "seconds",
        "rows/s",
        "% of COPY",
        "peak heap MB",
        "live after GC MB",
        "JVM CPU s",
        "PG CPU s");
    double copy = phases.get(0).rowsPerSecond();
    for (Phase p : phases) {
      System.out.printf(
          Locale.ROOT,
          format,
          p.name(),
          String.format(Locale.ROOT, "%,d", p.rows()),
          String.format(Locale.ROOT, "%.2f", p.seconds()),
          String.format(Locale.ROOT, "%,.0f", p.rowsPerSecond()),
          String.format(Locale.ROOT, "%.1f %%", 100 * p.rowsPerSecond() / copy),
          p.heap().used() / MB,
          p.heap().afterGc() == 0 ? "(no GC)" : Long.toString(p.heap().afterGc() / MB),
          String.format(Locale.ROOT, "%.1f", p.cpu().jvm()),
          p.cpu().backend() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", p.cpu().backend()));
    }
    Phase product = phases.get(1);
    Phase floor = phases.get(2);
    double ratio = product.rowsPerSecond() / floor.rowsPerSecond();
    System.out.printf(
        Locale.ROOT,
        "%nOmniReach import %,.0f rows/s, SQL floor %,.0f rows/s; load average %s%n",
        product.rowsPerSecond(),
        floor.rowsPerSecond(),
        loadAverage());
    System.out.printf(Locale.ROOT, "ratio: %.2f%n", ratio);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "n/a";
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

  private static void check(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalStateException(problem);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
