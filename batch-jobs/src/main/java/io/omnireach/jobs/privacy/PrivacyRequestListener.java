package io.omnireach.jobs.privacy;

import io.omnireach.privacy.PrivacyRequests;
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

/** Marks the request RUNNING with its execution id, then COMPLETED or FAILED (audited). */
@Named("privacyRequestListener")
@Dependent
public class PrivacyRequestListener extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(PrivacyRequestListener.class.getName());

  @Inject @BatchProperty String tenantId;
  @Inject @BatchProperty String tenantSlug;
  @Inject @BatchProperty String requestId;
  @Inject PrivacyRequests requests;
  @Inject JobContext job;

  @Override
  public void beforeJob() {
    PrivacyJobParameters p = PrivacyJobParameters.of(tenantId, tenantSlug, requestId);
    requests.started(p.tenant(), p.requestId(), job.getExecutionId());
  }

  @Override
  public void afterJob() {
    PrivacyJobParameters p = PrivacyJobParameters.of(tenantId, tenantSlug, requestId);
    String error = null;
    for (StepExecution s : BatchRuntime.getJobOperator().getStepExecutions(job.getExecutionId())) {
      if (s.getBatchStatus() != BatchStatus.COMPLETED) {
        error = "The job stopped (" + s.getBatchStatus() + "): " + s.getExitStatus();
      }
    }
    LOG.info(
        "Privacy request "
            + p.requestId()
            + " of "
            + p.tenant().slug()
            + (error == null ? " done" : " failed: " + error));
    try {
      requests.finished(p.tenant(), p.requestId(), error == null, error);
    } catch (RuntimeException e) {
      LOG.warning("Could not record the end of privacy request " + p.requestId() + ": " + e);
    }
  }
}
