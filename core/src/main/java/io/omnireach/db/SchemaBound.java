package io.omnireach.db;

/** Something whose data lives in one PostgreSQL schema (a tenant); see {@link Transactions}. */
public interface SchemaBound {

  /** A schema name made only of [a-z0-9_], safe to put in SQL. */
  String schema();
}
