package io.omnireach.db;

import java.sql.SQLException;

/** An unexpected database failure; the caller cannot fix it by changing its input. */
public class DataAccessException extends RuntimeException {

  public DataAccessException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  /** The SQLState of the cause, e.g. 23505 for a unique violation. */
  public String sqlState() {
    return ((SQLException) getCause()).getSQLState();
  }

  public boolean isUniqueViolation() {
    return "23505".equals(sqlState());
  }
}
