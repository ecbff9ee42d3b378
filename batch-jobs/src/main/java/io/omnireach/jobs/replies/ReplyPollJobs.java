package io.omnireach.jobs.replies;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;

/** Starts the {@code reply-poll} job unless one is still running. */
@ApplicationScoped
public class ReplyPollJobs {

  /** The new execution's id, or -1 when a poll is still running. */
  public long startIfIdle() {
    JobOperator operator = BatchRuntime.getJobOperator();
    try {
      if (!operator.getRunningExecutions(ReplyPollBatchlet.JOB).isEmpty()) {
        return -1;
      }
    } catch (NoSuchJobException e) {
      // never ran yet
    }
    return operator.start(ReplyPollBatchlet.JOB, new Properties());
  }
}
