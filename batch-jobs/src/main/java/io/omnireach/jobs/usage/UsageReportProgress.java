package io.omnireach.jobs.usage;

import io.omnireach.db.SchemaBound;

/**
 * What a step's writer tells its reader between chunks (kept as the step's transient user data):
 * how much the last chunk did, the running total, and whether to stop early.
 */
final class UsageReportProgress {

  /** The report tables are platform tables (queries name their schema). */
  static final SchemaBound PLATFORM = () -> "platform";

  long last = -1;
  long total;
  boolean stop;

  static UsageReportProgress of(jakarta.batch.runtime.context.StepContext step, long start) {
    if (step.getTransientUserData() instanceof UsageReportProgress p) {
      return p;
    }
    UsageReportProgress p = new UsageReportProgress();
    p.total = start;
    step.setTransientUserData(p);
    return p;
  }
}
