package io.omnireach.billing.stripe;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.usage.UsageReportSink;
import java.sql.Connection;
import java.util.Set;

/**
 * Stripe Billing as this install has it: on (an API key is set) with its gateway and customers, or
 * off — then the product invoices by itself and every Stripe-only action says so.
 */
public final class StripeBilling {

  private final StripeSettings settings;
  private final StripeGateway gateway;
  private final StripeCustomers customers;

  public StripeBilling(Transactions tx, StripeSettings settings) {
    this.settings = settings;
    this.gateway = settings.enabled() ? new StripeGateway(settings) : null;
    this.customers = settings.enabled() ? new StripeCustomers(tx, gateway) : null;
  }

  public boolean enabled() {
    return settings.enabled();
  }

  public StripeSettings settings() {
    return settings;
  }

  /** The gateway; a CONFLICT (409) when Stripe is off. */
  public StripeGateway gateway() {
    requireEnabled();
    return gateway;
  }

  /** The customer mapping; a CONFLICT (409) when Stripe is off. */
  public StripeCustomers customers() {
    requireEnabled();
    return customers;
  }

  /** Where the usage-report job sends reports: Stripe meter events, or nowhere while off. */
  public UsageReportSink usageSink() {
    if (enabled()) {
      return new StripeUsageSink(customers, gateway);
    }
    return new UsageReportSink() {
      @Override
      public void prepare(Set<Long> tenantIds) {}

      @Override
      public Result send(Connection c, io.omnireach.usage.UsageReport report) {
        return Result.retry("Stripe is off (OMNIREACH_STRIPE_API_KEY is not set)");
      }
    };
  }

  private void requireEnabled() {
    if (!enabled()) {
      throw DomainException.conflict(
          null,
          "Stripe billing is not set up on this installation (OMNIREACH_STRIPE_API_KEY):"
              + " invoices are issued by the product itself.");
    }
  }
}
