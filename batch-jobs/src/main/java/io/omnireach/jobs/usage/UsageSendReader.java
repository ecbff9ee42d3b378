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
  private long after;

  @Override
  public void open(Serializable checkpoint) {
    UsageReportCheckpoint at =
        checkpoint instanceof UsageReportCheckpoint c ? c : new UsageReportCheckpoint(0, 0);
    progress = UsageReportProgress.of(step, at.done());
    after = at.lastId();
  }

  @Override
  public Object readItem() {
    if (progress.stop) {
      return null;
    }
    if (buffer.isEmpty()) {
      // after the last report handed out: this chunk's own locks do not hide its rows
      buffer.addAll(
          tx.joined(
              UsageReportProgress.PLATFORM, c -> reports.claim(c, after, BATCH, clock.instant())));
    }
    UsageReport next = buffer.poll();
    if (next != null) {
      after = next.id();
    }
    return next;
  }

  @Override
  public Serializable checkpointInfo() {
    return new UsageReportCheckpoint(progress.total, after);
  }
}
