package io.omnireach.app;

import io.omnireach.ai.GenerationService;
import io.omnireach.brand.BrandAsset;
import io.omnireach.brand.BrandResolver;
import io.omnireach.brand.Brands;
import io.omnireach.db.Transactions;
import io.omnireach.deal.Approvals;
import io.omnireach.deal.Clauses;
import io.omnireach.deal.DealDocuments;
import io.omnireach.deal.DealPdf;
import io.omnireach.deal.DealTemplates;
import io.omnireach.deal.Deals;
import io.omnireach.deal.DecisionReplay;
import io.omnireach.deal.Negotiations;
import io.omnireach.deal.OfferPhraser;
import io.omnireach.deal.Products;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

  @Produces
  @Singleton
  Clauses clauses(Transactions tx, Clock clock) {
    return new Clauses(tx, clock);
  }

  @Produces
  @Singleton
  DealTemplates dealTemplates(Transactions tx, Clock clock) {
    return new DealTemplates(tx, clock);
  }

  @Produces
  @Singleton
  DealDocuments dealDocuments(Transactions tx, Clock clock, BrandResolver resolver, Brands brands) {
    // documents carry the workspace's name, its brand colour and its uploaded logo (PNG/JPEG)
    return new DealDocuments(
        tx,
        clock,
        tenant -> {
          var brand = resolver.forTenant(tenant.id()).brand();
          String name =
              tx.platform(
                  c -> {
                    try (PreparedStatement ps =
                        c.prepareStatement("select display_name from tenants where id = ?")) {
                      ps.setLong(1, tenant.id());
                      try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : tenant.slug();
                      }
                    }
                  });
          String logo = brand.logoUrl();
          byte[] logoBytes =
              logo != null && logo.startsWith(BrandAsset.PATH_PREFIX)
                  ? brands
                      .asset(
                          logo.substring(BrandAsset.PATH_PREFIX.length()).replaceAll("\\..*$", ""))
                      .map(BrandAsset::bytes)
                      .orElse(null)
                  : null;
          return new DealPdf.Branding(name, brand.primaryColor(), logoBytes);
        });
  }
}
