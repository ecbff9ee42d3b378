package io.omnireach.relationship;

import java.time.Instant;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Tenant migration 14.1: computes the relationship score of every existing lead once, with the same
 * code as every later event (V14 added the columns). Registered explicitly with Flyway rather than
 * found by class-path scanning.
 */
public final class RelationshipBackfill implements JavaMigration {

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("14.1");
  }

  @Override
  public String getDescription() {
    return "relationship score backfill";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    RelationshipScores.recomputeAll(context.getConnection(), Instant.now());
  }
}
