package io.omnireach.tenant;

import io.omnireach.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@link TenantFigures}: plan and seats from the platform schema, activity and usage from
 * each tenant's own schema (one short transaction per tenant, so no schema leaks into another).
 */
public final class TenantFiguresReader {

  private final Transactions tx;
  private final TenantDirectory directory;
  private final Clock clock;

  public TenantFiguresReader(Transactions tx, Clock clock) {
    this.tx = tx;
    this.directory = new TenantDirectory(tx);
    this.clock = clock;
  }

  /** All tenants (resellerId null) or those of one reseller, by display name. */
  public List<TenantFigures> list(Long resellerId) {
    Instant monthStart =
        YearMonth.now(clock.withZone(ZoneOffset.UTC))
            .atDay(1)
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC);
    List<TenantFigures> result = new ArrayList<>();
    for (Tenant tenant : directory.list(resellerId)) {
      result.add(figures(tenant, monthStart));
    }
    return result;
  }

  private TenantFigures figures(Tenant tenant, Instant monthStart) {
    Seats seats =
        tx.platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select t.plan, (select count(*) from memberships m where m.tenant_id = t.id),"
                          + " (select max(u.last_login_at) from memberships m"
                          + " join users u on u.id = m.user_id where m.tenant_id = t.id)"
                          + " from tenants t where t.id = ?")) {
                ps.setLong(1, tenant.id());
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  Timestamp login = rs.getTimestamp(3);
                  return new Seats(
                      rs.getString(1), rs.getInt(2), login == null ? null : login.toInstant());
                }
              }
            });
    if (tenant.status() == TenantStatus.PROVISIONING) {
      return new TenantFigures(tenant, seats.plan(), seats.used(), seats.lastSignIn(), 0, 0);
    }
    return tx.tenant(
        tenant.ref(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select (select max(at) from activity),"
                      + " (select count(*) from messages where status = 'SENT' and sent_at >= ?),"
                      + " (select count(*) from ai_call where at >= ?)")) {
            ps.setTimestamp(1, Timestamp.from(monthStart));
            ps.setTimestamp(2, Timestamp.from(monthStart));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              Timestamp activity = rs.getTimestamp(1);
              Instant last =
                  latest(seats.lastSignIn(), activity == null ? null : activity.toInstant());
              return new TenantFigures(
                  tenant, seats.plan(), seats.used(), last, rs.getInt(2), rs.getInt(3));
            }
          }
        });
  }

  private record Seats(String plan, int used, Instant lastSignIn) {}

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
