package io.omnireach.jobs.leadimport;

import io.omnireach.lead.ImportStore;
import io.omnireach.workflow.engine.Enrollments;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.StepExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/** Marks the import STARTED with its execution id, then COMPLETED or FAILED at the end. */
@Named("leadImportListener")
@Dependent
public class LeadImportListener extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(LeadImportListener.class.getName());

  @Inject @BatchProperty String tenantId;
  @Inject @BatchProperty String tenantSlug;
  @Inject @BatchProperty String importId;
  @Inject ImportStore store;
  @Inject Enrollments enrollments;
  @Inject JobContext job;

  @Override
  public void beforeJob() {
    ImportJobParameters p = ImportJobParameters.of(tenantId, tenantSlug, importId);
    store.started(p.tenant(), p.importId(), job.getExecutionId());
  }

  @Override
  public void afterJob() {
    ImportJobParameters p = ImportJobParameters.of(tenantId, tenantSlug, importId);
    boolean completed = true;
    String error = null;
    for (StepExecution s : BatchRuntime.getJobOperator().getStepExecutions(job.getExecutionId())) {
      if (s.getBatchStatus() != BatchStatus.COMPLETED) {
        completed = false;
        error =
            "Step " + s.getStepName() + " ended " + s.getBatchStatus() + ": " + s.getExitStatus();
      }
    }
    LOG.info(
        "Lead import "
            + p.importId()
            + " of "
            + p.tenant().slug()
            + (completed ? " completed" : " failed: " + error));
    store.finished(p.tenant(), p.importId(), completed, error);
    if (completed) {
      try {
        Enrollments.Result r = enrollments.afterImport(p.tenant(), p.importId());
        if (r.enrolled() > 0 || r.skipped() > 0) {
          LOG.info(
              "Lead import "
                  + p.importId()
                  + " enrolled "
                  + r.enrolled()
                  + " leads ("
                  + r.skipped()
                  + " skipped: "
                  + r.skippedBy()
                  + ")");
        }
      } catch (RuntimeException e) {
        // e.g. the workflow was paused meanwhile: the import stays COMPLETED; enrol by hand
        LOG.log(
            java.util.logging.Level.WARNING,
            "Lead import " + p.importId() + " could not enrol its leads: " + e.getMessage(),
            e);
      }
    }
  }
}
