package io.omnireach.app;

import io.omnireach.billing.InvoiceBook;
import io.omnireach.billing.stripe.StripeBilling;
import io.omnireach.billing.stripe.StripeDunning;
import io.omnireach.billing.stripe.StripeSettings;
import io.omnireach.billing.stripe.StripeWebhook;
import io.omnireach.billing.stripe.StripeWholesale;
import io.omnireach.billing.wholesale.WholesaleInvoices;
import io.omnireach.channel.MessageRelay;
import io.omnireach.channel.Messages;
import io.omnireach.db.Transactions;
import io.omnireach.mail.SystemMail;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.usage.UsageReportSink;
import io.omnireach.usage.UsageReports;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires Stripe Billing: {@code OMNIREACH_STRIPE_API_KEY} (unset: Stripe off, the product invoices
 * by itself), {@code OMNIREACH_STRIPE_WEBHOOK_SECRET}, {@code OMNIREACH_STRIPE_API_BASE} (tests
 * only: a local fake) and {@code OMNIREACH_STRIPE_CURRENCY} (Checkout's setup mode, default usd).
 */
@ApplicationScoped
public class StripeServices {

  private static final Logger LOG = Logger.getLogger(StripeServices.class.getName());

  /** Where a paid invoice's held messages are released and relayed, off the webhook's thread. */
  @Resource ManagedExecutorService executor;

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

  /** Dunning: the grace period before sending pauses is OMNIREACH_BILLING_GRACE_DAYS (7). */
  @Produces
  @Singleton
  StripeDunning dunning(
      Transactions tx,
      SystemMail mail,
      Clock clock,
      @ConfigProperty(name = "omnireach.billing.grace-days", defaultValue = "7") int graceDays) {
    return new StripeDunning(tx, mail, Duration.ofDays(graceDays), clock);
  }

  /**
   * The webhook. Invoices go to the {@link InvoiceBook} bean (billing's JPA book); without one they
   * are logged and skipped. A paid invoice releases the tenant's held messages at once.
   */
  @Produces
  @Singleton
  StripeWebhook webhook(
      Transactions tx,
      StripeBilling stripe,
      Instance<InvoiceBook> books,
      StripeDunning dunning,
      MessageRelay relay,
      Messages messages,
      TenantDirectory tenants,
      WholesaleInvoices wholesale,
      Clock clock) {
    InvoiceBook book =
        books.isResolvable()
            ? books.get()
            : (tenantId, invoice) ->
                LOG.warning(
                    "No InvoiceBook: Stripe invoice "
                        + invoice.externalId()
                        + " of tenant "
                        + tenantId
                        + " not recorded");
    return new StripeWebhook(
        tx,
        stripe,
        book,
        wholesale,
        dunning,
        tenantId ->
            executor.execute(
                () ->
                    tenants.list(null).stream()
                        .filter(t -> t.id() == tenantId)
                        .findFirst()
                        .ifPresent(
                            t -> {
                              if (relay.releasePaused(t.ref()) > 0) {
                                relay.relayQueued(t.ref(), messages);
                              }
                            })),
        clock);
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

  /** Finalized wholesale invoices go to the reseller's Stripe customer (Stripe on). */
  @Produces
  @Singleton
  StripeWholesale stripeWholesale(StripeBilling stripe, WholesaleInvoices wholesale) {
    return new StripeWholesale(stripe, wholesale);
  }
}
