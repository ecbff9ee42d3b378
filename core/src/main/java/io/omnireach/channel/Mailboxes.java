package io.omnireach.channel;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.common.Emails;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant's sending mailboxes. Passwords are sealed with {@link SecretBox} before they reach the
 * database and only {@link #smtpSettings} opens them again, for the relay.
 */
public final class Mailboxes {

  static final String COLUMNS =
      "id, name, host, port, username, password_enc, tls, from_address, from_name, daily_cap,"
          + " created_at";

  private final Transactions tx;
  private final SecretBox secrets;
  private final HostPolicy hosts;

  public Mailboxes(Transactions tx, SecretBox secrets, HostPolicy hosts) {
    this.tx = tx;
    this.secrets = secrets;
    this.hosts = hosts;
  }

  public Mailbox create(TenantRef tenant, MailboxDraft draft, String actor) {
    String name = required("name", draft.name(), 80);
    String host = required("host", draft.host(), 253);
    int port = draft.port() == null ? 587 : draft.port();
    if (port < 1 || port > 65535) {
      throw DomainException.invalid("port", "Port must be between 1 and 65535.");
    }
    hosts.check("host", host);
    String username = optional("username", draft.username(), 320);
    String password =
        draft.password() == null || draft.password().isEmpty() ? null : draft.password();
    if (password != null && password.length() > 500) {
      throw DomainException.invalid("password", "Password is longer than 500 characters.");
    }
    String from = Emails.normalise("fromAddress", draft.fromAddress());
    String fromName = optional("fromName", draft.fromName(), 100);
    int cap = draft.dailyCap() == null ? 200 : draft.dailyCap();
    if (cap < 1 || cap > 100_000) {
      throw DomainException.invalid("dailyCap", "Daily cap must be between 1 and 100000.");
    }
    String sealed = secrets.encrypt(password);
    return tx.tenant(
        tenant,
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into mailboxes (name, host, port, username, password_enc, tls,"
                      + " from_address, from_name, daily_cap, created_by)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            ps.setString(1, name);
            ps.setString(2, host);
            ps.setInt(3, port);
            ps.setString(4, username);
            ps.setString(5, sealed);
            ps.setBoolean(6, draft.tls() == null || draft.tls());
            ps.setString(7, from);
            ps.setString(8, fromName);
            ps.setInt(9, cap);
            ps.setString(10, actor);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
              throw DomainException.conflict("name", "A mailbox named '" + name + "' exists.");
            }
            throw e;
          }
          AuditLog.record(c, actor, tenant.slug(), "mailbox.create", "" + id, host + ":" + port);
          return get(c, id);
        });
  }

  public List<Mailbox> list(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          List<Mailbox> result = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("select " + COLUMNS + " from mailboxes order by name, id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              result.add(map(rs));
            }
          }
          return result;
        });
  }

  public Mailbox get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> get(c, id));
  }

  public void delete(TenantRef tenant, long id, String actor) {
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("delete from mailboxes where id = ?")) {
            ps.setLong(1, id);
            if (ps.executeUpdate() == 0) {
              throw notFound(id);
            }
          }
          AuditLog.record(c, actor, tenant.slug(), "mailbox.delete", "" + id, null);
          return null;
        });
  }

  /** Connection settings with the password opened, read inside the caller's transaction. */
  SmtpSettings smtpSettings(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select " + COLUMNS + " from mailboxes where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new SmtpSettings(
            rs.getString("host"),
            rs.getInt("port"),
            rs.getBoolean("tls"),
            rs.getString("username"),
            secrets.decrypt(rs.getString("password_enc")),
            rs.getString("from_address"),
            rs.getString("from_name"));
      }
    }
  }

  static Mailbox get(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select " + COLUMNS + " from mailboxes where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw notFound(id);
        }
        return map(rs);
      }
    }
  }

  static DomainException notFound(long id) {
    return DomainException.notFound("No mailbox " + id + " in this tenant.");
  }

  private static Mailbox map(ResultSet rs) throws SQLException {
    return new Mailbox(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("host"),
        rs.getInt("port"),
        rs.getString("username"),
        rs.getString("password_enc") != null,
        rs.getBoolean("tls"),
        rs.getString("from_address"),
        rs.getString("from_name"),
        rs.getInt("daily_cap"),
        rs.getTimestamp("created_at").toInstant());
  }

  static String required(String field, String value, int max) {
    String v = optional(field, value, max);
    if (v == null) {
      throw DomainException.invalid(field, field + " is required.");
    }
    return v;
  }

  /** Trimmed text or null; refuses line breaks and control characters (header injection). */
  static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (v.length() > max) {
      throw DomainException.invalid(field, field + " is longer than " + max + " characters.");
    }
    if (v.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
      throw DomainException.invalid(field, field + " must be one line without control characters.");
    }
    return v;
  }

  static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }
}
