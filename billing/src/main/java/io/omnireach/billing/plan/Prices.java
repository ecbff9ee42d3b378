package io.omnireach.billing.plan;

import io.omnireach.usage.Meter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a plan costs in one price list: the monthly base fee and the price of a seat beyond the
 * included ones in minor units, and per meter the price of 1,000 units beyond the included quantity
 * in micros of the currency's major unit.
 */
public record Prices(long baseFeeMinor, long seatPriceMinor, Map<Meter, Long> usagePer1000Micros) {

  public Prices {
    if (baseFeeMinor < 0 || seatPriceMinor < 0) {
      throw new IllegalArgumentException("Prices cannot be negative");
    }
    usagePer1000Micros = usagePer1000Micros.isEmpty() ? Map.of() : Map.copyOf(usagePer1000Micros);
  }

  public long usagePrice(Meter meter) {
    return usagePer1000Micros.getOrDefault(meter, 0L);
  }

  /** These prices with some replaced: a null base or seat price, or a missing meter, keeps ours. */
  public Prices with(Long baseFee, Long seatPrice, Map<Meter, Long> usage) {
    Map<Meter, Long> merged = new EnumMap<>(Meter.class);
    merged.putAll(usagePer1000Micros);
    merged.putAll(usage);
    return new Prices(
        baseFee == null ? baseFeeMinor : baseFee,
        seatPrice == null ? seatPriceMinor : seatPrice,
        merged);
  }

  /**
   * What {@code quantity} units cost at {@code pricePer1000Micros}, in minor units of {@code
   * currency}, rounded half up once for the whole quantity (never per unit).
   */
  public static long usageAmount(long quantity, long pricePer1000Micros, String currency) {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    return BigDecimal.valueOf(quantity)
        .multiply(BigDecimal.valueOf(pricePer1000Micros))
        .movePointLeft(3 + 6 - digits) // per 1,000 units, micros → minor units
        .setScale(0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  /** {@code amount × part / whole}, rounded half up: prorations to the second, as Stripe does. */
  public static long prorate(long amountMinor, long part, long whole) {
    return BigDecimal.valueOf(amountMinor)
        .multiply(BigDecimal.valueOf(part))
        .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }
}
