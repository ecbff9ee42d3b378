package io.omnireach.app;

import io.omnireach.app.startup.StartupState;
import io.omnireach.relationship.RelationshipScores;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets relationship scores cool while nothing happens: every {@code
 * omnireach.relationship.decay-minutes} (default 60; 0 turns it off) each active tenant's leads
 * whose score has a fading part and was computed more than a day ago are recomputed ({@link
 * RelationshipScores#decay}), so every such lead is refreshed about once a day.
 */
@ApplicationScoped
public class RelationshipDecayScheduler {

  private static final Logger LOG = Logger.getLogger(RelationshipDecayScheduler.class.getName());

  /** How old a score must be before it is recomputed for decay alone. */
  static final Duration EVERY = Duration.ofDays(1);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject RelationshipScores scores;
  @Inject TenantDirectory tenants;
  @Inject StartupState startup;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "omnireach.relationship.decay-minutes", defaultValue = "60")
  long minutes;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (minutes > 0) {
      scheduler.scheduleWithFixedDelay(this::sweep, minutes, minutes, TimeUnit.MINUTES);
    }
  }

  void sweep() {
    if (!startup.isReady()) {
      return;
    }
    try {
      tenants.list(null).stream()
          .filter(t -> t.status() == TenantStatus.ACTIVE)
          .forEach(
              t -> {
                try {
                  int n = scores.decay(t.ref(), clock, EVERY);
                  if (n > 0) {
                    LOG.fine("Relationship scores of " + t.slug() + " decayed: " + n + " leads");
                  }
                } catch (RuntimeException e) {
                  LOG.log(Level.WARNING, "Relationship decay of " + t.slug() + " failed", e);
                }
              });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Relationship decay sweep failed", e);
    }
  }
}
