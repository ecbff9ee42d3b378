package io.omnireach.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates the application database on first start when the server allows it. */
public final class DatabaseBootstrap {

  private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class.getName());
  private static final Pattern URL =
      Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z_][A-Za-z0-9_]*)(\\?.*)?$");

  private DatabaseBootstrap() {}

  /**
   * Connects to the server's {@code postgres} database and creates the database named in {@code
   * jdbcUrl} if it does not exist. Returns true when it was created.
   */
  public static boolean ensureDatabase(String jdbcUrl, String user, String password)
      throws SQLException {
    Matcher m = URL.matcher(jdbcUrl);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "OMNIREACH_DB_URL must look like jdbc:postgresql://host:port/database, got " + jdbcUrl);
    }
    String database = m.group(2);
    String adminUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
    Properties props = new Properties();
    props.setProperty("user", user);
    if (password != null && !password.isEmpty()) {
      props.setProperty("password", password);
    }
    try (Connection c = new org.postgresql.Driver().connect(adminUrl, props)) {
      try (PreparedStatement ps =
          c.prepareStatement("select 1 from pg_database where datname = ?")) {
        ps.setString(1, database);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return false;
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("create database " + database);
      } catch (SQLException e) {
        if ("42P04".equals(e.getSQLState())) { // created concurrently by another instance
          return false;
        }
        throw e;
      }
      LOG.info("Created database " + database);
      return true;
    }
  }
}
