package io.omnireach.audit;

import io.omnireach.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Appends to, searches and verifies {@code platform.audit_log}. A database trigger chains each new
 * entry to its tenant's previous one (seq, prev_hash, hash) and other triggers refuse updates and
 * deletes; {@link #verify} recomputes the chain here.
 */
public final class AuditLog {

  /** One page of a search, newest first; {@code more} when a next page exists. */
  public record Page(List<AuditEntry> items, boolean more) {}

  private final Transactions tx;

  public AuditLog(Transactions tx) {
    this.tx = tx;
  }

  /**
   * Records inside the caller's transaction, so the entry commits or rolls back with the act.
   * {@code detail} summarises the result (e.g. the new value).
   */
  public static void record(
      Connection c, String actor, String tenantSlug, String action, String target, String detail)
      throws SQLException {
    record(c, actor, tenantSlug, action, target, null, detail);
  }

  /**
   * Records a change with short summaries of before and after. IP and request id come from the
   * {@link AuditContext} of the running request.
   */
  public static void record(
      Connection c,
      String actor,
      String tenantSlug,
      String action,
      String target,
      String before,
      String after)
      throws SQLException {
    AuditContext context = AuditContext.current();
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into platform.audit_log (actor, tenant_slug, action, target, before_summary,"
                + " detail, ip, request_id) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, actor);
      ps.setString(2, tenantSlug);
      ps.setString(3, action);
      ps.setString(4, target);
      ps.setString(5, before);
      ps.setString(6, after);
      ps.setString(7, context.ip());
      ps.setString(8, context.requestId());
      ps.executeUpdate();
    }
  }

  /** Records in a transaction of its own, for acts that have none (e.g. a failed sign-in). */
  public void record(String actor, String tenantSlug, String action, String target, String detail) {
    tx.platform(
        c -> {
          record(c, actor, tenantSlug, action, target, null, detail);
          return null;
        });
  }

  /** Entries of one tenant since a moment. */
  public int countSince(String tenantSlug, Instant since) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select count(*) from audit_log where tenant_slug = ? and at >= ?")) {
            ps.setString(1, tenantSlug);
            ps.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  /** Newest first; all tenants when {@code tenantSlug} is null. */
  public List<AuditEntry> recent(String tenantSlug, int limit) {
    return search(new AuditQuery(tenantSlug, null, null, null, null, 0, limit)).items();
  }

  /** One page of matching entries, newest first. */
  public Page search(AuditQuery q) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(FILTERED + " order by at desc, id desc limit ? offset ?")) {
            int i = bind(ps, q);
            ps.setInt(i++, q.size() + 1);
            ps.setLong(i, (long) q.page() * q.size());
            List<AuditEntry> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.add(entry(rs));
              }
            }
            boolean more = result.size() > q.size();
            return new Page(more ? result.subList(0, q.size()) : result, more);
          }
        });
  }

  /** Every matching entry, newest first, read with a cursor (page and size are ignored). */
  public void forEach(AuditQuery q, Consumer<AuditEntry> sink) {
    tx.platform(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(FILTERED + " order by at desc, id desc")) {
            bind(ps, q);
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                sink.accept(entry(rs));
              }
            }
          }
          return null;
        });
  }

  /** The chains present: tenant slugs, and null for the platform's own entries. */
  public List<String> chains() {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select distinct tenant_slug from audit_log order by tenant_slug nulls first");
              ResultSet rs = ps.executeQuery()) {
            List<String> result = new ArrayList<>();
            while (rs.next()) {
              result.add(rs.getString(1));
            }
            return result;
          }
        });
  }

  /**
   * Recomputes one chain ({@code tenantSlug} null: the platform's own entries) from its first entry
   * and reports the first that does not fit: a changed field, a removed or inserted entry.
   */
  public AuditVerification verify(String tenantSlug) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select * from audit_log where tenant_slug is not distinct from ?"
                      + " order by seq, id")) {
            ps.setString(1, tenantSlug);
            ps.setFetchSize(1000);
            long rows = 0;
            String prevHash = null;
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                AuditEntry e = entry(rs);
                String storedPrev = rs.getString("prev_hash");
                if (e.seq() != rows + 1) {
                  return AuditVerification.broken(
                      tenantSlug, rows, e, "expected entry " + (rows + 1) + ", found " + e.seq());
                }
                if (!java.util.Objects.equals(storedPrev, prevHash)) {
                  return AuditVerification.broken(
                      tenantSlug, rows, e, "does not link to the entry before it");
                }
                if (!AuditChain.hash(e, prevHash).equals(e.hash())) {
                  return AuditVerification.broken(
                      tenantSlug, rows, e, "its content does not match its hash");
                }
                prevHash = e.hash();
                rows++;
              }
            }
            return AuditVerification.intact(tenantSlug, rows);
          }
        });
  }

  private static final String FILTERED =
      "select * from audit_log where (?::text is null or tenant_slug = ?)"
          + " and (?::timestamptz is null or at >= ?) and (?::timestamptz is null or at < ?)"
          + " and (?::text is null or lower(actor) = lower(?))"
          + " and (?::text is null or starts_with(action, ?))";

  private static int bind(PreparedStatement ps, AuditQuery q) throws SQLException {
    int i = 1;
    for (int k = 0; k < 2; k++) {
      ps.setString(i++, q.tenantSlug());
    }
    for (Instant at : new Instant[] {q.from(), q.to()}) {
      OffsetDateTime value = at == null ? null : at.atOffset(java.time.ZoneOffset.UTC);
      ps.setObject(i++, value);
      ps.setObject(i++, value);
    }
    for (String text : new String[] {blankToNull(q.actor()), blankToNull(q.action())}) {
      ps.setString(i++, text);
      ps.setString(i++, text);
    }
    return i;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getLong("id"),
        rs.getObject("at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("tenant_slug"),
        rs.getString("action"),
        rs.getString("target"),
        rs.getString("before_summary"),
        rs.getString("detail"),
        rs.getString("ip"),
        rs.getString("request_id"),
        rs.getLong("seq"),
        rs.getString("hash"));
  }
}
