package io.omnireach.channel;

import io.omnireach.db.Transactions;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records opens (pixel) and clicks (redirect) as message events. Only genuine tokens of existing
 * messages count; a click resolves to the URL at that position of the stored body, never to a URL
 * taken from the request.
 */
public final class Tracking {

  private final Transactions tx;
  private final TenantDirectory tenants;
  private final TrackingLinks links;
  private final Clock clock;

  public Tracking(Transactions tx, TenantDirectory tenants, TrackingLinks links, Clock clock) {
    this.tx = tx;
    this.tenants = tenants;
    this.links = links;
    this.clock = clock;
  }

  /** Records an OPENED event; false when the token names nothing. */
  public boolean open(String token) {
    return open(token, null);
  }

  /**
   * Records an OPENED event with the fetching user agent; opens by privacy proxies and scanners
   * (see {@link ProxyOpens}) are flagged {@code proxy}. False when the token names nothing.
   */
  public boolean open(String token, String userAgent) {
    return tenant(token)
        .flatMap(t -> links.verifyOpen(token, t).flatMap(l -> record(t, l, "OPENED", userAgent)))
        .isPresent();
  }

  /** Records a CLICKED event and returns where to send the reader; empty when not genuine. */
  public Optional<String> click(String token) {
    return tenant(token)
        .flatMap(t -> links.verifyClick(token, t).flatMap(l -> record(t, l, "CLICKED", null)));
  }

  /** The tenant that now holds the slug the token names (the MAC then checks it is the one). */
  private Optional<TenantRef> tenant(String token) {
    return TrackingLinks.slug(token).flatMap(tenants::bySlug).map(Tenant::ref);
  }

  private Optional<String> record(
      TenantRef tenant, TrackingLinks.Target target, String type, String userAgent) {
    return tx.tenant(
        tenant,
        c -> {
          String body;
          Instant sentAt;
          try (PreparedStatement ps =
              c.prepareStatement("select body, sent_at from messages where id = ?")) {
            ps.setLong(1, target.messageId());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<String>empty();
              }
              body = rs.getString(1);
              java.sql.Timestamp ts = rs.getTimestamp(2);
              sentAt = ts == null ? null : ts.toInstant();
            }
          }
          String result = "";
          if (target.link() >= 0) {
            List<String> urls = TrackingLinks.urls(body);
            if (target.link() >= urls.size()) {
              return Optional.<String>empty();
            }
            result = urls.get(target.link());
          }
          if ("OPENED".equals(type)) {
            Instant now = clock.instant();
            String ua =
                userAgent == null
                    ? null
                    : userAgent.substring(0, Math.min(500, userAgent.length()));
            Messages.event(
                c,
                target.messageId(),
                type,
                ProxyOpens.reason(userAgent, sentAt, now),
                ua,
                ProxyOpens.isProxy(userAgent, sentAt, now),
                clock);
          } else {
            Messages.event(c, target.messageId(), type, result.isEmpty() ? null : result, clock);
          }
          return Optional.of(result);
        });
  }
}
