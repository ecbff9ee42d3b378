package io.omnireach.app;

import io.omnireach.app.startup.StartupState;
import io.omnireach.jobs.replies.ReplyPollJobs;
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
 * Starts the {@code reply-poll} Jakarta Batch job every {@code omnireach.replies.poll-seconds}
 * (default 60; 0 turns polling off) on the managed scheduled executor, unless the previous run is
 * still going.
 */
@ApplicationScoped
public class ReplyPollScheduler {

  private static final Logger LOG = Logger.getLogger(ReplyPollScheduler.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject ReplyPollJobs jobs;
  @Inject StartupState startup;

  @Inject
  @ConfigProperty(name = "omnireach.replies.poll-seconds", defaultValue = "60")
  long pollSeconds;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (pollSeconds > 0) {
      scheduler.scheduleWithFixedDelay(this::tick, pollSeconds, pollSeconds, TimeUnit.SECONDS);
    }
  }

  void tick() {
    if (!startup.isReady()) {
      return;
    }
    try {
      jobs.startIfIdle();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not start the reply-poll job", e);
    }
  }
}
