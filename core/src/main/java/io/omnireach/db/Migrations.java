package io.omnireach.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Flyway migrations for the platform schema and the per-tenant schema template. */
public final class Migrations {

  public static final String PLATFORM_SCHEMA = "platform";

  private Migrations() {}

  public static MigrateResult migratePlatform(DataSource dataSource) {
    return flyway(dataSource, PLATFORM_SCHEMA, "classpath:db/platform").migrate();
  }

  /** Creates the schema when missing and brings it to the latest tenant template version. */
  public static MigrateResult migrateTenant(DataSource dataSource, String schema) {
    return flyway(dataSource, schema, "classpath:db/tenant").migrate();
  }

  /** Number of platform migrations not applied yet (readiness reports this). */
  public static int pendingPlatformMigrations(DataSource dataSource) {
    return flyway(dataSource, PLATFORM_SCHEMA, "classpath:db/platform").info().pending().length;
  }

  private static Flyway flyway(DataSource dataSource, String schema, String location) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .schemas(schema)
        .defaultSchema(schema)
        .locations(location)
        .load();
  }
}
