package io.omnireach.jobs.knowledge;

import io.omnireach.knowledge.KnowledgeStore;
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

/**
 * Marks the document INDEXING with its execution id, then READY or FAILED. A failure the reader
 * already explained (unreadable file) keeps that reason.
 */
@Named("knowledgeIndexListener")
@Dependent
public class KnowledgeIndexListener extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(KnowledgeIndexListener.class.getName());

  @Inject @BatchProperty String tenantId;
  @Inject @BatchProperty String tenantSlug;
  @Inject @BatchProperty String documentId;
  @Inject KnowledgeStore store;
  @Inject JobContext job;

  @Override
  public void beforeJob() {
    KnowledgeJobParameters p = KnowledgeJobParameters.of(tenantId, tenantSlug, documentId);
    store.started(p.tenant(), p.documentId(), job.getExecutionId());
  }

  @Override
  public void afterJob() {
    KnowledgeJobParameters p = KnowledgeJobParameters.of(tenantId, tenantSlug, documentId);
    String error = null;
    for (StepExecution s : BatchRuntime.getJobOperator().getStepExecutions(job.getExecutionId())) {
      if (s.getBatchStatus() != BatchStatus.COMPLETED) {
        error = "Indexing stopped (" + s.getBatchStatus() + "): " + s.getExitStatus();
      }
    }
    if (error != null && job.getTransientUserData() instanceof String reason) {
      error = reason; // the reader's: what is wrong with the file
    }
    LOG.info(
        "Knowledge document "
            + p.documentId()
            + " of "
            + p.tenant().slug()
            + (error == null ? " indexed" : " failed: " + error));
    try {
      store.finished(p.tenant(), p.documentId(), error == null, error);
    } catch (RuntimeException e) {
      LOG.warning("Could not record the end of indexing " + p.documentId() + ": " + e);
    }
  }
}
