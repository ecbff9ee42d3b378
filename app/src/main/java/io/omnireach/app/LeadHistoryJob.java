package io.omnireach.app;

import io.omnireach.knowledge.KnowledgeBase;
import io.omnireach.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Embeds sent messages and replies into their leads' history every {@code
 * omnireach.history.sweep-seconds} (default 15; 0 turns it off), a batch at a time per active
 * tenant, so sending and reply handling never wait for the model.
 */
@ApplicationScoped
public class LeadHistoryJob implements TenantJob {

  /** Rows embedded per batch, and batches per tenant and pass (the rest waits for the next). */
  static final int BATCH = 32;

  static final int BATCHES_PER_SWEEP = 20;

  @Inject KnowledgeBase knowledge;

  @Inject
  @ConfigProperty(name = "omnireach.history.sweep-seconds", defaultValue = "15")
  long sweepSeconds;

  @Override
  public String name() {
    return "lead-history";
  }

  @Override
  public Duration every() {
    return Duration.ofSeconds(sweepSeconds);
  }

  @Override
  public void run(Tenant t) {
    for (int i = 0; i < BATCHES_PER_SWEEP; i++) {
      if (knowledge.history().embedPending(t.ref(), BATCH) < BATCH) {
        return;
      }
    }
  }
}
