package io.omnireach.billing.plan;

import io.omnireach.billing.UsagePricing;
import io.omnireach.billing.jpa.JpaTransactions;
import io.omnireach.usage.Meter;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@link UsagePricing} from the tenant's plan and the prices it pays (its reseller's retail list,
 * else the list price): included quantity per month, overage beyond it, soft and hard limits.
 * Seats: the plan's included seats at the seat price, the seat limit as hard limit.
 */
public final class PlanPricing implements UsagePricing {

  private final JpaTransactions jpa;

  public PlanPricing(JpaTransactions jpa) {
    this.jpa = jpa;
  }

  @Override
  public Map<Meter, Charge> charges(
      long tenantId, Map<Meter, Long> usage, Instant from, Instant to) {
    return jpa.platform(
        em -> {
          TenantBilling tenant = PriceBook.tenant(em, tenantId);
          PlanTerms plan = PriceBook.planMap(em).get(tenant.planCode());
          if (plan == null) {
            throw new IllegalStateException("Plan " + tenant.planCode() + " has no terms");
          }
          Prices prices = PriceBook.retail(em, tenant, plan);
          Map<Meter, Charge> charges = new EnumMap<>(Meter.class);
          usage.forEach(
              (meter, quantity) -> charges.put(meter, charge(plan, prices, meter, quantity)));
          return charges;
        });
  }

  static Charge charge(PlanTerms plan, Prices prices, Meter meter, long quantity) {
    if (meter == Meter.ACTIVE_SEATS) {
      long billable = Math.max(0, quantity - plan.includedSeats());
      return new Charge(
          meter,
          quantity,
          plan.includedSeats(),
          billable * prices.seatPriceMinor(),
          plan.currency(),
          null,
          (long) plan.seatLimit());
    }
    MeterTerms terms = plan.meter(meter);
    long billable = Math.max(0, quantity - terms.included());
    return new Charge(
        meter,
        quantity,
        terms.included(),
        Prices.usageAmount(billable, prices.usagePrice(meter), plan.currency()),
        plan.currency(),
        terms.softLimit(),
        terms.hardLimit());
  }
}
