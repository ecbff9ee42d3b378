package io.omnireach.jobs.replies;

import io.omnireach.jobs.SingletonJobs;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;

/** Starts the {@code reply-poll} job unless one is still running (on any server). */
@ApplicationScoped
public class ReplyPollJobs {

  /**
   * The new execution's id, or -1 when a poll is still running on any server (one whose server died
   * counts only for {@link SingletonJobs#STALE_AFTER}).
   */
  public long startIfIdle() {
    return SingletonJobs.startIfIdle(BatchRuntime.getJobOperator(), ReplyPollBatchlet.JOB);
  }
}
