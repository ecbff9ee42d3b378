package io.omnireach.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.PGStatement;

/**
 * For a statement that joins its bound rows to a table that grows fast (the outbox during a
 * campaign): PostgreSQL plans it with the bound values on every call instead of reusing a generic
 * plan cached while the table was small — such a plan scanned all of {@code messages} for every
 * group of ten sent messages (3.6 ms per call at 16,000 rows, docs/benchmarks.md). The price is a
 * parse and plan per call, well under a tenth of a millisecond for such a statement.
 */
public final class PlannedPerCall {

  private PlannedPerCall() {}

  /** The same statement, now never turned into a named server-side one (pgjdbc's threshold 0). */
  public static PreparedStatement of(PreparedStatement ps) throws SQLException {
    if (ps.isWrapperFor(PGStatement.class)) { // Liberty's pool wraps pgjdbc's statement
      ps.unwrap(PGStatement.class).setPrepareThreshold(0);
    }
    return ps;
  }
}
