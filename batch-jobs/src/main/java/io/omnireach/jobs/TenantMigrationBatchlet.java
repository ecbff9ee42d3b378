package io.omnireach.jobs;

import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * Brings every tenant schema to the latest template version. Runs as the {@code tenant-migrate} job
 * at start-up, so a new release migrates all tenants without blocking the server start.
 */
@Named("tenantMigrationBatchlet")
@Dependent
public class TenantMigrationBatchlet extends AbstractBatchlet {

  private static final Logger LOG = Logger.getLogger(TenantMigrationBatchlet.class.getName());

  @Inject Transactions tx;
  @Inject StepContext step;

  @Override
  public String process() {
    int migrated = 0;
    int applied = 0;
    for (Tenant tenant : new TenantDirectory(tx).list(null)) {
      applied +=
          Migrations.migrateTenant(tx.dataSource(), tenant.ref().schema()).migrationsExecuted;
      migrated++;
    }
    String status = migrated + " tenant schemas checked, " + applied + " migrations applied";
    LOG.info(status);
    step.setExitStatus(status);
    return "COMPLETED";
  }
}
