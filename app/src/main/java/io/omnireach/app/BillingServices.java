package io.omnireach.app;

import io.omnireach.billing.stripe.StripeBilling;
import io.omnireach.billing.stripe.StripeSettings;
import io.omnireach.db.Transactions;
import io.omnireach.usage.UsageReportSink;
import io.omnireach.usage.UsageReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires Stripe Billing: {@code OMNIREACH_STRIPE_API_KEY} (unset: Stripe off, the product invoices
 * by itself), {@code OMNIREACH_STRIPE_WEBHOOK_SECRET}, {@code OMNIREACH_STRIPE_API_BASE} (tests
 * only: a local fake) and {@code OMNIREACH_STRIPE_CURRENCY} (Checkout's setup mode, default usd).
 */
@ApplicationScoped
public class BillingServices {

  private static final Logger LOG = Logger.getLogger(BillingServices.class.getName());

  @Produces
  @Singleton
  StripeBilling stripe(
      Transactions tx,
      @ConfigProperty(name = "omnireach.stripe.api-key") Optional<String> apiKey,
      @ConfigProperty(name = "omnireach.stripe.webhook-secret") Optional<String> webhookSecret,
      @ConfigProperty(name = "omnireach.stripe.api-base") Optional<String> apiBase,
      @ConfigProperty(name = "omnireach.stripe.currency") Optional<String> currency) {
    StripeSettings settings =
        new StripeSettings(
            apiKey.orElse(null),
            webhookSecret.orElse(null),
            apiBase.orElse(null),
            currency.orElse(null));
    LOG.info("Stripe billing: " + settings);
    return new StripeBilling(tx, settings);
  }

  @Produces
  @Singleton
  UsageReports usageReports() {
    return new UsageReports();
  }

  @Produces
  @Singleton
  UsageReportSink usageReportSink(StripeBilling stripe) {
    return stripe.usageSink();
  }
}
