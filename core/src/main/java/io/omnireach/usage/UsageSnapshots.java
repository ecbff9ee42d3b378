package io.omnireach.usage;

import io.omnireach.db.Transactions;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import io.omnireach.tenant.TenantStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily snapshot meters: {@link Meter#ACTIVE_SEATS} (the tenant's memberships) and {@link
 * Meter#LEADS_STORED} (the leads in its schema), once per tenant and UTC day under the key {@code
 * snapshot:<yyyy-MM-dd>}. The first snapshot of a day stands: taking it again that day is a no-op,
 * so the job may run as often as it likes and on several servers at once.
 */
public final class UsageSnapshots {

  private static final Logger LOG = Logger.getLogger(UsageSnapshots.class.getName());

  /** What one run did. */
  public record Result(int taken, int alreadyTaken, int failed) {}

  private final Transactions tx;
  private final TenantDirectory tenants;
  private final Clock clock;

  public UsageSnapshots(Transactions tx, TenantDirectory tenants, Clock clock) {
    this.tx = tx;
    this.tenants = tenants;
    this.clock = clock;
  }

  public static String key(LocalDate day) {
    return "snapshot:" + day;
  }

  /**
   * Today's (UTC) snapshot of every tenant whose schema holds data (ACTIVE or SUSPENDED: a
   * suspended tenant still stores its leads). A tenant that fails is logged and counted; the others
   * are still taken, and the next run tries it again.
   */
  public Result takeToday() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    int taken = 0;
    int already = 0;
    int failed = 0;
    List<Tenant> all = tenants.list(null);
    for (Tenant t : all) {
      if (t.status() == TenantStatus.PROVISIONING) {
        continue;
      }
      try {
        if (take(t.ref(), today)) {
          taken++;
        } else {
          already++;
        }
      } catch (RuntimeException e) {
        // e.g. a schema still being migrated right after start-up
        LOG.log(Level.FINE, "Usage snapshot of " + t.slug() + " failed", e);
        failed++;
      }
    }
    return new Result(taken, already, failed);
  }

  /**
   * Takes the tenant's snapshot for {@code day} (a UTC day, normally today) unless it was taken.
   * Both meters commit together, in the tenant's transaction that counted the leads.
   *
   * @return true when taken now, false when that day's snapshot already existed
   */
  public boolean take(TenantRef tenant, LocalDate day) {
    String key = key(day);
    Instant at = snapshotInstant(day);
    return tx.tenant(
        tenant,
        c -> {
          if (exists(c, tenant.id(), key)) {
            return false; // the cheap path of every later run of the day: no counting
          }
          long seats =
              count(
                  c, "select count(*) from platform.memberships where tenant_id = ?", tenant.id());
          long leads = count(c, "select count(*) from leads", null);
          return UsageLedger.ON.recordAll(
                  c,
                  List.of(
                      UsageEvent.of(tenant.id(), Meter.ACTIVE_SEATS, seats, key, at),
                      UsageEvent.of(tenant.id(), Meter.LEADS_STORED, leads, key, at)))
              > 0;
        });
  }

  /** When the snapshot of that day is recorded: now if it is today, else the day's last second. */
  private Instant snapshotInstant(LocalDate day) {
    Instant now = clock.instant();
    Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = start.plusSeconds(86_399);
    return now.isBefore(start) || now.isAfter(end) ? end : now;
  }

  private static boolean exists(Connection c, long tenantId, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select 1 from platform.usage_events where tenant_id = ? and meter = ?"
                + " and idempotency_key = ?")) {
      ps.setLong(1, tenantId);
      ps.setString(2, Meter.LEADS_STORED.key());
      ps.setString(3, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static long count(Connection c, String sql, Long tenantId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (tenantId != null) {
        ps.setLong(1, tenantId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
