package io.omnireach.auth;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.common.Emails;
import io.omnireach.db.Transactions;
import io.omnireach.mail.SystemMail;
import io.omnireach.tenant.TenantRef;
import io.omnireach.user.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * "Forgot password": a reset link by email with a random single-use token that expires after {@link
 * #VALIDITY}. Only the token's SHA-256 is stored. Asking never says whether the email has an
 * account; asks are throttled per email and per client address like sign-in, and so are wrong
 * tokens per client address. A new password must pass {@link PasswordHasher}'s rules; setting it
 * uses up every open token of the user and then calls {@code onPasswordChanged}.
 */
public final class PasswordResets {

  public static final Duration VALIDITY = Duration.ofMinutes(30);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String INVALID =
      "This reset link is invalid, already used or expired. Ask for a new one.";

  private final Transactions tx;
  private final SystemMail mail;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final LongConsumer onPasswordChanged;

  /**
   * @param throttle a throttle of its own (not sign-in's: asking for resets must not lock anyone
   *     out of signing in)
   * @param onPasswordChanged called with the user id after a reset committed — where the user's
   *     existing sessions and tokens are revoked
   */
  public PasswordResets(
      Transactions tx,
      SystemMail mail,
      LoginThrottle throttle,
      Clock clock,
      LongConsumer onPasswordChanged) {
    this.tx = tx;
    this.mail = mail;
    this.throttle = throttle;
    this.clock = clock;
    this.onPasswordChanged = onPasswordChanged;
  }

  /**
   * Mails a reset link when the email has an account; does the same visible nothing when it has
   * not. Throws a 429-kind {@link DomainException} when asked too often for the email or from the
   * address.
   */
  public void request(String email, String address) {
    String normalised = Emails.normalise("email", email);
    check(normalised, address, "Too many password reset requests");
    throttle.failed(normalised, address); // every ask counts: it sends a mail
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    tx.platform(
        c -> {
          long userId;
          String userEmail;
          TenantRef brandOf = null;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select u.id, u.email, t.id, t.slug from users u"
                      + " left join memberships m on m.user_id = u.id"
                      + " left join tenants t on t.id = m.tenant_id and t.status = 'ACTIVE'"
                      + " where lower(u.email) = ? order by t.id is null, m.created_at limit 1")) {
            ps.setString(1, normalised);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return null; // no account: nothing is sent, and the caller cannot tell
              }
              userId = rs.getLong(1);
              userEmail = rs.getString(2);
              if (rs.getString(4) != null) {
                brandOf = new TenantRef(rs.getLong(3), rs.getString(4));
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update password_resets set used_at = ? where user_id = ? and used_at is null")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, userId);
            ps.executeUpdate(); // only the newest link works
          }
          long resetId;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into password_resets (user_id, token_hash, expires_at, created_at)"
                      + " values (?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, userId);
            ps.setString(2, sha256(token));
            ps.setTimestamp(3, Timestamp.from(now.plus(VALIDITY)));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              resetId = keys.getLong(1);
            }
          }
          mail.passwordReset(c, brandOf, resetId, userEmail, token, VALIDITY);
          AuditLog.record(c, userEmail, null, "password.reset-request", userEmail, null);
          return null;
        });
  }

  /**
   * Sets a new password with a reset token: refuses weak passwords (the token stays usable) and
   * unknown, used or expired tokens; marks the token used. Returns the user id.
   */
  public long confirm(String token, String password, String address) {
    String throttleKey = "reset-token:" + address;
    check(throttleKey, address, "Too many invalid reset links");
    PasswordHasher.requireStrong(password);
    if (token == null || token.isBlank() || token.length() > 200) {
      throttle.failed(throttleKey, address);
      throw DomainException.invalid("token", INVALID);
    }
    String hash = PasswordHasher.hash(password);
    Instant now = clock.instant();
    Long userId =
        tx.platform(
            c -> {
              long user;
              String email;
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select r.user_id, u.email from password_resets r"
                          + " join users u on u.id = r.user_id"
                          + " where r.token_hash = ? and r.used_at is null and r.expires_at > ?"
                          + " for update of r")) {
                ps.setString(1, sha256(token));
                ps.setTimestamp(2, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                  if (!rs.next()) {
                    return null;
                  }
                  user = rs.getLong(1);
                  email = rs.getString(2);
                }
              }
              try (PreparedStatement ps =
                  c.prepareStatement("update users set password_hash = ? where id = ?")) {
                ps.setString(1, hash);
                ps.setLong(2, user);
                ps.executeUpdate();
              }
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "update password_resets set used_at = ?"
                          + " where user_id = ? and used_at is null")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, user);
                ps.executeUpdate();
              }
              AuditLog.record(c, email, null, "password.reset", email, null);
              return user;
            });
    if (userId == null) {
      throttle.failed(throttleKey, address);
      throw DomainException.invalid("token", INVALID);
    }
    onPasswordChanged.accept(userId);
    return userId;
  }

  /** The sign-in throttle's check, with a message that fits a reset. */
  private void check(String key, String address, String what) {
    try {
      throttle.check(key, address);
    } catch (DomainException e) {
      throw new DomainException(
          DomainException.Kind.TOO_MANY_REQUESTS,
          what + ". Try again in " + throttle.window().toMinutes() + " minutes.");
    }
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
