package io.omnireach.app;

import io.omnireach.knowledge.Reembedding;
import io.omnireach.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a few steps of a tenant's re-embedding after its embedding model changed ({@link
 * Reembedding}: its progress is the rows themselves, so it resumes after a restart), as often as
 * the history sweep ({@code omnireach.history.sweep-seconds}). A job of its own, so a tenant's
 * re-indexing never waits behind the other tenants' history backlog; for a tenant with no model
 * change a step is one small read.
 */
@ApplicationScoped
public class ReembeddingJob implements TenantJob {

  private static final Logger LOG = Logger.getLogger(ReembeddingJob.class.getName());

  /** Rows re-embedded per step, and steps per tenant and pass. */
  static final int BATCH = 64;

  static final int STEPS_PER_PASS = 20;

  @Inject Reembedding reembedding;

  @Inject
  @ConfigProperty(name = "omnireach.history.sweep-seconds", defaultValue = "15")
  long sweepSeconds;

  @Override
  public String name() {
    return "re-embedding";
  }

  @Override
  public Duration every() {
    return Duration.ofSeconds(sweepSeconds);
  }

  @Override
  public void run(Tenant t) {
    try {
      for (int i = 0; i < STEPS_PER_PASS; i++) {
        if (!reembedding.step(t.ref(), BATCH)) {
          return;
        }
      }
    } catch (RuntimeException e) {
      // recorded on the tenant's embedding state (shown on the Knowledge page); next pass retries
      LOG.log(Level.WARNING, "Re-embedding of " + t.slug() + " failed: " + e);
    }
  }
}
