package io.omnireach.billing;

import io.omnireach.db.Transactions;
import io.omnireach.usage.Meter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

/**
 * The seat-plan fallback of {@link UsagePricing}: what the {@link Plan} (FREE, TEAM, SCALE)
 * includes per meter and calendar month, with no overage price (amount 0) and no hard limit; the
 * soft limit is 80 % of the allowance. A fixed, simple pricing for the report tests; the product
 * prices usage with {@code plan.PlanPricing} (price lists in the database).
 *
 * <p>Counted meters include the monthly allowance once for each calendar month the period touches;
 * snapshot meters (seats, leads) are billed at their peak, so their allowance is not multiplied.
 */
public final class PlanAllowances implements UsagePricing {

  /** The currency amounts are stated in (all zero here). */
  public static final String CURRENCY = "USD";

  private static final Map<Plan, Map<Meter, Long>> MONTHLY = new EnumMap<>(Plan.class);

  static {
    MONTHLY.put(Plan.FREE, allowances(500, 0, 200_000, 50_000, 100, 1_000, 1_000));
    MONTHLY.put(Plan.TEAM, allowances(10_000, 500, 2_000_000, 500_000, 2_000, 50_000, 25_000));
    MONTHLY.put(
        Plan.SCALE,
        allowances(250_000, 10_000, 50_000_000, 10_000_000, 50_000, 1_000_000, 1_000_000));
  }

  private final Transactions tx;

  public PlanAllowances(Transactions tx) {
    this.tx = tx;
  }

  /** What the plan includes per calendar month (seats: the plan's seats). */
  public static long monthly(Plan plan, Meter meter) {
    // a meter the plan does not list (voice calls) includes none, as PlanTerms.meter says
    return meter == Meter.ACTIVE_SEATS ? plan.seats() : MONTHLY.get(plan).getOrDefault(meter, 0L);
  }

  @Override
  public Map<Meter, Charge> charges(
      long tenantId, Map<Meter, Long> usage, Instant from, Instant to) {
    Plan plan = planOf(tenantId);
    long months = monthsTouched(from, to);
    Map<Meter, Charge> charges = new EnumMap<>(Meter.class);
    for (Meter meter : Meter.values()) {
      long included = monthly(plan, meter) * (meter.snapshot() ? 1 : months);
      Long soft = included == 0 ? null : included * 8 / 10;
      charges.put(
          meter,
          new Charge(meter, usage.getOrDefault(meter, 0L), included, 0, CURRENCY, soft, null));
    }
    return charges;
  }

  private static long monthsTouched(Instant from, Instant to) {
    LocalDate first = from.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    LocalDate last = to.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    return Math.max(1, ChronoUnit.MONTHS.between(first, last) + 1);
  }

  private Plan planOf(long tenantId) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("select plan from tenants where id = ?")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Plan.valueOf(rs.getString(1)) : Plan.FREE;
            }
          }
        });
  }

  private static Map<Meter, Long> allowances(
      long emails,
      long smsSegments,
      long aiInputTokens,
      long aiOutputTokens,
      long aiCalls,
      long workflowSteps,
      long leads) {
    Map<Meter, Long> m = new EnumMap<>(Meter.class);
    m.put(Meter.EMAILS_SENT, emails);
    m.put(Meter.SMS_SEGMENTS, smsSegments);
    m.put(Meter.AI_INPUT_TOKENS, aiInputTokens);
    m.put(Meter.AI_OUTPUT_TOKENS, aiOutputTokens);
    m.put(Meter.AI_CALLS, aiCalls);
    m.put(Meter.WORKFLOW_STEPS, workflowSteps);
    m.put(Meter.LEADS_STORED, leads);
    return m;
  }
}
