package io.omnireach.app;

import io.omnireach.relationship.RelationshipScores;
import io.omnireach.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets relationship scores cool while nothing happens: every {@code
 * omnireach.relationship.decay-minutes} (default 60; 0 turns it off) each active tenant's leads
 * whose score has a fading part and was computed more than a day ago are recomputed ({@link
 * RelationshipScores#decay}), so every such lead is refreshed about once a day.
 */
@ApplicationScoped
public class RelationshipDecayJob implements TenantJob {

  private static final Logger LOG = Logger.getLogger(RelationshipDecayJob.class.getName());

  /** How old a score must be before it is recomputed for decay alone. */
  static final Duration EVERY = Duration.ofDays(1);

  @Inject RelationshipScores scores;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "omnireach.relationship.decay-minutes", defaultValue = "60")
  long minutes;

  @Override
  public String name() {
    return "relationship-decay";
  }

  @Override
  public Duration every() {
    return Duration.ofMinutes(minutes);
  }

  @Override
  public void run(Tenant t) {
    int n = scores.decay(t.ref(), clock, EVERY);
    if (n > 0) {
      LOG.fine("Relationship scores of " + t.slug() + " decayed: " + n + " leads");
    }
  }
}
