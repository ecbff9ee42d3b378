package io.omnireach.jobs.privacy;

import io.omnireach.privacy.PrivacyLauncher;
import io.omnireach.privacy.PrivacyRequest;
import io.omnireach.privacy.PrivacyRequests;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts privacy-request jobs, and after a crash restarts the ones that were cut off. */
@ApplicationScoped
public class PrivacyJobs implements PrivacyLauncher {

  static final String JOB = "privacy-request";
  private static final Logger LOG = Logger.getLogger(PrivacyJobs.class.getName());

  // a Provider: PrivacyRequests is produced with this launcher
  @Inject Provider<PrivacyRequests> requests;
  @Inject TenantDirectory tenants;

  @Override
  public long start(TenantRef tenant, long requestId) {
    return BatchRuntime.getJobOperator()
        .start(JOB, new PrivacyJobParameters(tenant, requestId).toProperties());
  }

  /**
   * Liberty marks jobs running at a crash as FAILED and does not restart them: each unfinished
   * request goes on from its last committed step. Returns how many.
   */
  public int resumeInterrupted() {
    JobOperator operator = BatchRuntime.getJobOperator();
    int resumed = 0;
    for (Tenant tenant : tenants.list(null)) {
      java.util.List<PrivacyRequest> unfinished;
      try {
        unfinished = requests.get().unfinished(tenant.ref());
      } catch (RuntimeException e) {
        // e.g. its schema is not migrated yet (the migration job runs at the same time)
        LOG.log(Level.WARNING, "Could not look for privacy requests of " + tenant.slug(), e);
        continue;
      }
      for (PrivacyRequest r : unfinished) {
        try {
          var parameters = new PrivacyJobParameters(tenant.ref(), r.id()).toProperties();
          if (r.executionId() == null) {
            operator.start(JOB, parameters);
          } else {
            BatchStatus status = operator.getJobExecution(r.executionId()).getBatchStatus();
            if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
              continue;
            }
            operator.restart(r.executionId(), parameters);
          }
          resumed++;
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Could not resume privacy request " + r.id(), e);
          requests
              .get()
              .finished(
                  tenant.ref(),
                  r.id(),
                  false,
                  "Could not resume after a restart: " + e.getMessage());
        }
      }
    }
    return resumed;
  }
}
