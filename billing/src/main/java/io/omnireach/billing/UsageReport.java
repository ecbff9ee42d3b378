package io.omnireach.billing;

import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageTotals;
import java.util.List;

/**
 * A tenant's usage in a period, per meter against what its plan includes, and per day.
 *
 * @param meters every meter, in {@link Meter} order
 * @param days usage per day and meter, oldest first (days without usage left out)
 */
public record UsageReport(UsagePeriod period, List<Line> meters, List<UsageTotals.Daily> days) {

  /**
   * One meter: its quantity in the period (snapshot meters: the peak day) and the plan's charge.
   *
   * @param amountMinor what the usage beyond {@code included} costs, in minor units of {@code
   *     currency}
   */
  public record Line(
      Meter meter,
      long quantity,
      long included,
      long amountMinor,
      String currency,
      Long softLimit,
      Long hardLimit) {

    /** Used share of the included quantity (0 when nothing is included). */
    public double share() {
      return included <= 0 ? 0 : (double) quantity / included;
    }

    /** At or past the soft limit (or 80 % of the allowance when the plan sets none). */
    public boolean warning() {
      long warnAt = softLimit != null ? softLimit : included * 8 / 10;
      return included > 0 && quantity >= warnAt;
    }
  }

  public Line line(Meter meter) {
    return meters.stream().filter(l -> l.meter() == meter).findFirst().orElseThrow();
  }
}
