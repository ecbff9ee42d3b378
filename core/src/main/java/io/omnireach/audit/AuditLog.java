package io.omnireach.audit;

import io.omnireach.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Appends to and reads {@code platform.audit_log}. */
public final class AuditLog {

  private final Transactions tx;

  public AuditLog(Transactions tx) {
    this.tx = tx;
  }

  /** Records inside the caller's transaction, so the entry commits or rolls back with the act. */
  public static void record(
      Connection c, String actor, String tenantSlug, String action, String target, String detail)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into platform.audit_log (actor, tenant_slug, action, target, detail)"
                + " values (?, ?, ?, ?, ?)")) {
      ps.setString(1, actor);
      ps.setString(2, tenantSlug);
      ps.setString(3, action);
      ps.setString(4, target);
      ps.setString(5, detail);
      ps.executeUpdate();
    }
  }

  /** Entries of one tenant since a moment. */
  public int countSince(String tenantSlug, java.time.Instant since) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select count(*) from audit_log where tenant_slug = ? and at >= ?")) {
            ps.setString(1, tenantSlug);
            ps.setTimestamp(2, java.sql.Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  /** Newest first; all tenants when {@code tenantSlug} is null. */
  public List<AuditEntry> recent(String tenantSlug, int limit) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select * from audit_log where (?::text is null or tenant_slug = ?)"
                      + " order by at desc, id desc limit ?")) {
            ps.setString(1, tenantSlug);
            ps.setString(2, tenantSlug);
            ps.setInt(3, limit);
            List<AuditEntry> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.add(
                    new AuditEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("tenant_slug"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getString("detail")));
              }
            }
            return result;
          }
        });
  }
}
