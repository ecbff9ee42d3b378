package io.omnireach.billing;

import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageTotals;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a tenant's usage report: exact totals from the ledger (roll-up plus events not rolled up
 * yet) priced by the tenant's {@link UsagePricing}. The one place the REST API and the billing view
 * get usage from.
 */
public final class UsageReports {

  private final UsageTotals totals;
  private final UsagePricing pricing;

  public UsageReports(UsageTotals totals, UsagePricing pricing) {
    this.totals = totals;
    this.pricing = pricing;
  }

  public UsageReport report(long tenantId, UsagePeriod period) {
    List<UsageTotals.Daily> days = totals.daily(tenantId, period.start(), period.end());
    Map<Meter, Long> usage = new EnumMap<>(Meter.class);
    UsageTotals.totalsOf(days).forEach((m, t) -> usage.put(m, t.quantity()));
    Map<Meter, UsagePricing.Charge> charges =
        pricing.charges(tenantId, usage, period.start(), period.end());
    List<UsageReport.Line> lines = new ArrayList<>();
    for (Meter m : Meter.values()) {
      UsagePricing.Charge c = charges.get(m);
      lines.add(
          c == null
              ? new UsageReport.Line(m, usage.get(m), 0, 0, null, null, null)
              : new UsageReport.Line(
                  m,
                  usage.get(m),
                  c.included(),
                  c.amountMinor(),
                  c.currency(),
                  c.softLimit(),
                  c.hardLimit()));
    }
    return new UsageReport(period, List.copyOf(lines), days);
  }
}
