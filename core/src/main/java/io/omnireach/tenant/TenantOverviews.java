package io.omnireach.tenant;

import io.omnireach.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Per-tenant figures for the operator console and the tenant listing of the REST API. */
public final class TenantOverviews {

  private final Transactions tx;
  private final TenantDirectory tenants;
  private final Clock clock;

  public TenantOverviews(Transactions tx, Clock clock) {
    this.tx = tx;
    this.tenants = new TenantDirectory(tx);
    this.clock = clock;
  }

  /** All tenants (resellerId null) or one reseller's, ordered like {@link TenantDirectory#list}. */
  public List<TenantOverview> list(Long resellerId) {
    return of(tenants.list(resellerId));
  }

  public TenantOverview of(Tenant tenant) {
    return of(List.of(tenant)).get(0);
  }

  private List<TenantOverview> of(List<Tenant> list) {
    Instant monthStart =
        YearMonth.now(clock.withZone(ZoneOffset.UTC))
            .atDay(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    Instant now = clock.instant();
    return tx.platform(
        c -> {
          List<TenantOverview> result = new ArrayList<>();
          for (Tenant t : list) {
            result.add(overview(c, t, now, monthStart));
          }
          return result;
        });
  }

  private static TenantOverview overview(Connection c, Tenant t, Instant now, Instant monthStart)
      throws SQLException {
    String plan;
    int seats;
    Instant lastActivity;
    try (PreparedStatement ps =
        c.prepareStatement(
            "select t.plan,"
                + " (select count(*) from memberships m where m.tenant_id = t.id)"
                + " + (select count(*) from invitations i where i.tenant_id = t.id"
                + "    and i.accepted_at is null and i.expires_at > ?),"
                + " (select max(u.last_login_at) from memberships m join users u on u.id = m.user_id"
                + "    where m.tenant_id = t.id)"
                + " from tenants t where t.id = ?")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setLong(2, t.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new TenantOverview(t, null, 0, null, 0); // deleted meanwhile
        }
        plan = rs.getString(1);
        seats = rs.getInt(2);
        Timestamp last = rs.getTimestamp(3);
        lastActivity = last == null ? null : last.toInstant();
      }
    }
    return new TenantOverview(t, plan, seats, lastActivity, sentSince(c, t, monthStart));
  }

  /** Counted in the tenant's own schema; 0 while it is still being provisioned. */
  private static long sentSince(Connection c, Tenant t, Instant since) throws SQLException {
    if (t.status() == TenantStatus.PROVISIONING) {
      return 0;
    }
    // the schema name comes from a validated slug ([a-z0-9_] only)
    try (PreparedStatement ps =
        c.prepareStatement(
            "select count(*) from "
                + t.ref().schema()
                + ".messages where status = 'SENT' and sent_at >= ?")) {
      ps.setTimestamp(1, Timestamp.from(since));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
