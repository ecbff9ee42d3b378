package io.omnireach.usage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The usage report queue ({@code platform.usage_reports}, and {@code usage_events.report_id}; the
 * only writer of both). Two set-based moves, each in the caller's transaction:
 *
 * <ol>
 *   <li>{@link #group}: unreported events become one report per tenant, meter and UTC hour, and are
 *       marked with that report's id — in one statement, so an event is in exactly one report or
 *       (rolled back) in none;
 *   <li>{@link #claim} / {@link #sent}: pending reports are claimed ({@code FOR UPDATE SKIP
 *       LOCKED}, so servers share the work) and marked SENT in the transaction that claimed them. A
 *       crash between the send and that commit leaves them PENDING: they are sent again with the
 *       same identifier, which the biller keeps once.
 * </ol>
 *
 * Snapshot meters (seats, leads: one event per tenant and UTC day) are reported too, each day's
 * report carrying the <em>peak of its calendar month so far</em> (UTC): billed on a Stripe meter
 * with aggregation {@code last} over a calendar-month period, that is the month's peak — what
 * self-made invoices bill. Events older than {@link #MAX_AGE} are left out: Stripe refuses meter
 * events older than 35 days.
 */
public final class UsageReports {

  /** The oldest usage reported (Stripe accepts meter events up to 35 days back). */
  public static final Duration MAX_AGE = Duration.ofDays(30);

  private static final String[] METERS =
      Arrays.stream(Meter.values()).map(Meter::key).toArray(String[]::new);

  private static final String[] SNAPSHOTS =
      Arrays.stream(Meter.values()).filter(Meter::snapshot).map(Meter::key).toArray(String[]::new);

  private static final String GROUP =
      "with picked as (select id, tenant_id, meter, quantity, occurred_at"
          + " from platform.usage_events where report_id is null and meter = any(?)"
          + " and occurred_at >= ? order by id limit ? for update skip locked),"
          + " grouped as (select tenant_id, meter, date_trunc('hour', occurred_at, 'UTC') as hour,"
          + " sum(quantity) as quantity, max(occurred_at) as occurred_at, count(*) as events"
          + " from picked group by 1, 2, 3),"
          // a snapshot's report: the month's peak up to this snapshot (Stripe's "last" = peak)
          + " valued as (select g.tenant_id, g.meter, g.hour, g.occurred_at, g.events,"
          + " case when g.meter = any(?) then greatest(g.quantity, coalesce((select"
          + " max(e.quantity) from platform.usage_events e where e.tenant_id = g.tenant_id"
          + " and e.meter = g.meter and e.occurred_at >= date_trunc('month', g.occurred_at, 'UTC')"
          + " and e.occurred_at < g.occurred_at), 0)) else g.quantity end as quantity"
          + " from grouped g),"
          + " reports as (insert into platform.usage_reports"
          + " (tenant_id, meter, hour, quantity, occurred_at, events, not_before, created_at)"
          + " select tenant_id, meter, hour, quantity, occurred_at, events, ?, ? from valued"
          + " returning id, tenant_id, meter, hour),"
          + " marked as (update platform.usage_events e set report_id = r.id"
          + " from picked p join reports r on r.tenant_id = p.tenant_id and r.meter = p.meter"
          + " and r.hour = date_trunc('hour', p.occurred_at, 'UTC') where e.id = p.id"
          + " returning e.id)"
          + " select count(*) from marked";

  /**
   * Groups at most {@code limit} unreported events into reports; returns how many events.
   * Concurrent callers skip each other's events.
   */
  public int group(Connection c, int limit, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(GROUP)) {
      ps.setArray(1, c.createArrayOf("text", METERS));
      ps.setTimestamp(2, Timestamp.from(now.minus(MAX_AGE)));
      ps.setInt(3, limit);
      ps.setArray(4, c.createArrayOf("text", SNAPSHOTS));
      ps.setTimestamp(5, Timestamp.from(now));
      ps.setTimestamp(6, Timestamp.from(now));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** The tenants that have reports waiting (to set up their accounts before sending). */
  public Set<Long> pendingTenants(Connection c, Instant now) throws SQLException {
    Set<Long> tenants = new LinkedHashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select distinct tenant_id from platform.usage_reports"
                + " where status = 'PENDING' and not_before <= ?")) {
      ps.setTimestamp(1, Timestamp.from(now));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tenants.add(rs.getLong(1));
        }
      }
    }
    return tenants;
  }

  /**
   * Locks up to {@code limit} pending reports with an id above {@code afterId}, oldest first, until
   * the caller's transaction ends. {@code SKIP LOCKED} skips only other transactions' rows: a
   * caller claiming again in the same transaction passes the last id it got, or it gets its rows
   * again.
   */
  public List<UsageReport> claim(Connection c, long afterId, int limit, Instant now)
      throws SQLException {
    List<UsageReport> claimed = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, tenant_id, meter, quantity, occurred_at from platform.usage_reports"
                + " where status = 'PENDING' and not_before <= ? and id > ?"
                + " order by id limit ? for update skip locked")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setLong(2, afterId);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Optional<Meter> meter = Meter.byKey(rs.getString(3));
          if (meter.isPresent()) { // a meter a newer version wrote waits for that version
            claimed.add(
                new UsageReport(
                    rs.getLong(1),
                    rs.getLong(2),
                    meter.get(),
                    rs.getLong(4),
                    rs.getTimestamp(5).toInstant()));
          }
        }
      }
    }
    return claimed;
  }

  /** The biller has them. */
  public void sent(Connection c, List<Long> ids, Instant now) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update platform.usage_reports set status = 'SENT', sent_at = ?,"
                + " attempts = attempts + 1, last_error = null where id = any(?)")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
      ps.executeUpdate();
    }
  }

  /** Not sent this time: stays PENDING with the reason, for the next run. */
  public void retryLater(Connection c, long id, String error) throws SQLException {
    note(c, id, "PENDING", error);
  }

  /** Refused for good: FAILED with the reason, never sent again (and visible to operators). */
  public void failed(Connection c, long id, String error) throws SQLException {
    note(c, id, "FAILED", error);
  }

  private static void note(Connection c, long id, String status, String error) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update platform.usage_reports set status = ?, attempts = attempts + 1,"
                + " last_error = ? where id = ?")) {
      ps.setString(1, status);
      ps.setString(2, error == null ? null : error.substring(0, Math.min(error.length(), 1000)));
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }
}
