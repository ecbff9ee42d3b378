package io.omnireach.jobs.usage;

import io.omnireach.db.Transactions;
import io.omnireach.usage.UsageReport;
import io.omnireach.usage.UsageReports;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Claims pending reports a chunk at a time, in the chunk's transaction ({@code FOR UPDATE SKIP
 * LOCKED}: the claim lasts until the chunk commits or rolls back). Ends when none are left, or when
 * the biller asked to be left alone for now.
 */
@Named("usageSendReader")
@Dependent
public class UsageSendReader extends AbstractItemReader {

  static final int BATCH = 20;

  @Inject UsageReports reports;
  @Inject Transactions tx;
  @Inject Clock clock;
  @Inject StepContext step;

  private final Deque<UsageReport> buffer = new ArrayDeque<>();
  private UsageReportProgress progress;

  @Override
  public void open(Serializable checkpoint) {
    long start = checkpoint instanceof UsageReportCheckpoint c ? c.done() : 0;
    progress = UsageReportProgress.of(step, start);
  }

  @Override
  public Object readItem() {
    if (progress.stop) {
      return null;
    }
    if (buffer.isEmpty()) {
      buffer.addAll(
          tx.joined(UsageReportProgress.PLATFORM, c -> reports.claim(c, BATCH, clock.instant())));
    }
    return buffer.poll();
  }

  @Override
  public Serializable checkpointInfo() {
    return new UsageReportCheckpoint(progress.total);
  }
}
