package io.omnireach.dashboard;

import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-tenant {@code activity} table. */
public final class ActivityFeed {

  private final Transactions tx;
  private final Clock clock;

  public ActivityFeed(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public void record(TenantRef tenant, String actorEmail, String kind, String summary) {
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into activity (at, actor_email, kind, summary) values (?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, actorEmail);
            ps.setString(3, kind);
            ps.setString(4, summary);
            return ps.executeUpdate();
          }
        });
  }

  public List<Activity> recent(TenantRef tenant, int limit) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select * from activity order by at desc, id desc limit ?")) {
            ps.setInt(1, limit);
            List<Activity> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.add(
                    new Activity(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor_email"),
                        rs.getString("kind"),
                        rs.getString("summary")));
              }
            }
            return result;
          }
        });
  }

  /** Count of one kind of activity per UTC day for the last {@code days} days, oldest first. */
  public Map<LocalDate, Integer> dailyCounts(TenantRef tenant, String kind, int days) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate first = today.minusDays(days - 1L);
    Map<LocalDate, Integer> counts = new LinkedHashMap<>();
    for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
      counts.put(d, 0);
    }
    Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select (at at time zone 'UTC')::date as day, count(*) from activity"
                      + " where kind = ? and at >= ? group by 1")) {
            ps.setString(1, kind);
            ps.setTimestamp(2, Timestamp.from(from));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                int count = rs.getInt(2);
                counts.computeIfPresent(rs.getObject(1, LocalDate.class), (day, zero) -> count);
              }
            }
            return counts;
          }
        });
  }
}
