package io.omnireach.channel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * The tenant's email suppression list: addresses nobody may email again (the relay blocks every
 * send claimed after the row commits). The one writer for unsubscribes (link, reply, SendGrid),
 * bounces (DSN, SendGrid) and spam complaints; the first reason for an address stays.
 */
public final class Suppressions {

  /** Why an address is suppressed (the {@code suppressions.reason} column). */
  public enum Reason {
    UNSUBSCRIBED,
    BOUNCED,
    COMPLAINED
  }

  private Suppressions() {}

  /**
   * Suppresses {@code email} (lower-cased) in the caller's transaction.
   *
   * @return true when the address was not suppressed before
   */
  public static boolean add(Connection c, String email, Reason reason, Long messageId, Instant at)
      throws SQLException {
    if (email == null || email.isBlank()) {
      return false;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into suppressions (email, reason, message_id, at)"
                + " values (lower(?), ?, ?, ?) on conflict (email) do nothing")) {
      ps.setString(1, email.strip());
      ps.setString(2, reason.name());
      if (messageId == null) {
        ps.setNull(3, Types.BIGINT);
      } else {
        ps.setLong(3, messageId);
      }
      ps.setTimestamp(4, Timestamp.from(at));
      return ps.executeUpdate() == 1;
    }
  }
}
