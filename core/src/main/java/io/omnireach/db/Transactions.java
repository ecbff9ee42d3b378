package io.omnireach.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Runs units of work in a transaction, either on the platform schema or on exactly one tenant
 * schema.
 *
 * <p>The tenant schema is set with {@code SET LOCAL search_path}: it lasts until the transaction
 * ends, so a pooled connection never carries one tenant's schema into the next borrower's work.
 */
public final class Transactions {

  private final DataSource dataSource;

  public Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Work on the {@code platform} schema (tenants, users, memberships, audit log). */
  public <T> T platform(SqlWork<T> work) {
    return inTransaction("platform", work);
  }

  /** Work on one tenant's schema; unqualified table names resolve there and nowhere else. */
  public <T> T tenant(SchemaBound tenant, SqlWork<T> work) {
    return inTransaction(tenant.schema(), work);
  }

  /**
   * Work inside a transaction the container already runs (a Jakarta Batch chunk): the schema is set
   * for that transaction, and the container commits or rolls back.
   */
  public <T> T joined(SchemaBound tenant, SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET LOCAL search_path TO " + tenant.schema());
      }
      return work.run(connection);
    } catch (SQLException e) {
      throw new DataAccessException(e);
    }
  }

  private <T> T inTransaction(String schema, SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        try (Statement statement = connection.createStatement()) {
          // SchemaBound promises a plain [a-z0-9_] identifier (TenantSchema validates slugs)
          statement.execute("SET LOCAL search_path TO " + schema);
        }
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new DataAccessException(e);
    }
  }
}
