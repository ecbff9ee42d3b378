package io.omnireach.app;

import io.omnireach.app.startup.StartupState;
import io.omnireach.billing.stripe.StripeBilling;
import io.omnireach.jobs.usage.UsageReportJobs;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With Stripe on, starts the {@code usage-report} job every {@code omnireach.stripe.report-seconds}
 * (default 60; 0 turns reporting off) unless it is still running; a run cut off by a crash is
 * restarted from its checkpoint on the first tick after the server is back.
 */
@ApplicationScoped
public class UsageReportScheduler {

  private static final Logger LOG = Logger.getLogger(UsageReportScheduler.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject UsageReportJobs jobs;
  @Inject StripeBilling stripe;
  @Inject StartupState startup;

  @Inject
  @ConfigProperty(name = "omnireach.stripe.report-seconds", defaultValue = "60")
  long reportSeconds;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (stripe.enabled() && reportSeconds > 0) {
      scheduler.scheduleWithFixedDelay(this::tick, reportSeconds, reportSeconds, TimeUnit.SECONDS);
    }
  }

  void tick() {
    if (!startup.isReady()) {
      return;
    }
    try {
      jobs.startOrResume();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not start the usage-report job", e);
    }
  }
}
