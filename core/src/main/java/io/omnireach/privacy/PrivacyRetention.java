package io.omnireach.privacy;

import io.omnireach.audit.AuditLog;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads, changes (audited) and applies a tenant's {@link Retention}. Applying purges what is older
 * than each setting in one transaction and audits the counts when anything went.
 */
public final class PrivacyRetention {

  /** What a purged message or reply body (and subject) reads afterwards. */
  public static final String REMOVED = "[removed by the retention policy]";

  private final Transactions tx;
  private final Clock clock;

  public PrivacyRetention(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public Retention get(TenantRef tenant) {
    return tx.tenant(tenant, PrivacyRetention::load);
  }

  public Retention put(TenantRef tenant, Retention r, String actor) {
    return tx.tenant(
        tenant,
        c -> {
          Retention before = load(c);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into privacy_retention (id, message_body_months, reply_body_months,"
                      + " ai_cache_days, signal_days, updated_by, updated_at)"
                      + " values (1, ?, ?, ?, ?, ?, ?) on conflict (id) do update set"
                      + " message_body_months = excluded.message_body_months,"
                      + " reply_body_months = excluded.reply_body_months,"
                      + " ai_cache_days = excluded.ai_cache_days,"
                      + " signal_days = excluded.signal_days,"
                      + " updated_by = excluded.updated_by, updated_at = excluded.updated_at")) {
            setInt(ps, 1, r.messageBodyMonths());
            setInt(ps, 2, r.replyBodyMonths());
            setInt(ps, 3, r.aiCacheDays());
            setInt(ps, 4, r.signalDays());
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(clock.instant()));
            ps.executeUpdate();
          }
          AuditLog.record(
              c,
              actor,
              tenant.slug(),
              "privacy.retention.changed",
              "retention",
              before.summary(),
              r.summary());
          return r;
        });
  }

  /** Purges what the settings no longer keep; returns the rows per kind (empty when none). */
  public Map<String, Integer> apply(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          Retention r = load(c);
          Instant now = clock.instant();
          Map<String, Integer> purged = new LinkedHashMap<>();
          if (r.messageBodyMonths() != null) {
            purged.put(
                "messageBodies",
                update(
                    c,
                    "with p as (update messages set body = ?, subject = case when subject is null"
                        + " then null else ? end, history_at = coalesce(history_at, ?)"
                        + " where created_at < ? and body <> ?"
                        + " and status in ('SENT', 'BLOCKED', 'FAILED') returning id),"
                        + " h as (delete from lead_history_chunks where message_id in"
                        + " (select id from p)) select count(*) from p",
                    Timestamp.from(now),
                    Timestamp.from(monthsAgo(now, r.messageBodyMonths()))));
          }
          if (r.replyBodyMonths() != null) {
            purged.put(
                "replyBodies",
                update(
                    c,
                    "with p as (update replies set body = ?, subject = case when subject is null"
                        + " then null else ? end, history_at = coalesce(history_at, ?)"
                        + " where received_at < ? and body <> ? returning id),"
                        + " h as (delete from lead_history_chunks where reply_id in"
                        + " (select id from p)) select count(*) from p",
                    Timestamp.from(now),
                    Timestamp.from(monthsAgo(now, r.replyBodyMonths()))));
          }
          if (r.aiCacheDays() != null) {
            purged.put(
                "aiCachedTexts",
                count(
                    c,
                    "with d as (delete from ai_cache where created_at < ? returning 1)"
                        + " select count(*) from d",
                    Timestamp.from(now.minusSeconds(86_400L * r.aiCacheDays()))));
          }
          if (r.signalDays() != null) {
            purged.put(
                "leadSignals",
                count(
                    c,
                    "with d as (delete from lead_signals where occurred_at < ?"
                        + " and consumed_at is not null returning 1) select count(*) from d",
                    Timestamp.from(now.minusSeconds(86_400L * r.signalDays()))));
          }
          purged.values().removeIf(n -> n == 0);
          if (!purged.isEmpty()) {
            AuditLog.record(
                c,
                "system:retention",
                tenant.slug(),
                "privacy.retention.purged",
                "retention",
                purged.toString());
          }
          return purged;
        });
  }

  private static Instant monthsAgo(Instant now, int months) {
    return now.atZone(ZoneOffset.UTC).minusMonths(months).toInstant();
  }

  /** A blanking statement: REMOVED, REMOVED, now, cutoff, REMOVED. */
  private static int update(Connection c, String sql, Timestamp now, Timestamp cutoff)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, REMOVED);
      ps.setString(2, REMOVED);
      ps.setTimestamp(3, now);
      ps.setTimestamp(4, cutoff);
      ps.setString(5, REMOVED);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static int count(Connection c, String sql, Timestamp cutoff) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, cutoff);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static Retention load(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "select message_body_months, reply_body_months, ai_cache_days, signal_days"
                    + " from privacy_retention where id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Retention.KEEP_ALL;
      }
      return new Retention(
          (Integer) rs.getObject(1),
          (Integer) rs.getObject(2),
          (Integer) rs.getObject(3),
          (Integer) rs.getObject(4));
    }
  }

  private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }
}
