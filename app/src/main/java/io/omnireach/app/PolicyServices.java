package io.omnireach.app;

import io.omnireach.ai.AiLedger;
import io.omnireach.ai.AiSettingsRepository;
import io.omnireach.ai.ChatModels;
import io.omnireach.ai.Prices;
import io.omnireach.db.Transactions;
import io.omnireach.policy.Policies;
import io.omnireach.policy.PolicyReview;
import io.omnireach.retry.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires the policy engine's repository and its optional LLM review (the AI settings' provider
 * clients, as drafts use) into CDI; REST resources and the Vaadin view share them.
 */
@ApplicationScoped
public class PolicyServices {

  @Produces
  @Singleton
  Policies policies(Transactions tx, Clock clock) {
    return new Policies(tx, clock);
  }

  @Produces
  @Singleton
  PolicyReview policyReview(
      Policies policies,
      AiSettingsRepository settings,
      AiLedger ledger,
      ChatModels models,
      Prices prices) {
    return new PolicyReview(policies, settings, ledger, models, prices, RetryPolicy.AI_CALL);
  }
}
