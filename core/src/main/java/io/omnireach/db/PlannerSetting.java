package io.omnireach.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL planner setting for the next statement of the caller's transaction, back to its
 * default right after it. For statements whose good plan must not depend on statistics or a cached
 * plan made while their table was small (the outbox's SENT record, the engine's claim;
 * docs/benchmarks.md). Plain {@code SET LOCAL}, so it works the same behind Liberty's pool.
 */
public final class PlannerSetting {

  private PlannerSetting() {}

  /** Runs {@code statement} with {@code name} set to {@code value} (a constant, not user input). */
  public static <T> T with(Connection c, String name, String value, SqlWork<T> statement)
      throws SQLException {
    set(c, name, value);
    T result = statement.run(c);
    set(c, name, "default");
    return result;
  }

  private static void set(Connection c, String name, String value) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("set local " + name + " to " + value);
    }
  }
}
