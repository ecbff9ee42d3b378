package io.omnireach.billing.plan;

import io.omnireach.billing.jpa.JpaTransactions;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageTotals;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tenant's plan this month: terms, the prices it pays, and each meter's usage against included
 * quantity, soft and hard limit — for {@code GET /billing/plan} and the plan card.
 */
public final class PlanOverview {

  /** Where a meter stands this month. */
  public enum State {
    OK,
    /** At or beyond the soft limit (80 % of the included quantity by default). */
    WARNING,
    /** Beyond the included quantity: the rest is billed at the usage price. */
    OVERAGE,
    /** At the hard limit: sending stops until the month ends. */
    LIMIT_REACHED
  }

  /** One meter this month. */
  public record MeterStatus(
      Meter meter,
      long used,
      long included,
      Long softLimit,
      Long hardLimit,
      long pricePer1000Micros,
      long overageMinor,
      State state,
      String message) {}

  /** The plan card. */
  public record View(
      String code,
      String name,
      String currency,
      long baseFeeMinor,
      int includedSeats,
      long seatPriceMinor,
      int seatLimit,
      long seatsUsed,
      String billedBy,
      YearMonth period,
      LocalDate resetsOn,
      List<MeterStatus> meters) {

    /** The messages of meters that are not OK, worst first. */
    public List<String> warnings() {
      return meters.stream()
          .filter(m -> m.state() != State.OK)
          .sorted((a, b) -> b.state().compareTo(a.state()))
          .map(MeterStatus::message)
          .toList();
    }
  }

  private final JpaTransactions jpa;
  private final Transactions tx;
  private final UsageTotals usage;
  private final Clock clock;

  public PlanOverview(JpaTransactions jpa, Transactions tx, Clock clock) {
    this.jpa = jpa;
    this.tx = tx;
    this.usage = new UsageTotals(tx);
    this.clock = clock;
  }

  public View of(TenantRef tenant) {
    YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Map<Meter, UsageTotals.Total> used = usage.totals(tenant.id(), from, to);
    long seats = seatsTaken(tenant.id());
    record Terms(TenantBilling who, PlanTerms plan, Prices prices) {}
    Terms t =
        jpa.platform(
            em -> {
              TenantBilling who = PriceBook.tenant(em, tenant.id());
              PlanTerms plan = PriceBook.planMap(em).get(who.planCode());
              if (plan == null) {
                throw new IllegalStateException("Plan " + who.planCode() + " has no terms");
              }
              return new Terms(who, plan, PriceBook.retail(em, who, plan));
            });
    List<MeterStatus> meters = new ArrayList<>();
    for (Meter meter : Meter.values()) {
      if (meter == Meter.ACTIVE_SEATS) {
        continue; // seats have their own line on the card
      }
      meters.add(status(t.plan(), t.prices(), meter, used.get(meter).quantity(), month));
    }
    return new View(
        t.plan().code(),
        t.plan().name(),
        t.plan().currency(),
        t.prices().baseFeeMinor(),
        t.plan().includedSeats(),
        t.prices().seatPriceMinor(),
        t.plan().seatLimit(),
        seats,
        t.who().resellerName(),
        month,
        month.plusMonths(1).atDay(1),
        meters);
  }

  static MeterStatus status(
      PlanTerms plan, Prices prices, Meter meter, long used, YearMonth month) {
    MeterTerms terms = plan.meter(meter);
    long price = prices.usagePrice(meter);
    long billable = Math.max(0, used - terms.included());
    long overage = Prices.usageAmount(billable, price, plan.currency());
    String unit = MeterWords.plural(meter);
    State state;
    String message;
    if (terms.hardLimit() != null && used >= terms.hardLimit()) {
      state = State.LIMIT_REACHED;
      message = MeterWords.hardLimitReached(plan.name(), terms.hardLimit(), meter, month);
    } else if (billable > 0) {
      state = State.OVERAGE;
      message =
          MeterWords.count(used)
              + " "
              + unit
              + " this month: "
              + MeterWords.count(billable)
              + " beyond the "
              + MeterWords.count(terms.included())
              + " included are billed at "
              + Money.unitPrice(price, plan.currency())
              + ".";
    } else if (terms.softLimit() != null && used >= terms.softLimit()) {
      state = State.WARNING;
      message =
          MeterWords.count(used)
              + " of the "
              + MeterWords.count(terms.included())
              + " "
              + unit
              + " included this month are used ("
              + (used * 100 / terms.included())
              + " %).";
    } else {
      state = State.OK;
      message = null;
    }
    return new MeterStatus(
        meter,
        used,
        terms.included(),
        terms.softLimit(),
        terms.hardLimit(),
        price,
        overage,
        state,
        message);
  }

  /** Members and open invitations, as the seat limit counts them. */
  private long seatsTaken(long tenantId) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select (select count(*) from memberships where tenant_id = ?)"
                      + " + (select count(*) from invitations where tenant_id = ?"
                      + " and accepted_at is null and expires_at > now())")) {
            ps.setLong(1, tenantId);
            ps.setLong(2, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }
}
