package io.omnireach.channel;

import io.omnireach.common.ContactHashes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * The tenant's email suppression list: addresses nobody may email again (the relay blocks every
 * send claimed after the row commits). The one writer for unsubscribes (link, reply, SendGrid),
 * bounces (DSN, SendGrid) and spam complaints; the first reason for an address stays.
 *
 * <p>An erased person (GDPR) leaves only hashes ({@code suppression_hashes}: SHA-256 of the
 * normalised email or phone), which the relay, hand sends and lead imports check with {@link
 * #erased}.
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

  /**
   * Keeps hashes of {@code email} and {@code phone} (either may be null) as ERASED, and drops the
   * plain-text suppression entry of the email, in the caller's transaction.
   */
  public static void addErased(Connection c, String email, String phone, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into suppression_hashes (hash, kind, at) values (?, ?, ?)"
                + " on conflict (hash) do nothing")) {
      for (String[] entry :
          new String[][] {{emailHash(email), "EMAIL"}, {phoneHash(phone), "PHONE"}}) {
        if (entry[0] != null) {
          ps.setString(1, entry[0]);
          ps.setString(2, entry[1]);
          ps.setTimestamp(3, Timestamp.from(at));
          ps.executeUpdate();
        }
      }
    }
    if (email != null && !email.isBlank()) {
      try (PreparedStatement ps =
          c.prepareStatement("delete from suppressions where email = lower(?)")) {
        ps.setString(1, email.strip());
        ps.executeUpdate();
      }
    }
  }

  /** Whether the email or the phone (either may be null) belongs to an erased person. */
  public static boolean erased(Connection c, String email, String phone) throws SQLException {
    String e = emailHash(email);
    String p = phoneHash(phone);
    if (e == null && p == null) {
      return false;
    }
    try (PreparedStatement ps =
        c.prepareStatement("select 1 from suppression_hashes where hash in (?, ?)")) {
      ps.setString(1, e == null ? "" : e);
      ps.setString(2, p == null ? "" : p);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** See {@link ContactHashes#email}. */
  public static String emailHash(String email) {
    return ContactHashes.email(email);
  }

  /** See {@link ContactHashes#phone}. */
  public static String phoneHash(String phone) {
    return ContactHashes.phone(phone);
  }
}
