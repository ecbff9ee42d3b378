package io.omnireach.usage;

import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Usage rows for export: per day and meter (from the exact totals), or broken down further by the
 * workflow or the user an event names, where its meter knows one (workflow steps know their
 * workflow; events that name none are one row with an empty workflow or user). The breakdowns read
 * the ledger's events, which are never deleted, so their rows add up to the per-day totals.
 */
public final class UsageExport {

  /** How rows are broken down. */
  public enum By {
    DAY,
    WORKFLOW,
    USER;

    /** "day", "workflow" or "user" (any case); empty when it is none of them. */
    public static Optional<By> of(String value) {
      if (value == null) {
        return Optional.empty();
      }
      for (By by : values()) {
        if (by.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
          return Optional.of(by);
        }
      }
      return Optional.empty();
    }

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One row.
   *
   * @param refId the workflow's or user's id (null: the events name none, or the export is per day)
   * @param refName the workflow's name or the user's email (null when unknown, e.g. deleted)
   */
  public record Row(LocalDate day, Meter meter, Long refId, String refName, long quantity) {}

  private final Transactions tx;
  private final UsageTotals totals;

  public UsageExport(Transactions tx) {
    this.tx = tx;
    this.totals = new UsageTotals(tx);
  }

  /** Rows of the period ({@code from} inclusive, {@code to} exclusive), by day, meter and ref. */
  public List<Row> rows(TenantRef tenant, Instant from, Instant to, By by) {
    if (by == By.DAY) {
      return totals.daily(tenant.id(), from, to).stream()
          .map(d -> new Row(d.day(), d.meter(), null, null, d.quantity()))
          .toList();
    }
    // in the tenant's transaction: workflow names live in its schema (unqualified "workflows")
    String sql =
        by == By.WORKFLOW
            ? "select date_trunc('day', e.occurred_at, 'UTC'), e.meter, e.workflow_id, w.name,"
                + " sum(e.quantity) from platform.usage_events e"
                + " left join workflows w on w.id = e.workflow_id"
            : "select date_trunc('day', e.occurred_at, 'UTC'), e.meter, e.user_id, u.email,"
                + " sum(e.quantity) from platform.usage_events e"
                + " left join platform.users u on u.id = e.user_id";
    String query =
        sql
            + " where e.tenant_id = ? and e.occurred_at >= ? and e.occurred_at < ?"
            + " group by 1, 2, 3, 4 order by 1, 2, 3 nulls first";
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(query)) {
            return read(ps, tenant.id(), from, to);
          }
        });
  }

  private static List<Row> read(PreparedStatement ps, long tenantId, Instant from, Instant to)
      throws java.sql.SQLException {
    ps.setLong(1, tenantId);
    ps.setTimestamp(2, Timestamp.from(from));
    ps.setTimestamp(3, Timestamp.from(to));
    List<Row> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Optional<Meter> meter = Meter.byKey(rs.getString(2));
        if (meter.isEmpty()) {
          continue; // a meter a newer version wrote: skipped, never misread
        }
        LocalDate day = rs.getTimestamp(1).toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        rows.add(
            new Row(day, meter.get(), rs.getObject(3, Long.class), rs.getString(4), rs.getLong(5)));
      }
    }
    return rows;
  }
}
