package io.omnireach.testing;

import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
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
    String name = "omnireach_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("create database " + name);
    onCreate.accept(name);
    return new TestDatabase(name);
  }

  /** Creates a database with the platform schema migrated. */
  public static TestDatabase migrated() {
    TestDatabase db = create();
    Migrations.migratePlatform(db.dataSource);
    return db;
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
