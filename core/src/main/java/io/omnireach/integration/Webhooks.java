package io.omnireach.integration;

import io.omnireach.audit.AuditLog;
import io.omnireach.channel.HostPolicy;
import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tenant's outbound webhook endpoints: a URL, the events it wants and a signing secret (shown
 * once when made or rotated, sealed with {@link SecretBox} at rest). The URL must be https and its
 * host must pass the {@link HostPolicy} (no private addresses unless the operator allows them, then
 * http is fine too). Events reach endpoints through the delivery log ({@link Deliveries}).
 */
public final class Webhooks {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_URL = 2000;

  /** An endpoint as shown (never its secret) with its delivery counts of the last 24 hours. */
  public record Webhook(
      long id,
      String url,
      String description,
      List<WebhookEvent> events,
      boolean active,
      Instant createdAt,
      String createdBy,
      int delivered24h,
      int failed24h,
      int pending) {}

  /** What an Admin sends; {@code active} null keeps the current state (true for a new one). */
  public record Draft(String url, String description, List<String> events, Boolean active) {}

  /** A new endpoint or a rotated secret: the only time the secret is shown. */
  public record WithSecret(Webhook webhook, String secret) {}

  private final Transactions tx;
  private final SecretBox secrets;
  private final HostPolicy hosts;

  public Webhooks(Transactions tx, SecretBox secrets, HostPolicy hosts) {
    this.tx = tx;
    this.secrets = secrets;
    this.hosts = hosts;
  }

  public List<Webhook> list(TenantRef tenant) {
    return tx.tenant(tenant, c -> query(c, null));
  }

