package io.omnireach.jobs.usage;

import io.omnireach.usage.UsageSnapshots;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * The {@code usage-snapshot} step: today's (UTC) seat and lead snapshot of every tenant that has
 * none yet. Tenants already taken today cost one indexed lookup, so the job may run hourly; a
 * tenant that fails is retried on the next run. The exit status carries the counts.
 */
@Named("usageSnapshotBatchlet")
@Dependent
public class UsageSnapshotBatchlet extends AbstractBatchlet {

  static final String JOB = "usage-snapshot";
  private static final Logger LOG = Logger.getLogger(UsageSnapshotBatchlet.class.getName());

  @Inject UsageSnapshots snapshots;
  @Inject StepContext step;

  @Override
  public String process() {
    UsageSnapshots.Result r = snapshots.takeToday();
    String status =
        "taken=" + r.taken() + " alreadyTaken=" + r.alreadyTaken() + " failed=" + r.failed();
    if (r.taken() > 0 || r.failed() > 0) {
      LOG.info("Usage snapshot: " + status);
    }
    step.setExitStatus(status);
    return "COMPLETED";
  }
}
