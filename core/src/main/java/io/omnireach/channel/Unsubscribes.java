package io.omnireach.channel;

import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * One-click unsubscribe (RFC 8058): a genuine token for an existing message of an existing tenant
 * puts the recipient on that tenant's suppression list at once and records an UNSUBSCRIBED event.
 * Anything else is "not found" and changes nothing.
 */
public final class Unsubscribes {

  private final Transactions tx;
  private final TenantDirectory tenants;
  private final UnsubscribeTokens tokens;
  private final Clock clock;

  public Unsubscribes(
      Transactions tx, TenantDirectory tenants, UnsubscribeTokens tokens, Clock clock) {
    this.tx = tx;
    this.tenants = tenants;
    this.tokens = tokens;
    this.clock = clock;
  }

  private record Resolved(TenantRef tenant, long messageId) {}

  /** The recipient's address, masked for the confirmation page ({@code m•••@example.com}). */
  public Optional<String> recipient(String token) {
    return resolve(token)
        .flatMap(r -> Optional.ofNullable(tx.tenant(r.tenant(), c -> to(c, r.messageId()))))
        .map(Unsubscribes::mask);
  }

  /** Suppresses the recipient; false when the token is not genuine or names nothing. */
  public boolean unsubscribe(String token) {
    Optional<Resolved> resolved = resolve(token);
    if (resolved.isEmpty()) {
      return false;
    }
    long messageId = resolved.get().messageId();
    return tx.tenant(
        resolved.get().tenant(),
        c -> {
          String email = to(c, messageId);
          if (email == null) {
            return false;
          }
          if (Suppressions.add(
              c, email, Suppressions.Reason.UNSUBSCRIBED, messageId, clock.instant())) {
            Messages.event(c, messageId, "UNSUBSCRIBED", "one-click", clock);
          }
          return true;
        });
  }

  private Optional<Resolved> resolve(String token) {
    return UnsubscribeTokens.slug(token)
        .flatMap(tenants::bySlug)
        .flatMap(t -> tokens.verify(token, t.ref()).map(id -> new Resolved(t.ref(), id)));
  }

  static String mask(String email) {
    int at = email.indexOf('@');
    return at <= 0 ? "•••" : email.charAt(0) + "•••" + email.substring(at);
  }

  private static String to(Connection c, long messageId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select to_address from messages where id = ?")) {
      ps.setLong(1, messageId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
