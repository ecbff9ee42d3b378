package io.omnireach.jobs.usage;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * One item per batch of events to group; ends when the last batch found fewer events than it could
 * take (the writer does the set-based work in the chunk's transaction).
 */
@Named("usageGroupReader")
@Dependent
public class UsageGroupReader extends AbstractItemReader {

  static final int BATCH = 5_000;

  @Inject StepContext step;

  private UsageReportProgress progress;

  @Override
  public void open(Serializable checkpoint) {
    long start = checkpoint instanceof UsageReportCheckpoint c ? c.done() : 0;
    progress = UsageReportProgress.of(step, start);
  }

  @Override
  public Object readItem() {
    return progress.last >= 0 && progress.last < BATCH ? null : BATCH;
  }

  @Override
  public Serializable checkpointInfo() {
    return new UsageReportCheckpoint(progress.total, 0);
  }
}
