package io.omnireach.billing;

import io.omnireach.usage.Meter;
import java.time.Instant;
import java.util.Map;

/** What a tenant's plan makes of its usage in a period: included quantities, overage, limits. */
public interface UsagePricing {

  /**
   * One meter under the tenant's plan.
   *
   * @param included the quantity the plan includes in the period (0: none)
   * @param amountMinor what the usage beyond {@code included} costs, in minor units of currency
   * @param softLimit the quantity at which people are warned (null: none)
   * @param hardLimit the quantity at which sending stops (null: none)
   */
  record Charge(
      Meter meter,
      long quantity,
      long included,
      long amountMinor,
      String currency,
      Long softLimit,
      Long hardLimit) {}

  /** The charges for the usage of a period ({@code from} inclusive, {@code to} exclusive). */
  Map<Meter, Charge> charges(long tenantId, Map<Meter, Long> usage, Instant from, Instant to);
}
