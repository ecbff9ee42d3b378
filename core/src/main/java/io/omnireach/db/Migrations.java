package io.omnireach.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ServiceLoader;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

/** Flyway migrations for the platform schema and the per-tenant schema template. */
public final class Migrations {

  public static final String PLATFORM_SCHEMA = "platform";

  /** Where PostgreSQL extensions live, once per database; tenant tables name it explicitly. */
  public static final String EXTENSIONS_SCHEMA = "extensions";

  /**
   * Tenant migrations written in Java (backfills that reuse feature code), registered as services
   * so this package does not depend on the features.
   */
  private static final JavaMigration[] TENANT_JAVA_MIGRATIONS =
      ServiceLoader.load(JavaMigration.class, Migrations.class.getClassLoader()).stream()
          .map(ServiceLoader.Provider::get)
          .toArray(JavaMigration[]::new);

  private Migrations() {}

  public static MigrateResult migratePlatform(DataSource dataSource) {
    ensureExtensions(dataSource);
    return flyway(dataSource, PLATFORM_SCHEMA, "classpath:db/platform").load().migrate();
  }

  /** Creates the schema when missing and brings it to the latest tenant template version. */
  public static MigrateResult migrateTenant(DataSource dataSource, String schema) {
    ensureExtensions(dataSource);
    return flyway(dataSource, schema, "classpath:db/tenant")
        .javaMigrations(TENANT_JAVA_MIGRATIONS)
        .load()
        .migrate();
  }

  /** Number of platform migrations not applied yet (readiness reports this). */
  public static int pendingPlatformMigrations(DataSource dataSource) {
    return flyway(dataSource, PLATFORM_SCHEMA, "classpath:db/platform")
        .load()
        .info()
        .pending()
        .length;
  }

  /**
   * Creates pgvector in its own schema once per database (tenant schemas use {@code
   * extensions.vector}), serialised by an advisory lock so parallel migrations do not race. A
   * server without pgvector fails here with the way to install it.
   */
  public static void ensureExtensions(DataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        s.execute("select pg_advisory_xact_lock(72616701)");
        s.execute("create schema if not exists " + EXTENSIONS_SCHEMA);
        s.execute("create extension if not exists vector with schema " + EXTENSIONS_SCHEMA);
        // created earlier by hand in another schema (e.g. public): tenant tables name extensions.
        s.execute(
            "do $$ begin if (select n.nspname from pg_extension e join pg_namespace n"
                + " on n.oid = e.extnamespace where e.extname = 'vector') <> '"
                + EXTENSIONS_SCHEMA
                + "' then alter extension vector set schema "
                + EXTENSIONS_SCHEMA
                + "; end if; end $$");
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw new IllegalStateException(
            "PostgreSQL has no pgvector extension (CREATE EXTENSION vector failed: "
                + e.getMessage()
                + "). Install it with scripts/pgvector.sh or use the pgvector/pgvector:pg15 image.",
            e);
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare database extensions", e);
    }
  }

  private static FluentConfiguration flyway(DataSource dataSource, String schema, String location) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .schemas(schema)
        .defaultSchema(schema)
        .locations(location)
        // version numbers are handed out per feature branch: a lower one merged later still runs
        .outOfOrder(true);
  }
}
