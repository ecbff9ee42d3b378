package io.omnireach.jobs.knowledge;

import io.omnireach.knowledge.KnowledgeDocument;
import io.omnireach.knowledge.KnowledgeLauncher;
import io.omnireach.knowledge.KnowledgeStore;
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

/** Starts indexing jobs, and after a crash restarts the ones that were cut off. */
@ApplicationScoped
public class KnowledgeJobs implements KnowledgeLauncher {

  static final String JOB = "knowledge-index";
  private static final Logger LOG = Logger.getLogger(KnowledgeJobs.class.getName());

  @Inject KnowledgeStore store;
  @Inject TenantDirectory tenants;

  @Override
  public long start(TenantRef tenant, long documentId) {
    return BatchRuntime.getJobOperator()
        .start(JOB, new KnowledgeJobParameters(tenant, documentId).toProperties());
  }

  /**
   * Liberty marks jobs running at a crash as FAILED and does not restart them: each PENDING or
   * INDEXING document resumes from its last checkpoint. Returns how many.
   */
  public int resumeInterrupted() {
    JobOperator operator = BatchRuntime.getJobOperator();
    int resumed = 0;
    for (Tenant tenant : tenants.list(null)) {
      for (KnowledgeDocument d : store.unfinished(tenant.ref())) {
        try {
          var parameters = new KnowledgeJobParameters(tenant.ref(), d.id()).toProperties();
          if (d.executionId() == null) {
            operator.start(JOB, parameters);
          } else {
            BatchStatus status = operator.getJobExecution(d.executionId()).getBatchStatus();
            if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
              continue;
            }
            operator.restart(d.executionId(), parameters);
          }
          resumed++;
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Could not resume indexing " + d.id() + " of " + tenant.slug(), e);
          store.failed(tenant.ref(), d.id(), "Could not resume after a restart: " + e.getMessage());
        }
      }
    }
    return resumed;
  }
}
