package io.omnireach.jobs;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.JobExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * Starts a platform-wide job (reply poll, usage roll-up and snapshot) unless an execution of it is
 * running — on any server: the job repository is shared, and {@code getRunningExecutions} lists the
 * executions of every server.
 *
 * <p>A server killed with kill -9 leaves its executions STARTED in the repository until it starts
 * again (Liberty then marks them FAILED). With several servers the others would wait for them
 * forever; so an execution counts as running only while it was updated within {@link #STALE_AFTER}.
 * After that another server starts a new one. The jobs this serves are idempotent when they overlap
 * (replies are unique by Message-ID, the roll-ups claim with SKIP LOCKED), so a slow execution that
 * is merely old costs a second, harmless pass.
 */
public final class SingletonJobs {

  /** How long a running execution keeps others from starting: longer than any normal pass. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(5);

  private SingletonJobs() {}

  /** The new execution's id, or -1 when a live execution of the job is running. */
  public static long startIfIdle(JobOperator operator, String job) {
    try {
      Instant now = Instant.now();
      for (Long id : operator.getRunningExecutions(job)) {
        if (live(operator.getJobExecution(id), now)) {
          return -1;
        }
      }
    } catch (NoSuchJobException e) {
      // never ran yet
    }
    return operator.start(job, new Properties());
  }

  /** Whether a running execution was updated (started, or moved on) within the bound. */
  static boolean live(JobExecution execution, Instant now) {
    Date last = execution.getLastUpdatedTime();
    if (last == null) {
      last = execution.getCreateTime();
    }
    return last == null || last.toInstant().isAfter(now.minus(STALE_AFTER));
  }
}
