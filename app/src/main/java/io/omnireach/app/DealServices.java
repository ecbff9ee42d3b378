package io.omnireach.app;

import io.omnireach.ai.GenerationService;
import io.omnireach.db.Transactions;
import io.omnireach.deal.Approvals;
import io.omnireach.deal.Deals;
import io.omnireach.deal.DecisionReplay;
import io.omnireach.deal.Negotiations;
import io.omnireach.deal.OfferPhraser;
import io.omnireach.deal.Products;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the deal desk (price book, deals, negotiations) into CDI for REST and the Vaadin views. */
@ApplicationScoped
public class DealServices {

  @Produces
  @Singleton
  Products products(Transactions tx, Clock clock) {
    return new Products(tx, clock);
  }

  @Produces
  @Singleton
  Deals deals(Transactions tx, Clock clock) {
    return new Deals(tx, clock);
  }

  @Produces
  @Singleton
  Negotiations negotiations(
      Transactions tx, Clock clock, GenerationService generation, OutboxDispatcher outbox) {
    // with the tenant's LLM key the chosen terms are phrased in the first persona's voice
    OfferPhraser llm =
        r ->
            generation
                .phrase(
                    r.tenant(),
                    r.leadId(),
                    r.action().wire(),
                    r.terms(),
                    r.customerMessage(),
                    r.actor())
                .map(d -> new OfferPhraser.Phrased(d.subject(), d.body(), d.generator()));
    return new Negotiations(tx, clock, llm, outbox);
  }

  @Produces
  @Singleton
  Approvals approvals(Transactions tx, Clock clock) {
    return new Approvals(tx, clock);
  }

  @Produces
  @Singleton
  DecisionReplay decisionReplay(Transactions tx) {
    return new DecisionReplay(tx);
  }
}
