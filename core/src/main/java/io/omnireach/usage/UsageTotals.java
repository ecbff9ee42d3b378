package io.omnireach.usage;

import io.omnireach.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads usage: the hourly roll-up plus the events not rolled up yet, so a total is exact the moment
 * the action committed. Periods are in whole UTC hours ({@code from} inclusive, {@code to}
 * exclusive); a counted meter sums its events, a snapshot meter takes the period's peak day.
 */
public final class UsageTotals {

  /** A meter's usage in a period; cost in USD micros (what it cost the platform, when known). */
  public record Total(long quantity, long costMicros) {
    public static final Total ZERO = new Total(0, 0);
  }

  /** One day's usage of one meter. */
  public record Daily(LocalDate day, Meter meter, long quantity, long costMicros) {}

  private static final String DAYS =
      "with u as (select meter, hour as at, quantity, cost_micros from usage_hourly"
          + " where tenant_id = ? and hour >= ? and hour < ?"
          + " union all select meter, occurred_at, quantity, coalesce(cost_micros, 0)"
          + " from usage_events where tenant_id = ? and not rolled_up"
          + " and occurred_at >= ? and occurred_at < ?)"
          + " select meter, date_trunc('day', at, 'UTC') as day, sum(quantity) as quantity,"
          + " sum(cost_micros) as cost_micros from u group by 1, 2";

  private final Transactions tx;

  public UsageTotals(Transactions tx) {
    this.tx = tx;
  }

  /** Every meter's total in the period (meters without usage are ZERO). */
  public Map<Meter, Total> totals(long tenantId, Instant from, Instant to) {
    return totalsOf(daily(tenantId, from, to));
  }

  /** The period's totals of these days: counted meters add up, snapshot meters take the peak. */
  public static Map<Meter, Total> totalsOf(List<Daily> days) {
    Map<Meter, Total> totals = new EnumMap<>(Meter.class);
    for (Meter m : Meter.values()) {
      totals.put(m, Total.ZERO);
    }
    for (Daily d : days) {
      Total t = totals.get(d.meter());
      long quantity =
          d.meter().snapshot() ? Math.max(t.quantity(), d.quantity()) : t.quantity() + d.quantity();
      totals.put(d.meter(), new Total(quantity, t.costMicros() + d.costMicros()));
    }
    return totals;
  }

  /**
   * One meter's usage in the period, read on the caller's connection (tables named with their
   * schema: the sender's claim transaction has a tenant's search path). Counted meters sum,
   * snapshot meters take the peak day — as {@link #totals}.
   */
  public static long quantity(Connection c, long tenantId, Meter meter, Instant from, Instant to)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "with u as (select hour as at, quantity from platform.usage_hourly"
                + " where tenant_id = ? and meter = ? and hour >= ? and hour < ?"
                + " union all select occurred_at, quantity from platform.usage_events"
                + " where tenant_id = ? and meter = ? and not rolled_up"
                + " and occurred_at >= ? and occurred_at < ?),"
                + " d as (select sum(quantity) as q from u group by date_trunc('day', at, 'UTC'))"
                + (meter.snapshot()
                    ? " select coalesce(max(q), 0) from d"
                    : " select coalesce(sum(q), 0) from d"))) {
      Timestamp f = Timestamp.from(from);
      Timestamp t = Timestamp.from(to);
      for (int i : new int[] {0, 4}) {
        ps.setLong(i + 1, tenantId);
        ps.setString(i + 2, meter.key());
        ps.setTimestamp(i + 3, f);
        ps.setTimestamp(i + 4, t);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Usage per day and meter, oldest first (days without usage are left out). */
  public List<Daily> daily(long tenantId, Instant from, Instant to) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(DAYS + " order by 2, 1")) {
            Timestamp f = Timestamp.from(from);
            Timestamp t = Timestamp.from(to);
            ps.setLong(1, tenantId);
            ps.setTimestamp(2, f);
            ps.setTimestamp(3, t);
            ps.setLong(4, tenantId);
            ps.setTimestamp(5, f);
            ps.setTimestamp(6, t);
            List<Daily> days = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Optional<Meter> meter = Meter.byKey(rs.getString(1));
                if (meter.isEmpty()) {
                  continue; // a meter a newer version wrote: skipped, never misread
                }
                LocalDate day =
                    rs.getTimestamp(2).toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
                days.add(new Daily(day, meter.get(), rs.getLong(3), rs.getLong(4)));
              }
            }
            return days;
          }
        });
  }
}
