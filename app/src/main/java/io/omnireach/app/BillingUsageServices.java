package io.omnireach.app;

import io.omnireach.billing.UsagePricing;
import io.omnireach.billing.UsageReports;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.usage.UsageExport;
import io.omnireach.usage.UsageRollup;
import io.omnireach.usage.UsageSnapshots;
import io.omnireach.usage.UsageTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires usage metering's readers, roll-up and snapshots, and the usage pricing, into CDI. */
@ApplicationScoped
public class BillingUsageServices {

  @Produces
  @Singleton
  UsageRollup usageRollup(Transactions tx) {
    return new UsageRollup(tx);
  }

  @Produces
  @Singleton
  UsageSnapshots usageSnapshots(Transactions tx, TenantDirectory tenants, Clock clock) {
    return new UsageSnapshots(tx, tenants, clock);
  }

  @Produces
  @Singleton
  UsageTotals usageTotals(Transactions tx) {
    return new UsageTotals(tx);
  }

  @Produces
  @Singleton
  UsageExport usageExport(Transactions tx) {
    return new UsageExport(tx);
  }

  @Produces
  @Singleton
  UsageReports usageReports(UsageTotals totals, UsagePricing pricing) {
    return new UsageReports(totals, pricing);
  }
}
