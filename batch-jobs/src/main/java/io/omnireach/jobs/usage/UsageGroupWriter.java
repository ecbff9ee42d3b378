package io.omnireach.jobs.usage;

import io.omnireach.db.Transactions;
import io.omnireach.usage.UsageReports;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;

/**
 * Groups a batch of unreported events into report rows and marks them, in the chunk's transaction:
 * the reports, the marks and the checkpoint commit together or not at all.
 */
@Named("usageGroupWriter")
@Dependent
public class UsageGroupWriter extends AbstractItemWriter {

  @Inject UsageReports reports;
  @Inject Transactions tx;
  @Inject Clock clock;
  @Inject StepContext step;

  @Override
  public void writeItems(List<Object> items) {
    UsageReportProgress progress = UsageReportProgress.of(step, 0);
    int grouped =
        tx.joined(
            UsageReportProgress.PLATFORM,
            c -> reports.group(c, UsageGroupReader.BATCH, clock.instant()));
    progress.last = grouped;
    progress.total += grouped;
  }
}
