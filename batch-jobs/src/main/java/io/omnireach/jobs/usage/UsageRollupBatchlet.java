package io.omnireach.jobs.usage;

import io.omnireach.usage.UsageRollup;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The {@code usage-rollup} step: folds pending usage events into {@code usage_hourly}, a batch per
 * transaction, until none are left or the job is stopped. Each batch commits on its own (events
 * marked and hours added in one statement), so a crash or a stop loses nothing and counts nothing
 * twice; the next run carries on. The exit status carries the count.
 */
@Named("usageRollupBatchlet")
@Dependent
public class UsageRollupBatchlet extends AbstractBatchlet {

  static final String JOB = "usage-rollup";

  @Inject UsageRollup rollup;
  @Inject StepContext step;

  @Inject
  @BatchProperty(name = "batchSize")
  String batchSize;

  private volatile boolean stopping;

  @Override
  public String process() {
    int size = batchSize == null || batchSize.isBlank() ? 5_000 : Integer.parseInt(batchSize);
    long total = 0;
    for (int n = rollup.rollUp(size); n > 0 && !stopping; n = rollup.rollUp(size)) {
      total += n;
    }
    step.setExitStatus("rolledUp=" + total);
    return stopping ? "STOPPED" : "COMPLETED";
  }

  @Override
  public void stop() {
    stopping = true;
  }
}
