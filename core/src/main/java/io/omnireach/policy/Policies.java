package io.omnireach.policy;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code policies} of a tenant schema and their {@code policy_versions}, over plain JDBC; each
 * write records a version and an audit entry in the same transaction. Also loads what the engine
 * needs about a lead ({@link #context}), so the API, the UI and the outbox evaluate alike.
 */
public final class Policies {

  private static final String COLUMNS =
      "id, name, kind, severity, rule::text, explanation, enabled, version, updated_at, updated_by";

  private final Transactions tx;
  private final Clock clock;

  public Policies(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public List<Policy> list(TenantRef tenant) {
    return tx.tenant(tenant, Policies::all);
  }

  /** Every policy of the tenant (the caller's transaction), oldest first. */
  public static List<Policy> all(Connection c) throws SQLException {
    List<Policy> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement("select " + COLUMNS + " from policies order by id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(map(rs));
      }
    }
    return out;
  }

  public Policy get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> find(c, id, false));
  }

  public Policy create(TenantRef tenant, PolicyRules.Draft d, String actor) {
    Instant now = clock.instant();
    return tx.tenant(
        tenant,
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into policies (name, kind, severity, rule, explanation, enabled,"
                      + " created_at, created_by, updated_at, updated_by)"
                      + " values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) returning id")) {
            int i = bind(ps, d);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setString(i++, actor);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setString(i, actor);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          Policy p = find(c, id, false);
          version(c, p, "created", actor, now);
          AuditLog.record(c, actor, tenant.slug(), "policy.create", "" + id, summary(p));
          return p;
        });
  }

  /** Replaces the policy with the draft (a PUT): its version goes up by one. */
  public Policy update(TenantRef tenant, long id, PolicyRules.Draft d, String actor) {
    Instant now = clock.instant();
    return tx.tenant(
        tenant,
        c -> {
          Policy before = find(c, id, true);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update policies set name = ?, kind = ?, severity = ?, rule = ?::jsonb,"
                      + " explanation = ?, enabled = ?, version = version + 1, updated_at = ?,"
                      + " updated_by = ? where id = ?")) {
            int i = bind(ps, d);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setString(i++, actor);
            ps.setLong(i, id);
            ps.executeUpdate();
          }
          Policy p = find(c, id, false);
          version(c, p, "updated", actor, now);
          AuditLog.record(
              c, actor, tenant.slug(), "policy.update", "" + id, summary(before), summary(p));
          return p;
        });
  }

  public void delete(TenantRef tenant, long id, String actor) {
    Instant now = clock.instant();
    tx.tenant(
        tenant,
        c -> {
          Policy p = find(c, id, true);
          try (PreparedStatement ps = c.prepareStatement("delete from policies where id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
          version(
              c,
              new Policy(
                  p.id(),
                  p.name(),
                  p.kind(),
                  p.severity(),
                  p.rule(),
                  p.explanation(),
                  p.enabled(),
                  p.version() + 1,
                  now,
                  actor),
              "deleted",
              actor,
              now);
          AuditLog.record(c, actor, tenant.slug(), "policy.delete", "" + id, summary(p), null);
          return null;
        });
  }

  /** Whether the tenant has the optional LLM review on (off until an admin turns it on). */
  public boolean llmCheck(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("select llm_check from policy_settings where id = 1");
              ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
          }
        });
  }

  /** Turns the LLM review on or off (audited). */
  public boolean setLlmCheck(TenantRef tenant, boolean on, String actor) {
    Instant now = clock.instant();
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into policy_settings (id, llm_check, updated_at, updated_by)"
                      + " values (1, ?, ?, ?) on conflict (id) do update set"
                      + " llm_check = excluded.llm_check, updated_at = excluded.updated_at,"
                      + " updated_by = excluded.updated_by")) {
            ps.setBoolean(1, on);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, actor);
            ps.executeUpdate();
          }
          AuditLog.record(
              c, actor, tenant.slug(), "policy.settings", "llmCheck", String.valueOf(on));
          return on;
        });
  }

  /** The policy's history, newest first; NOT_FOUND when it never existed in this tenant. */
  public List<PolicyVersion> versions(TenantRef tenant, long id) {
    return tx.tenant(
        tenant,
        c -> {
          List<PolicyVersion> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select policy_id, version, change, name, kind, severity, rule::text,"
                      + " explanation, enabled, changed_by, changed_at from policy_versions"
                      + " where policy_id = ? order by version desc")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new PolicyVersion(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        PolicyKind.fromWire(rs.getString(5)),
                        Severity.fromWire(rs.getString(6)),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getBoolean(9),
                        rs.getString(10),
                        rs.getTimestamp(11).toInstant()));
              }
            }
          }
          if (out.isEmpty()) {
            throw notFound(id);
          }
          return out;
        });
  }

  /** What the engine knows of a lead for a message on {@code channel} going out at {@code at}. */
  public PolicyContext context(TenantRef tenant, Long leadId, String channel, Instant at) {
    if (leadId == null) {
      return new PolicyContext(null, null, null, null, null, at.atZone(ZoneOffset.UTC));
    }
    return tx.tenant(tenant, c -> context(c, leadId, null, channel, at));
  }

  /**
   * The same in the caller's transaction; {@code messageId} is the message being checked (its own
   * row and later-queued ones are not counted as earlier touches), or null before queueing.
   * NOT_FOUND when the lead does not exist.
   */
  public static PolicyContext context(
      Connection c, long leadId, Long messageId, String channel, Instant at) throws SQLException {
    String consentKey =
        switch (PolicyEngine.channel(channel)) {
          case "sms" -> "sms";
          case "voice" -> "calls";
          default -> "email";
        };
    try (PreparedStatement ps =
        c.prepareStatement(
            "select l.email, l.phone, l.country, l.consent->?->>'status', l.timezone,"
                + " (select count(*) from messages m where m.lead_id = l.id and m.id <> ?"
                + " and ((m.status in ('SENDING', 'SENT') and m.claimed_at >= ?)"
                + " or (m.status = 'QUEUED' and m.id < ?)))"
                + " from leads l where l.id = ?")) {
      long self = messageId == null ? Long.MAX_VALUE : messageId;
      ps.setString(1, consentKey);
      ps.setLong(2, self);
      ps.setTimestamp(3, Timestamp.from(at.minus(Duration.ofDays(7))));
      ps.setLong(4, self);
      ps.setLong(5, leadId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No lead " + leadId + " in this workspace.");
        }
        ZoneId zone = ZoneOffset.UTC;
        try {
          if (rs.getString(5) != null) {
            zone = ZoneId.of(rs.getString(5));
          }
        } catch (RuntimeException e) {
          // an unknown zone: UTC
        }
        return new PolicyContext(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4) == null ? "none" : rs.getString(4),
            rs.getInt(6),
            at.atZone(zone));
      }
    }
  }

  private static int bind(PreparedStatement ps, PolicyRules.Draft d) throws SQLException {
    int i = 1;
    ps.setString(i++, d.name());
    ps.setString(i++, d.kind().wire());
    ps.setString(i++, d.severity().wire());
    ps.setString(i++, PolicyRules.toJson(d.kind(), d.rule()));
    ps.setString(i++, d.explanation());
    ps.setBoolean(i++, d.enabled());
    return i;
  }

  private static void version(Connection c, Policy p, String change, String actor, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into policy_versions (policy_id, version, change, name, kind, severity, rule,"
                + " explanation, enabled, changed_by, changed_at)"
                + " values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)")) {
      ps.setLong(1, p.id());
      ps.setInt(2, p.version());
      ps.setString(3, change);
      ps.setString(4, p.name());
      ps.setString(5, p.kind().wire());
      ps.setString(6, p.severity().wire());
      ps.setString(7, PolicyRules.toJson(p.kind(), p.rule()));
      ps.setString(8, p.explanation());
      ps.setBoolean(9, p.enabled());
      ps.setString(10, actor);
      ps.setTimestamp(11, Timestamp.from(at));
      ps.executeUpdate();
    }
  }

  /** The audit log's short text of a policy: name, severity, rule, whether it is on. */
  private static String summary(Policy p) {
    return p.name()
        + " · "
        + p.severity().name().toLowerCase(java.util.Locale.ROOT)
        + " · "
        + PolicyRules.toJson(p.kind(), p.rule())
        + (p.enabled() ? "" : " · off");
  }

  private static Policy find(Connection c, long id, boolean forUpdate) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select "
                + COLUMNS
                + " from policies where id = ?"
                + (forUpdate ? " for update" : ""))) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw notFound(id);
        }
        return map(rs);
      }
    }
  }

  private static DomainException notFound(long id) {
    return DomainException.notFound("No policy " + id + " in this workspace.");
  }

  private static Policy map(ResultSet rs) throws SQLException {
    PolicyKind kind = PolicyKind.fromWire(rs.getString(3));
    return new Policy(
        rs.getLong(1),
        rs.getString(2),
        kind,
        Severity.fromWire(rs.getString(4)),
        PolicyRules.fromJson(kind, rs.getString(5)),
        rs.getString(6),
        rs.getBoolean(7),
        rs.getInt(8),
        rs.getTimestamp(9).toInstant(),
        rs.getString(10));
  }
}
