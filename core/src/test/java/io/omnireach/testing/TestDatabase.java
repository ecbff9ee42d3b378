package io.omnireach.testing;

import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh PostgreSQL database for one test class, dropped afterwards. Server from OMNIREACH_TEST_PG
 * (default 127.0.0.1:5432, user postgres, trust auth as on CI), or from the system property {@code
 * omnireach.test.pg} that the {@code citus} Maven profile sets to its Citus coordinator
 * (core/src/citus-test).
 */
public final class TestDatabase implements AutoCloseable {

  public static final String SERVER =
      System.getProperty(
          "omnireach.test.pg",
          System.getenv().getOrDefault("OMNIREACH_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/"));

  /**
   * Set by the {@code citus} profile: prepares each new database on the cluster (extension, worker
   * nodes). When the profile cannot start its cluster (no Docker engine), {@code
   * omnireach.test.skip} holds the reason and every test that needs a database is skipped.
   */
  public static volatile java.util.function.Consumer<String> onCreate = name -> {};

  public static final String USER =
      System.getenv().getOrDefault("OMNIREACH_TEST_PG_USER", "postgres");

  private final String name;
  private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

  private TestDatabase(String name) {
    this.name = name;
    dataSource.setUrl(SERVER + name);
    dataSource.setUser(USER);
  }

  /** Creates an empty database with a random name. */
  public static TestDatabase create() {
    String skip = System.getProperty("omnireach.test.skip");
    org.junit.jupiter.api.Assumptions.assumeTrue(skip == null, skip);
    String name = newName();
    admin("create database " + name);
    onCreate.accept(name);
    return new TestDatabase(name);
  }

  /**
   * Creates a database with the platform schema migrated: a copy of a template database that Flyway
   * keeps current (copying is much faster than running every platform migration per test class).
   * One advisory lock serialises template upkeep and copies across test JVMs, as PostgreSQL refuses
   * to copy a database someone is connected to.
   */
  public static TestDatabase migrated() {
    if (System.getProperty("omnireach.test.pg") != null) {
      // the citus profile prepares every new database itself (onCreate): no template there
      TestDatabase db = create();
      Migrations.migratePlatform(db.dataSource);
      return db;
    }
    String name = newName();
    Properties props = new Properties();
    props.setProperty("user", USER);
    try (Connection c = new org.postgresql.Driver().connect(SERVER + "postgres", props);
        Statement s = c.createStatement()) {
      s.execute("select pg_advisory_lock(72616702)");
      try {
        refreshTemplate(s);
        s.execute("create database " + name + " template " + TEMPLATE);
      } finally {
        s.execute("select pg_advisory_unlock(72616702)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + SERVER + " refused a test database", e);
    }
    return new TestDatabase(name);
  }

  /**
   * The template of {@link #migrated()}: the platform schema at its latest version, named by a hash
   * of the platform migrations so builds of different branches on one server never share it.
   */
  static final String TEMPLATE = "omnireach_test_platform_" + platformMigrationsHash();

  private static boolean templateCurrent;

  /**
   * Brings the template to the latest platform version once per JVM (a no-op after the first JVM),
   * and recreates it when Flyway refuses it (e.g. an applied migration was edited).
   */
  private static synchronized void refreshTemplate(Statement admin) throws SQLException {
    if (templateCurrent) {
      return;
    }
    try (var rs =
        admin.executeQuery("select 1 from pg_database where datname = '" + TEMPLATE + "'")) {
      if (!rs.next()) {
        admin.execute("create database " + TEMPLATE);
      }
    }
    PGSimpleDataSource template = new PGSimpleDataSource();
    template.setUrl(SERVER + TEMPLATE);
    template.setUser(USER);
    try {
      Migrations.migratePlatform(template);
    } catch (RuntimeException stale) {
      admin.execute("drop database " + TEMPLATE + " with (force)");
      admin.execute("create database " + TEMPLATE);
      Migrations.migratePlatform(template);
    }
    templateCurrent = true;
  }

  /** The first 12 hex digits of SHA-256 over the platform migrations' names and contents. */
  private static String platformMigrationsHash() {
    try {
      TreeMap<String, byte[]> files = new TreeMap<>();
      var urls = Migrations.class.getClassLoader().getResources("db/platform");
      while (urls.hasMoreElements()) {
        URL url = urls.nextElement();
        if (url.getProtocol().equals("jar")) {
          var jar = ((JarURLConnection) url.openConnection()).getJarFile();
          for (var entry : Collections.list(jar.entries())) {
            if (entry.getName().startsWith("db/platform/") && !entry.isDirectory()) {
              try (var in = jar.getInputStream(entry)) {
                files.put(entry.getName(), in.readAllBytes());
              }
            }
          }
        } else {
          Path dir = Path.of(url.toURI());
          try (var paths = Files.list(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
              files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
          }
        }
      }
      var sha = MessageDigest.getInstance("SHA-256");
      files.forEach(
          (file, bytes) -> {
            sha.update(file.replaceFirst(".*/", "").getBytes(StandardCharsets.UTF_8));
            sha.update(bytes);
          });
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the platform migrations", e);
    }
  }

  private static String newName() {
    return "omnireach_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  public PGSimpleDataSource dataSource() {
    return dataSource;
  }

  public Transactions transactions() {
    return new Transactions(dataSource);
  }

  public String name() {
    return name;
  }

  public String url() {
    return SERVER + name;
  }

  @Override
  public void close() {
    drop(name);
  }

  /** Drops a database, ending its sessions first. */
  public static void drop(String name) {
    admin("drop database if exists " + name + " with (force)");
  }

  private static void admin(String sql) {
    Properties props = new Properties();
    props.setProperty("user", USER);
    // the driver directly: DriverManager misses it under Maven's exec class loader
    try (Connection c = new org.postgresql.Driver().connect(SERVER + "postgres", props);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + SERVER + " refused: " + sql, e);
    }
  }

  /** {@code drop NAME}: used by the build to give end-to-end tests a fresh database. */
  public static void main(String[] args) {
    if (args.length == 2 && args[0].equals("drop")) {
      drop(args[1]);
      System.out.println("Dropped database " + args[1] + " (if it existed)");
    } else {
      throw new IllegalArgumentException("usage: drop <database>");
    }
  }
}