  public Webhook get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> one(c, id));
  }

  public WithSecret create(TenantRef tenant, Draft in, String actor) {
    String url = checkUrl(in.url());
    Set<WebhookEvent> events = events(in.events());
    String secret = newSecret();
    return tx.tenant(
        tenant,
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into webhooks (url, description, events, secret, active, created_by)"
                      + " values (?, ?, ?, ?, ?, ?) returning id")) {
            ps.setString(1, url);
            ps.setString(2, description(in.description()));
            ps.setArray(3, codes(c, events));
            ps.setString(4, secrets.encrypt(secret));
            ps.setBoolean(5, in.active() == null || in.active());
            ps.setString(6, actor);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          AuditLog.record(
              c, actor, tenant.slug(), "webhook.created", "webhook " + id, url + " " + events);
          return new WithSecret(one(c, id), secret);
        });
  }

  public Webhook update(TenantRef tenant, long id, Draft in, String actor) {
    String url = in.url() == null ? null : checkUrl(in.url());
    Set<WebhookEvent> events = in.events() == null ? null : events(in.events());
    return tx.tenant(
        tenant,
        c -> {
          Webhook before = one(c, id);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update webhooks set url = coalesce(?, url), description = coalesce(?,"
                      + " description), events = coalesce(?, events), active = coalesce(?, active),"
                      + " updated_at = now() where id = ?")) {
            ps.setString(1, url);
            ps.setString(2, in.description() == null ? null : description(in.description()));
            ps.setArray(3, events == null ? null : codes(c, events));
            ps.setObject(4, in.active());
            ps.setLong(5, id);
            ps.executeUpdate();
          }
          Webhook after = one(c, id);
          AuditLog.record(
              c,
              actor,
              tenant.slug(),
              "webhook.updated",
              "webhook " + id,
              summary(before),
              summary(after));
          return after;
        });
  }

  public void delete(TenantRef tenant, long id, String actor) {
    tx.tenant(
        tenant,
        c -> {
          Webhook before = one(c, id);
          try (PreparedStatement ps = c.prepareStatement("delete from webhooks where id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
          AuditLog.record(
              c, actor, tenant.slug(), "webhook.deleted", "webhook " + id, summary(before), null);
          return null;
        });
  }

  /** A new secret; the old one stops working at once. */
  public WithSecret rotateSecret(TenantRef tenant, long id, String actor) {
    String secret = newSecret();
    return tx.tenant(
        tenant,
        c -> {
          one(c, id);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update webhooks set secret = ?, updated_at = now() where id = ?")) {
            ps.setString(1, secrets.encrypt(secret));
            ps.setLong(2, id);
            ps.executeUpdate();
          }
          AuditLog.record(
              c, actor, tenant.slug(), "webhook.secret_rotated", "webhook " + id, "rotated");
          return new WithSecret(one(c, id), secret);
        });
  }

  /** Queues a {@code ping} to the endpoint (whatever events it wants); returns the delivery id. */
  public long ping(TenantRef tenant, long id, String actor) {
    return tx.tenant(
        tenant,
        c -> {
          Webhook w = one(c, id);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into webhook_deliveries (webhook_id, event, url, body) values (?, ?, ?,"
                      + " webhook_envelope(?, jsonb_build_object('webhookId', ?::bigint,"
                      + " 'sentBy', ?::text))) returning id")) {
            ps.setLong(1, w.id());
            ps.setString(2, WebhookEvent.PING.code());
            ps.setString(3, w.url());
            ps.setString(4, WebhookEvent.PING.code());
            ps.setLong(5, w.id());
            ps.setString(6, actor);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** The plain secret of an endpoint, for signing (the delivery relay only). */
  String secretOf(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select secret from webhooks where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? secrets.decrypt(rs.getString(1)) : null;
      }
    }
  }

  /** "whsec_" + 32 random bytes, base64url. */
  static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Checks a URL a tenant gives for outbound requests (webhooks, HTTP actions, registries). */
  public String checkUrl(String raw) {
    return checkUrl("url", raw, hosts);
  }

  static String checkUrl(String field, String raw, HostPolicy hosts) {
    if (raw == null || raw.isBlank()) {
      throw DomainException.invalid(field, "A URL is required.");
    }
    String url = raw.strip();
    if (url.length() > MAX_URL) {
      throw DomainException.invalid(field, "The URL is longer than " + MAX_URL + " characters.");
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(field, "'" + url + "' is not a valid URL.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean http = scheme.equals("http");
    if (!scheme.equals("https") && !(http && hosts.allowsPrivate())) {
      throw DomainException.invalid(field, "The URL must start with https://.");
    }
    if (uri.getHost() == null) {
      throw DomainException.invalid(field, "'" + url + "' has no host.");
    }
    if (uri.getUserInfo() != null) {
      throw DomainException.invalid(field, "Put credentials in a header, not in the URL.");
    }
    hosts.check(field, uri.getHost());
    return url;
  }

  private static Set<WebhookEvent> events(List<String> raw) {
    if (raw == null || raw.isEmpty()) {
      throw DomainException.invalid("events", "Choose at least one event.");
    }
    Set<WebhookEvent> out = EnumSet.noneOf(WebhookEvent.class);
    for (String e : raw) {
      WebhookEvent event = WebhookEvent.parse("events", e);
      if (event == WebhookEvent.PING) {
        throw DomainException.invalid("events", "ping is sent with the Send test action only.");
      }
      out.add(event);
    }
    return out;
  }

  private static String description(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (raw.length() > 200) {
      throw DomainException.invalid("description", "At most 200 characters.");
    }
    return raw.strip();
  }

  private static Array codes(Connection c, Set<WebhookEvent> events) throws SQLException {
    return c.createArrayOf("text", events.stream().map(WebhookEvent::code).toArray());
  }

  private static String summary(Webhook w) {
    return w.url() + " " + w.events() + (w.active() ? "" : " (inactive)");
  }

  private static Webhook one(Connection c, long id) throws SQLException {
    List<Webhook> found = query(c, id);
    if (found.isEmpty()) {
      throw DomainException.notFound("No webhook " + id + ".");
    }
    return found.get(0);
  }

  private static List<Webhook> query(Connection c, Long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select w.*,"
                + " (select count(*) from webhook_deliveries d where d.webhook_id = w.id"
                + "   and d.status = 'delivered' and d.created_at > now() - interval '1 day')"
                + "   as delivered24h,"
                + " (select count(*) from webhook_deliveries d where d.webhook_id = w.id"
                + "   and d.status = 'failed' and d.created_at > now() - interval '1 day')"
                + "   as failed24h,"
                + " (select count(*) from webhook_deliveries d where d.webhook_id = w.id"
                + "   and d.status in ('pending', 'sending')) as pending"
                + " from webhooks w where (?::bigint is null or w.id = ?) order by w.id")) {
      ps.setObject(1, id);
      ps.setObject(2, id);
      List<Webhook> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Set<WebhookEvent> events = new LinkedHashSet<>();
          for (Object code : (Object[]) rs.getArray("events").getArray()) {
            events.add(WebhookEvent.parse("events", (String) code));
          }
          out.add(
              new Webhook(
                  rs.getLong("id"),
                  rs.getString("url"),
                  rs.getString("description"),
                  List.copyOf(events),
                  rs.getBoolean("active"),
                  rs.getTimestamp("created_at").toInstant(),
                  rs.getString("created_by"),
                  rs.getInt("delivered24h"),
                  rs.getInt("failed24h"),
                  rs.getInt("pending")));
        }
      }
      return out;
    }
  }
}
