package io.omnireach.billing.stripe;

import io.omnireach.billing.stripe.StripeCustomers.Account;
import io.omnireach.billing.stripe.StripeGateway.StripeCallException;
import io.omnireach.usage.UsageReport;
import io.omnireach.usage.UsageReportSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Usage reports as Stripe Billing meter events: event name = the meter's key, the tenant's
 * customer, the report's quantity as value and its identifier, which Stripe keeps once.
 */
public final class StripeUsageSink implements UsageReportSink {

  private static final Logger LOG = Logger.getLogger(StripeUsageSink.class.getName());

  private final StripeCustomers customers;
  private final StripeGateway gateway;

  public StripeUsageSink(StripeCustomers customers, StripeGateway gateway) {
    this.customers = customers;
    this.gateway = gateway;
  }

  /**
   * Creates the missing customers (each commits on its own); a failure waits for the next run, and
   * Stripe unreachable ends this run's attempts (the other tenants would only wait for it too).
   */
  @Override
  public void prepare(Set<Long> tenantIds) {
    for (long tenant : tenantIds) {
      try {
        customers.ensure(Account.tenant(tenant));
      } catch (StripeCallException e) {
        LOG.warning("No Stripe customer for tenant " + tenant + " yet: " + e.getMessage());
        if (!e.permanent()) {
          return;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "No Stripe customer for tenant " + tenant + " yet", e);
      }
    }
  }

  @Override
  public Result send(Connection c, UsageReport report) throws SQLException {
    if (report.quantity() == 0) {
      return Result.SENT; // nothing to bill (e.g. AI calls that used no tokens)
    }
    Optional<String> customer = StripeCustomers.find(c, Account.tenant(report.tenantId()));
    if (customer.isEmpty()) {
      if (!tenantExists(c, report.tenantId())) {
        // deleted before its usage was reported: no customer will ever be made for it
        return Result.rejected("tenant " + report.tenantId() + " no longer exists");
      }
      return Result.accountNotReady("tenant " + report.tenantId() + " has no Stripe customer yet");
    }
    try {
      gateway.meterEvent(
          report.meter().key(),
          customer.get(),
          report.quantity(),
          report.identifier(),
          report.occurredAt());
      return Result.SENT;
    } catch (StripeCallException e) {
      return e.permanent() ? Result.rejected(e.getMessage()) : Result.retry(e.getMessage());
    }
  }

  private static boolean tenantExists(Connection c, long tenantId) throws SQLException {
    try (java.sql.PreparedStatement ps =
        c.prepareStatement("select 1 from platform.tenants where id = ?")) {
      ps.setLong(1, tenantId);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
