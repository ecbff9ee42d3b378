package io.omnireach.jobs.usage;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Starts {@code usage-report} unless this server runs one. An execution cut off by a crash (Liberty
 * marks it FAILED on the next start and leaves it) is restarted from its checkpoint instead; after
 * {@link #MAX_EXECUTIONS} tries a fresh execution takes over (the queue is in the database, so
 * nothing is lost either way).
 */
@ApplicationScoped
public class UsageReportJobs {

  public static final String JOB = "usage-report";
  static final int MAX_EXECUTIONS = 3;
  private static final Logger LOG = Logger.getLogger(UsageReportJobs.class.getName());
  private static final Set<BatchStatus> RUNNING =
      Set.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

  private Long latest;

  /** The execution started or restarted, or -1 when this server's last one is still running. */
  public synchronized long startOrResume() {
    JobOperator operator = BatchRuntime.getJobOperator();
    if (latest != null && RUNNING.contains(operator.getJobExecution(latest).getBatchStatus())) {
      return -1;
    }
    JobExecution cutOff = cutOff(operator);
    if (cutOff != null) {
      latest = operator.restart(cutOff.getExecutionId(), new Properties());
      LOG.info("Restarted usage-report execution " + cutOff.getExecutionId() + " as " + latest);
    } else {
      latest = operator.start(JOB, new Properties());
    }
    return latest;
  }

  /** The newest instance's last execution when it failed or stopped and may still be retried. */
  private static JobExecution cutOff(JobOperator operator) {
    List<JobInstance> newest;
    try {
      newest = operator.getJobInstances(JOB, 0, 1);
    } catch (NoSuchJobException e) {
      return null; // never ran
    }
    if (newest.isEmpty()) {
      return null;
    }
    List<JobExecution> executions = operator.getJobExecutions(newest.get(0));
    JobExecution last =
        executions.stream()
            .max(Comparator.comparingLong(JobExecution::getExecutionId))
            .orElse(null);
    if (last == null || executions.size() >= MAX_EXECUTIONS) {
      return null;
    }
    BatchStatus status = last.getBatchStatus();
    return status == BatchStatus.FAILED || status == BatchStatus.STOPPED ? last : null;
  }
}
