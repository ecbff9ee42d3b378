package io.omnireach.jobs.leadimport;

import io.omnireach.lead.ImportLauncher;
import io.omnireach.lead.ImportStore;
import io.omnireach.lead.LeadImport;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts import jobs, and after a crash restarts the ones that were cut off. */
@ApplicationScoped
public class LeadImportJobs implements ImportLauncher {

  static final String JOB = "lead-import";
  private static final Logger LOG = Logger.getLogger(LeadImportJobs.class.getName());

  @Inject ImportStore store;
  @Inject TenantDirectory tenants;

  @Override
  public long start(TenantRef tenant, long importId) {
    return BatchRuntime.getJobOperator()
        .start(JOB, new ImportJobParameters(tenant, importId).toProperties());
  }

  /**
   * Liberty marks jobs running at a crash as FAILED on the next start and does not restart them;
   * this restarts each unfinished import from its last checkpoint. Returns how many.
   */
  public int resumeInterrupted() {
    JobOperator operator = BatchRuntime.getJobOperator();
    int resumed = 0;
    for (Tenant tenant : tenants.list(null)) {
      for (LeadImport imp : store.unfinished(tenant.ref())) {
        try {
          var parameters = new ImportJobParameters(tenant.ref(), imp.id()).toProperties();
          if (imp.executionId() == null) {
            operator.start(JOB, parameters);
          } else {
            BatchStatus status = operator.getJobExecution(imp.executionId()).getBatchStatus();
            if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
              continue;
            }
            operator.restart(imp.executionId(), parameters);
          }
          resumed++;
          LOG.info("Resumed lead import " + imp.id() + " of " + tenant.slug());
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING,
              "Could not resume lead import " + imp.id() + " of " + tenant.slug(),
              e);
          store.finished(
              tenant.ref(), imp.id(), false, "Could not resume after a restart: " + e.getMessage());
        }
      }
    }
    return resumed;
  }
}
