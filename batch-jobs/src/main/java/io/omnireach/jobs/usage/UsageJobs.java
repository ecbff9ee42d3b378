package io.omnireach.jobs.usage;

import io.omnireach.jobs.SingletonJobs;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Starts the usage jobs, each unless one of its kind is still running — on any server, since the
 * job repository is shared (a dead server's execution counts only for {@link
 * SingletonJobs#STALE_AFTER}).
 */
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
    return SingletonJobs.startIfIdle(BatchRuntime.getJobOperator(), job);
  }
}
