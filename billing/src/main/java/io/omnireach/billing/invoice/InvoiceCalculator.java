package io.omnireach.billing.invoice;

import io.omnireach.billing.plan.MeterTerms;
import io.omnireach.billing.plan.PlanTerms;
import io.omnireach.billing.plan.Prices;
import io.omnireach.usage.Meter;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What a tenant owes for a calendar month (UTC), as invoice lines — pure, so drafts, finalized
 * invoices, the finance view (retail and wholesale) and tests compute it the same way.
 *
 * <ul>
 *   <li>Base fee of the plan at the start of the month, in full (the first month too).
 *   <li>Each plan change at {@code t}, as Stripe prorates: a credit for the unused part of the old
 *       base fee and a charge for the rest of the month on the new one, to the second: {@code fee ×
 *       (end − t) / (end − start)}, rounded half up.
 *   <li>Seats beyond the included ones at the seat price; usage per meter beyond the included
 *       quantity at the usage price — both on the plan in force at the end of the month.
 * </ul>
 */
public final class InvoiceCalculator {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  /** A change of plan at a moment of the month. */
  public record Change(Instant at, String from, String to) {}

  /**
   * @param planAtStart the plan in force when the month began
   * @param changes the month's plan changes, oldest first
   * @param usage the month's usage per meter (snapshot meters at their peak)
   * @param seats the seats to bill (members at the month's peak)
   */
  public record Input(
      YearMonth month,
      String planAtStart,
      List<Change> changes,
      Map<Meter, Long> usage,
      long seats) {}

  /** The lines and their total, in the currency of the plan at the end of the month. */
  public record Computed(String planCode, String currency, List<Line> lines, long totalMinor) {}

  private InvoiceCalculator() {}

  /**
   * @param plans the terms of a plan code
   * @param prices what a plan costs in the price list being computed (retail or wholesale)
   */
  public static Computed compute(
      Input in, Function<String, PlanTerms> plans, Function<PlanTerms, Prices> prices) {
    Instant start = in.month().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = in.month().plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    long whole = Duration.between(start, end).toSeconds();
    List<Line> lines = new ArrayList<>();

    PlanTerms first = plans.apply(in.planAtStart());
    long firstFee = prices.apply(first).baseFeeMinor();
    lines.add(
        new Line(
            LineKind.BASE_FEE,
            first.name() + " plan, " + monthName(in.month()),
            null,
            1,
            0,
            1,
            firstFee,
            null,
            firstFee));

    String current = in.planAtStart();
    for (Change change : in.changes()) {
      PlanTerms from = plans.apply(change.from());
      PlanTerms to = plans.apply(change.to());
      long rest = Duration.between(change.at(), end).toSeconds();
      String day = DAY.format(change.at().atZone(ZoneOffset.UTC));
      long credit = Prices.prorate(prices.apply(from).baseFeeMinor(), rest, whole);
      long charge = Prices.prorate(prices.apply(to).baseFeeMinor(), rest, whole);
      lines.add(
          new Line(
              LineKind.PRORATION_CREDIT,
              "Unused time on " + from.name() + " after " + day,
              null,
              1,
              0,
              1,
              -credit,
              null,
              -credit));
      lines.add(
          new Line(
              LineKind.PRORATION_CHARGE,
              "Remaining time on " + to.name() + " from " + day,
              null,
              1,
              0,
              1,
              charge,
              null,
              charge));
      current = change.to();
    }

    PlanTerms plan = plans.apply(current);
    Prices price = prices.apply(plan);
    if (in.seats() > 0) {
      long billable = Math.max(0, in.seats() - plan.includedSeats());
      lines.add(
          new Line(
              LineKind.SEATS,
              "Seats (" + plan.includedSeats() + " included)",
              Meter.ACTIVE_SEATS,
              in.seats(),
              plan.includedSeats(),
              billable,
              price.seatPriceMinor(),
              null,
              billable * price.seatPriceMinor()));
    }
    for (Meter meter : Meter.values()) {
      long quantity = in.usage().getOrDefault(meter, 0L);
      if (meter == Meter.ACTIVE_SEATS || quantity == 0) {
        continue;
      }
      MeterTerms terms = plan.meter(meter);
      long billable = Math.max(0, quantity - terms.included());
      long unit = price.usagePrice(meter);
      lines.add(
          new Line(
              LineKind.USAGE,
              meter.label(),
              meter,
              quantity,
              terms.included(),
              billable,
              null,
              unit,
              Prices.usageAmount(billable, unit, plan.currency())));
    }
    long total = lines.stream().mapToLong(Line::amountMinor).sum();
    return new Computed(plan.code(), plan.currency(), List.copyOf(lines), total);
  }

  static String monthName(YearMonth month) {
    return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
  }
}
