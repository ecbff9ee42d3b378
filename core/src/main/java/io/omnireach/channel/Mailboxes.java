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
          + " created_at, provider, api_key_enc, api_base_url, send_window::text as send_window,"
          + " min_spacing_seconds, timezone, dkim_domain, dkim_selector, dkim_key_enc,"
          + " event_webhook_key, smtp_connections";

  static final String SMTP = "smtp";
  static final String SENDGRID = "sendgrid";
  static final int MAX_SPACING = 86_400;

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
    String provider =
        draft.provider() == null || draft.provider().isBlank()
            ? SMTP
            : draft.provider().trim().toLowerCase(java.util.Locale.ROOT);
    if (!provider.equals(SMTP) && !provider.equals(SENDGRID)) {
      throw DomainException.invalid("provider", "provider is 'smtp' or 'sendgrid'.");
    }
    boolean sendGrid = provider.equals(SENDGRID);
    String host =
        sendGrid ? optional("host", draft.host(), 253) : required("host", draft.host(), 253);
    Integer port = draft.port() == null ? (sendGrid ? null : 587) : draft.port();
    if (port != null && (port < 1 || port > 65535)) {
      throw DomainException.invalid("port", "Port must be between 1 and 65535.");
    }
    if (host != null) {
      hosts.check("host", host);
    }
    String username = optional("username", draft.username(), 320);
    String password =
        draft.password() == null || draft.password().isEmpty() ? null : draft.password();
    if (password != null && password.length() > 500) {
      throw DomainException.invalid("password", "Password is longer than 500 characters.");
    }
    String apiKey = optional("apiKey", draft.apiKey(), 500);
    if (sendGrid && apiKey == null) {
      throw DomainException.invalid("apiKey", "A SendGrid mailbox needs its API key.");
    }
    String apiBaseUrl = sendGrid ? baseUrl(draft.apiBaseUrl()) : null;
    String webhookKey = eventWebhookKey(draft.eventWebhookKey());
    if (webhookKey != null && !sendGrid) {
      throw DomainException.invalid(
          "eventWebhookKey", "Only a SendGrid mailbox has an event webhook key.");
    }
    String from = Emails.normalise("fromAddress", draft.fromAddress());
    String fromName = optional("fromName", draft.fromName(), 100);
    int cap = draft.dailyCap() == null ? 200 : draft.dailyCap();
    checkCap(cap);
    int spacing = spacing(draft.minSpacingSeconds());
    String zone = zone(draft.timezone());
    String dkimDomain = optional("dkimDomain", draft.dkimDomain(), 253);
    String dkimSelector = optional("dkimSelector", draft.dkimSelector(), 63);
    String dkimKey =
        draft.dkimPrivateKey() == null || draft.dkimPrivateKey().isBlank()
            ? null
            : draft.dkimPrivateKey().strip();
    if (dkimDomain != null || dkimSelector != null || dkimKey != null) {
      if (dkimDomain == null || dkimSelector == null || dkimKey == null) {
        throw DomainException.invalid(
            dkimDomain == null
                ? "dkimDomain"
                : dkimSelector == null ? "dkimSelector" : "dkimPrivateKey",
            "DKIM needs the domain, the selector and the private key together.");
      }
      if (sendGrid) {
        throw DomainException.invalid(
            "dkimDomain", "SendGrid signs with the domain you authenticated there; no key here.");
      }
      DkimSigner.privateKey(dkimKey); // refuses what is not an RSA key in PEM
    }
    String sealed = secrets.encrypt(password);
    return tx.tenant(
        tenant,
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into mailboxes (name, host, port, username, password_enc, tls,"
                      + " from_address, from_name, daily_cap, created_by, provider, api_key_enc,"
                      + " api_base_url, send_window, min_spacing_seconds, timezone, dkim_domain,"
                      + " dkim_selector, dkim_key_enc, event_webhook_key)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?,"
                      + " ?, ?, ?, ?) returning id")) {
            ps.setString(1, name);
            ps.setString(2, host);
            if (port == null) {
              ps.setNull(3, Types.INTEGER);
            } else {
              ps.setInt(3, port);
            }
            ps.setString(4, username);
            ps.setString(5, sealed);
            ps.setBoolean(6, draft.tls() == null || draft.tls());
            ps.setString(7, from);
            ps.setString(8, fromName);
            ps.setInt(9, cap);
            ps.setString(10, actor);
            ps.setString(11, provider);
            ps.setString(12, secrets.encrypt(apiKey));
            ps.setString(13, apiBaseUrl);
            ps.setString(14, draft.sendWindow() == null ? null : draft.sendWindow().toJson());
            ps.setInt(15, spacing);
            ps.setString(16, zone);
            ps.setString(17, dkimDomain);
            ps.setString(18, dkimSelector);
            ps.setString(19, secrets.encrypt(dkimKey));
            ps.setString(20, webhookKey);
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
          AuditLog.record(
              c,
              actor,
              tenant.slug(),
              "mailbox.create",
              "" + id,
              sendGrid ? "sendgrid" : host + ":" + port);
          return get(c, id);
        });
  }

  /** Changes when and how fast the mailbox sends; applies to messages claimed from now on. */
  public Mailbox updateSending(TenantRef tenant, long id, SendingRules rules, String actor) {
    int spacing = spacing(rules.minSpacingSeconds());
    String zone = zone(rules.timezone());
    if (rules.dailyCap() != null) {
      checkCap(rules.dailyCap());
    }
    if (rules.smtpConnections() != null) {
      checkConnections(rules.smtpConnections());
    }
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update mailboxes set send_window = cast(? as jsonb), min_spacing_seconds = ?,"
                      + " timezone = ?, daily_cap = coalesce(?, daily_cap),"
                      + " smtp_connections = coalesce(?, smtp_connections) where id = ?")) {
            SendWindow w = rules.sendWindow();
            ps.setString(1, w == null || w.always() ? null : w.toJson());
            ps.setInt(2, spacing);
            ps.setString(3, zone);
            if (rules.dailyCap() == null) {
              ps.setNull(4, Types.INTEGER);
            } else {
              ps.setInt(4, rules.dailyCap());
            }
            if (rules.smtpConnections() == null) {
              ps.setNull(5, Types.INTEGER);
            } else {
              ps.setInt(5, rules.smtpConnections());
            }
            ps.setLong(6, id);
            if (ps.executeUpdate() == 0) {
              throw notFound(id);
            }
          }
          AuditLog.record(
              c,
              actor,
              tenant.slug(),
              "mailbox.sending",
              "" + id,
              (rules.sendWindow() == null ? "any time" : rules.sendWindow().describe())
                  + ", spacing "
                  + spacing
                  + "s");
          return get(c, id);
        });
  }

  /**
   * Sets (or with a blank key, removes) the verification key of SendGrid's signed event webhook for
   * a SendGrid mailbox: events are applied only when their signature verifies under it.
   */
  public Mailbox setEventWebhookKey(TenantRef tenant, long id, String key, String actor) {
    String normalised = eventWebhookKey(key);
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update mailboxes set event_webhook_key = ? where id = ? returning provider")) {
            ps.setString(1, normalised);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw notFound(id);
              }
              if (!SENDGRID.equals(rs.getString(1))) {
                throw DomainException.invalid(
                    "eventWebhookKey", "Only a SendGrid mailbox has an event webhook key.");
              }
            }
          }
          AuditLog.record(
              c,
              actor,
              tenant.slug(),
              "mailbox.event-webhook",
              "" + id,
              normalised == null ? "removed" : "set");
          return get(c, id);
        });
  }

  /** The key as base64 DER (PEM armour and line breaks removed), or null when blank. */
  static String eventWebhookKey(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > 2000) {
      throw DomainException.invalid("eventWebhookKey", "The key is longer than 2000 characters.");
    }
    try {
      return java.util.Base64.getEncoder()
          .encodeToString(SendGridSignature.publicKey(value).getEncoded());
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(
          "eventWebhookKey",
          "The event webhook key must be the ECDSA P-256 public key SendGrid shows (base64).");
    }
  }

  private static void checkCap(int cap) {
    if (cap < 1 || cap > 100_000) {
      throw DomainException.invalid("dailyCap", "Daily cap must be between 1 and 100000.");
    }
  }

  private static void checkConnections(int connections) {
    if (connections < 1 || connections > SmtpSettings.MAX_CONNECTIONS) {
      throw DomainException.invalid(
          "smtpConnections",
          "SMTP connections must be between 1 and "
              + SmtpSettings.MAX_CONNECTIONS
              + " (and within your provider's limit on concurrent connections).");
    }
  }

  private static int spacing(Integer seconds) {
    int s = seconds == null ? 0 : seconds;
    if (s < 0 || s > MAX_SPACING) {
      throw DomainException.invalid(
          "minSpacingSeconds", "Spacing must be between 0 and " + MAX_SPACING + " seconds.");
    }
    return s;
  }

  private static String zone(String name) {
    String z = optional("timezone", name, 64);
    if (z != null && SendWindow.zoneOrNull(z) == null) {
      throw DomainException.invalid(
          "timezone", "'" + z + "' is not a time zone (e.g. Europe/Berlin).");
    }
    return z;
  }

  /** An http(s) base URL whose host passes the SSRF policy; null means SendGrid's own. */
  private String baseUrl(String value) {
    String v = optional("apiBaseUrl", value, 300);
    if (v == null) {
      return null;
    }
    java.net.URI uri;
    try {
      uri = java.net.URI.create(v);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("apiBaseUrl", "apiBaseUrl is not a URL.");
    }
    if (uri.getHost() == null
        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw DomainException.invalid("apiBaseUrl", "apiBaseUrl must be an http(s) URL.");
    }
    hosts.check("apiBaseUrl", uri.getHost());
    return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
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
            rs.getString("from_name"),
            id,
            rs.getString("provider"),
            secrets.decrypt(rs.getString("api_key_enc")),
            rs.getString("api_base_url"),
            rs.getString("dkim_domain"),
            rs.getString("dkim_selector"),
            secrets.decrypt(rs.getString("dkim_key_enc")),
            rs.getInt("smtp_connections"));
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
        (Integer) rs.getObject("port"),
        rs.getString("username"),
        rs.getString("password_enc") != null,
        rs.getBoolean("tls"),
        rs.getString("from_address"),
        rs.getString("from_name"),
        rs.getInt("daily_cap"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("provider"),
        rs.getString("api_base_url"),
        rs.getString("api_key_enc") != null,
        SendWindow.fromJson(rs.getString("send_window")),
        rs.getInt("min_spacing_seconds"),
        rs.getString("timezone"),
        rs.getString("dkim_domain"),
        rs.getString("dkim_selector"),
        rs.getString("dkim_key_enc") != null,
        rs.getString("event_webhook_key") != null,
        rs.getInt("smtp_connections"));
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
