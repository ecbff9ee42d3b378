package io.omnireach.app;

import io.omnireach.app.startup.StartupState;
import io.omnireach.knowledge.KnowledgeBase;
import io.omnireach.knowledge.Reembedding;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantStatus;
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
 * Embeds sent messages and replies into their leads' history every {@code
 * omnireach.history.sweep-seconds} (default 15; 0 turns it off), a batch at a time per active
 * tenant, so sending and reply handling never wait for the model. The same sweep first runs a few
 * steps of a tenant's re-embedding when its embedding model changed ({@link Reembedding}: its
 * progress is the rows themselves, so it resumes after a restart).
 */
@ApplicationScoped
public class LeadHistoryScheduler {

  private static final Logger LOG = Logger.getLogger(LeadHistoryScheduler.class.getName());

  /** Rows embedded per batch, and batches per tenant and sweep (the rest waits for the next). */
  static final int BATCH = 32;

  static final int BATCHES_PER_SWEEP = 20;

  /** Rows re-embedded per step of a model change, and steps per tenant and sweep. */
  static final int REEMBED_BATCH = 64;

  static final int REEMBED_STEPS_PER_SWEEP = 20;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject KnowledgeBase knowledge;
  @Inject Reembedding reembedding;
  @Inject TenantDirectory tenants;
  @Inject StartupState startup;

  @Inject
  @ConfigProperty(name = "omnireach.history.sweep-seconds", defaultValue = "15")
  long sweepSeconds;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    if (sweepSeconds > 0) {
      scheduler.scheduleWithFixedDelay(this::sweep, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
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
                  for (int i = 0; i < REEMBED_STEPS_PER_SWEEP; i++) {
                    if (!reembedding.step(t.ref(), REEMBED_BATCH)) {
                      break;
                    }
                  }
                } catch (RuntimeException e) {
                  // recorded on the tenant's embedding state; the next sweep tries again
                  LOG.log(Level.WARNING, "Re-embedding of " + t.slug() + " failed: " + e);
                }
                try {
                  for (int i = 0; i < BATCHES_PER_SWEEP; i++) {
                    if (knowledge.history().embedPending(t.ref(), BATCH) < BATCH) {
                      break;
                    }
                  }
                } catch (RuntimeException e) {
                  LOG.log(Level.WARNING, "Lead history sweep of " + t.slug() + " failed", e);
                }
              });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Lead history sweep failed", e);
    }
  }
}
