package io.omnireach.jobs.usage;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;

/** Starts the usage jobs, each unless one of its kind is still running on this server. */
@ApplicationScoped
public class UsageJobs {

  /** The new {@code usage-rollup} execution's id, or -1 when one is still running. */
  public long rollUpIfIdle() {
    return startIfIdle(UsageRollupBatchlet.JOB);
  }

  /** The new {@code usage-snapshot} execution's id, or -1 when one is still running. */
  public long snapshotIfIdle() {
    return startIfIdle(UsageSnapshotBatchlet.JOB);
  }

  private static long startIfIdle(String job) {
    JobOperator operator = BatchRuntime.getJobOperator();
    try {
      if (!operator.getRunningExecutions(job).isEmpty()) {
        return -1;
      }
    } catch (NoSuchJobException e) {
      // never ran yet
    }
    return operator.start(job, new Properties());
  }
}
