package io.omnireach.jobs.usage;

import io.omnireach.db.Migrations;
import io.omnireach.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Arquillian server's database, run by the build around the integration tests: {@code create
 * <name>} makes it fresh and migrated (before the server starts), {@code drop <name>} removes it.
 */
public final class ArqDatabase {

  private ArqDatabase() {}

  public static void main(String[] args) throws SQLException {
    String name = args[1];
    TestDatabase.drop(name);
    if (args[0].equals("create")) {
      Properties props = new Properties();
      props.setProperty("user", TestDatabase.USER);
      try (Connection c =
              new org.postgresql.Driver().connect(TestDatabase.SERVER + "postgres", props);
          Statement s = c.createStatement()) {
        s.execute("create database " + name);
      }
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(TestDatabase.SERVER + name);
      ds.setUser(TestDatabase.USER);
      Migrations.migratePlatform(ds);
    }
  }
}
