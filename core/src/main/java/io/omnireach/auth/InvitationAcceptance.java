package io.omnireach.auth;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.user.Invitations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Optional;

/**
 * Accepting an invitation checks the password of an existing account with the invited email, so it
 * gets the sign-in throttle: failures count against the same account and address as failed
 * sign-ins, and a throttled account or address cannot try here either.
 */
public final class InvitationAcceptance {

  private final Transactions tx;
  private final Invitations invitations;
  private final LoginThrottle throttle;

  public InvitationAcceptance(Transactions tx, Invitations invitations, LoginThrottle throttle) {
    this.tx = tx;
    this.invitations = invitations;
    this.throttle = throttle;
  }

  /**
   * @param address the real client address
   * @return the id of the (new or existing) user
   */
  public long accept(String token, String displayName, String password, String address) {
    String account = invitedEmail(token).orElse("");
    throttle.check(account, address);
    try {
      return invitations.accept(token, displayName, password);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.UNAUTHORIZED
          || e.kind() == DomainException.Kind.NOT_FOUND) {
        throttle.failed(account, address);
      }
      throw e;
    }
  }

  /** The invitation behind a link, for the accept page; empty when it cannot be accepted. */
  public Optional<Invitations.Pending> pending(String token) {
    return invitations.pending(token);
  }

  private Optional<String> invitedEmail(String token) {
    String hash = Sessions.hash(token == null ? "" : token);
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select lower(email) from invitations where token_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(rs.getString(1).trim().toLowerCase(Locale.ROOT))
                  : Optional.empty();
            }
          }
        });
  }
}
