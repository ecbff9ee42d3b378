package io.omnireach.billing.plan;

import io.omnireach.usage.Meter;
import java.util.EnumMap;
import java.util.Map;

/**
 * A plan's terms: what it includes and its list prices. Included quantities and limits are the
 * plan's and the same for every tenant on it; the prices a tenant pays may come from a reseller's
 * retail list instead ({@link Prices}).
 */
public record PlanTerms(
    String code,
    String name,
    String currency,
    long baseFeeMinor,
    int includedSeats,
    long seatPriceMinor,
    int seatLimit,
    Map<Meter, MeterTerms> meters) {

  public PlanTerms {
    meters = meters.isEmpty() ? Map.of() : Map.copyOf(meters);
  }

  /** The terms of a meter; a meter the plan does not list includes nothing and costs nothing. */
  public MeterTerms meter(Meter meter) {
    return meters.getOrDefault(meter, new MeterTerms(0, 0, 80, null));
  }

  /** The plan's list prices (what a tenant without a reseller pays). */
  public Prices listPrices() {
    Map<Meter, Long> usage = new EnumMap<>(Meter.class);
    meters.forEach((m, t) -> usage.put(m, t.pricePer1000Micros()));
    return new Prices(baseFeeMinor, seatPriceMinor, usage);
  }
}
