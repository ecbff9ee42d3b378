package io.omnireach.jobs.workflow;

import io.omnireach.tenant.TenantRef;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts {@code workflow-steps} jobs, at most one running per tenant (a second would only find the
 * first one's rows locked), and after a crash restarts each tenant's cut-off execution from its
 * checkpoint: Liberty marks such executions FAILED on the next start and does not restart them.
 */
@ApplicationScoped
public class WorkflowJobs {

  public static final String JOB = "workflow-steps";
  private static final Logger LOG = Logger.getLogger(WorkflowJobs.class.getName());
  private static final Set<BatchStatus> RUNNING =
      Set.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

  private final Map<String, Long> latest = new ConcurrentHashMap<>();

  /** Starts a job for the tenant unless one is running; the execution id, or -1. */
  public synchronized long startIfIdle(TenantRef tenant) {
    JobOperator operator = BatchRuntime.getJobOperator();
    Long last = latest.get(tenant.slug());
    if (last != null && RUNNING.contains(operator.getJobExecution(last).getBatchStatus())) {
      return -1;
    }
    long id = operator.start(JOB, new WorkflowJobParameters(tenant).toProperties());
    latest.put(tenant.slug(), id);
    return id;
  }

  /**
   * Restarts, per tenant, the newest execution if it did not complete (FAILED or STOPPED: cut off
   * by a crash or a stop). Returns how many were restarted.
   */
  public synchronized int resumeInterrupted() {
    JobOperator operator = BatchRuntime.getJobOperator();
    List<JobInstance> instances;
    try {
      instances = operator.getJobInstances(JOB, 0, 1000);
    } catch (NoSuchJobException e) {
      return 0; // never ran
    }
    Set<String> seen = new HashSet<>();
    int restarted = 0;
    for (JobInstance instance : instances) { // newest first
      JobExecution last =
          operator.getJobExecutions(instance).stream()
              .max((a, b) -> Long.compare(a.getExecutionId(), b.getExecutionId()))
              .orElse(null);
      if (last == null) {
        continue;
      }
      Properties params = last.getJobParameters();
      String slug = params == null ? null : params.getProperty(WorkflowJobParameters.TENANT_SLUG);
      if (slug == null || !seen.add(slug)) {
        continue;
      }
      BatchStatus status = last.getBatchStatus();
      if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
        continue;
      }
      try {
        long id = operator.restart(last.getExecutionId(), params);
        latest.put(slug, id);
        restarted++;
        LOG.info(
            "Restarted workflow-steps of "
                + slug
                + " (execution "
                + last.getExecutionId()
                + " was "
                + status
                + ") as "
                + id);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Could not restart workflow-steps of "
                + slug
                + "; the scheduler"
                + " starts a new execution",
            e);
      }
    }
    return restarted;
  }
}
