package io.omnireach.app;

import io.omnireach.app.startup.StartupState;
import io.omnireach.jobs.usage.UsageJobs;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the usage jobs on the managed scheduled executor, each unless its previous run is still
 * going: {@code usage-rollup} every {@code omnireach.usage.rollup-seconds} (default 60) and {@code
 * usage-snapshot} every {@code omnireach.usage.snapshot-seconds} (default 3600; the first about a
 * minute after start, so a day is never missed while the server runs). 0 turns a job off. Reading
 * usage never waits for either: totals add the events not rolled up yet.
 */
@ApplicationScoped
public class UsageJobScheduler {

  private static final Logger LOG = Logger.getLogger(UsageJobScheduler.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject UsageJobs jobs;
  @Inject StartupState startup;

  @Inject
  @ConfigProperty(name = "omnireach.usage.rollup-seconds", defaultValue = "60")
  long rollupSeconds;

  @Inject
  @ConfigProperty(name = "omnireach.usage.snapshot-seconds", defaultValue = "3600")
  long snapshotSeconds;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (rollupSeconds > 0) {
      scheduler.scheduleWithFixedDelay(
          () -> start("usage-rollup", jobs::rollUpIfIdle),
          rollupSeconds,
          rollupSeconds,
          TimeUnit.SECONDS);
    }
    if (snapshotSeconds > 0) {
      scheduler.scheduleWithFixedDelay(
          () -> start("usage-snapshot", jobs::snapshotIfIdle),
          Math.min(60, snapshotSeconds),
          snapshotSeconds,
          TimeUnit.SECONDS);
    }
  }

  private void start(String job, LongSupplier starter) {
    if (!startup.isReady()) {
      return;
    }
    try {
      starter.getAsLong();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not start the " + job + " job", e);
    }
  }
}
