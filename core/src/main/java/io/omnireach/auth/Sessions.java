package io.omnireach.auth;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantStatus;
import io.omnireach.user.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions: whether an access token or UI session still stands, refresh tokens, and
 * revocation.
 *
 * <p>A session is valid while the user's stored state still matches what it was issued with: the
 * user exists and its {@code session_epoch} is not newer, the membership in the tenant (by the
 * tenant's immutable id) still exists with the same role, the tenant still has the slug and is
 * active, and the platform role is unchanged. So removing a user, changing a role, suspending or
 * deleting a tenant and {@link #revokeUser} take effect on the next request. The state is cached
 * per user and tenant for a short time ({@code cacheTtl}); changes made through this server drop
 * the cache entry at once ({@link #userChanged}, {@link #tenantChanged}), changes made on another
 * replica are seen after at most {@code cacheTtl}.
 */
public final class Sessions {

  /**
   * What an access token or UI session says about itself. {@code tenantId} is null for operators;
   * {@code ssoSession} names the identity provider's session a sign-in through SSO came from
   * ({@link #ssoSession}), null otherwise.
   */
  public record Stamp(
      long userId,
      Long tenantId,
      String tenantSlug,
      Set<String> roles,
      long epoch,
      String ssoSession) {

    public Stamp(long userId, Long tenantId, String tenantSlug, Set<String> roles, long epoch) {
      this(userId, tenantId, tenantSlug, roles, epoch, null);
    }

    public static Stamp of(AuthenticatedUser user, long epoch) {
      return of(user, epoch, null);
    }

    public static Stamp of(AuthenticatedUser user, long epoch, String ssoSession) {
      return new Stamp(
          user.userId(),
          user.tenant() == null ? null : user.tenant().id(),
          user.tenant() == null ? null : user.tenant().slug(),
          labels(user.roles()),
          epoch,
          ssoSession);
    }
  }

  /**
   * A new or refreshed sign-in: the user, the epoch to put in the access token, the refresh token.
   */
  public record Grant(
      AuthenticatedUser user,
      long epoch,
      String refreshToken,
      Instant refreshExpiresAt,
      String ssoSession) {}

  /** The stored state a stamp is checked against; {@code userExists} false when deleted. */
  private record State(
      boolean userExists,
      long epoch,
      Role platformRole,
      String tenantSlug,
      TenantStatus tenantStatus,
      Role memberRole,
      boolean resellerSuspended) {}

  private record Key(long userId, long tenantId) {}

  private record Cached(State state, Instant loadedAt) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  static final String REVOKED = "Your session has ended: sign in again.";

  private final Transactions tx;
  private final Clock clock;
  private final Authenticator authenticator;
  private final Duration refreshTtl;
  private final Duration cacheTtl;
  private final Map<Key, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, Instant> liveSsoSessions = new ConcurrentHashMap<>();

  public Sessions(
      Transactions tx,
      Clock clock,
      Authenticator authenticator,
      Duration refreshTtl,
      Duration cacheTtl) {
    this.tx = tx;
    this.clock = clock;
    this.authenticator = authenticator;
    this.refreshTtl = refreshTtl;
    this.cacheTtl = cacheTtl;
  }

  /** Why a session no longer stands, or empty while it does. */
  public Optional<String> whyRevoked(Stamp stamp) {
    State state = state(stamp.userId(), stamp.tenantId());
    if (!state.userExists() || state.epoch() > stamp.epoch()) {
      return Optional.of(REVOKED);
    }
    if (stamp.ssoSession() != null && ssoSessionEnded(stamp.ssoSession())) {
      return Optional.of("You signed out at your identity provider: sign in again.");
    }
    if (state.resellerSuspended()) {
      return Optional.of("This reseller's account is suspended.");
    }
    if (stamp.tenantId() != null) {
      if (state.memberRole() == null || !Objects.equals(state.tenantSlug(), stamp.tenantSlug())) {
        return Optional.of("You are no longer a member of this workspace.");
      }
      if (state.tenantStatus() != TenantStatus.ACTIVE) {
        return Optional.of("This workspace is suspended.");
      }
    }
    Set<String> roles = new HashSet<>();
    if (state.platformRole() != null) {
      roles.add(state.platformRole().label());
    }
    if (stamp.tenantId() != null) {
      roles.add(state.memberRole().label());
    }
    if (!roles.equals(stamp.roles() == null ? Set.of() : stamp.roles())) {
      return Optional.of("Your role has changed: sign in again.");
    }
    return Optional.empty();
  }

  /** The user's current epoch, for a UI session that was opened without one. */
  public long epoch(long userId) {
    return state(userId, null).epoch();
  }

  /**
   * Ends every session of a user at once: access tokens, UI sessions and refresh tokens. Call it
   * after a password change or reset.
   */
  public void revokeUser(long userId) {
    tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update users set session_epoch = session_epoch + 1 where id = ?")) {
            ps.setLong(1, userId);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("delete from refresh_tokens where user_id = ?")) {
            ps.setLong(1, userId);
            ps.executeUpdate();
          }
          return null;
        });
    userChanged(userId);
  }

  /**
   * The key of an identity provider's session ({@code sid} of its tokens) in a tenant: a hash, so
   * that the provider's session ids are not stored.
   */
  public static String ssoSession(long tenantId, String issuer, String sid) {
    return hash(tenantId + " " + issuer + " " + sid);
  }

  /**
   * Ends the sign-ins that came from one identity provider session (back-channel logout with a
   * {@code sid}): their refresh tokens now, their access tokens and UI sessions on the next request
   * (other replicas within the cache time). The user's other sessions stay.
   */
  public void endSsoSession(String ssoSession) {
    tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into sso_ended_sessions (sso_session) values (?)"
                      + " on conflict (sso_session) do nothing")) {
            ps.setString(1, ssoSession);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("delete from refresh_tokens where sso_session = ?")) {
            ps.setString(1, ssoSession);
            ps.executeUpdate();
          }
          return null;
        });
    liveSsoSessions.remove(ssoSession);
  }

  /** Whether a provider session ended; a live one is remembered for the cache time. */
  private boolean ssoSessionEnded(String ssoSession) {
    Instant now = clock.instant();
    Instant checked = liveSsoSessions.get(ssoSession);
    if (checked != null && checked.plus(cacheTtl).isAfter(now)) {
      return false;
    }
    boolean ended =
        tx.platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("select 1 from sso_ended_sessions where sso_session = ?")) {
                ps.setString(1, ssoSession);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next();
                }
              }
            });
    if (!ended && !cacheTtl.isZero()) {
      if (liveSsoSessions.size() > 10_000) {
        liveSsoSessions.values().removeIf(at -> !at.plus(cacheTtl).isAfter(now));
      }
      liveSsoSessions.put(ssoSession, now);
    }
    return ended;
  }

  /** Drops the cached state of a user whose membership or role changed here. */
  public void userChanged(long userId) {
    cache.keySet().removeIf(k -> k.userId() == userId);
  }

  /** Drops all cached state: a reseller (and so many tenants at once) was suspended or resumed. */
  public void everythingChanged() {
    cache.clear();
  }

  /** Drops the cached state of a tenant that was suspended, resumed or deleted here. */
  public void tenantChanged(String tenantSlug) {
    cache.values().removeIf(c -> Objects.equals(c.state().tenantSlug(), tenantSlug));
  }

  /** Starts a sign-in: a new refresh token family for the user and tenant. */
  public Grant open(AuthenticatedUser user) {
    return open(user, null);
  }

  /** Starts a sign-in that came through SSO from the provider session {@code ssoSession}. */
  public Grant open(AuthenticatedUser user, String ssoSession) {
    Instant now = clock.instant();
    String token = newToken();
    Instant expires = now.plus(refreshTtl);
    long epoch =
        tx.platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("delete from refresh_tokens where expires_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(now.minus(Duration.ofDays(1))));
                ps.executeUpdate();
              }
              return insert(c, UUID.randomUUID(), user, token, expires, null, ssoSession);
            });
    return new Grant(user, epoch, token, expires, ssoSession);
  }

  /**
   * Exchanges a refresh token for a new one (rotation). A token presented a second time revokes its
   * whole family: either the client or a thief holds a copy, and we cannot tell which.
   */
  public Grant refresh(String refreshToken) {
    Instant now = clock.instant();
    Claimed claimed =
        tx.platform(c -> claim(c, hash(refreshToken == null ? "" : refreshToken), now));
    if (claimed.refusal() != null) {
      throw new DomainException(DomainException.Kind.UNAUTHORIZED, claimed.refusal());
    }
    AuthenticatedUser user;
    try {
      user = authenticator.switchTenant(claimed.userId(), claimed.tenantSlug());
    } catch (DomainException e) {
      deleteFamily(claimed.family());
      throw new DomainException(DomainException.Kind.UNAUTHORIZED, e.getMessage());
    }
    String token = newToken();
    Instant expires = now.plus(refreshTtl);
    tx.platform(
        c ->
            insert(
                c, claimed.family(), user, token, expires, claimed.epoch(), claimed.ssoSession()));
    return new Grant(user, claimed.epoch(), token, expires, claimed.ssoSession());
  }

  /**
   * Signs out: revokes the presented refresh token and its family, audited as the token's user.
   * Unknown tokens are ignored (and not audited: nothing was revoked).
   */
  public void logout(String refreshToken) {
    tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "with gone as (delete from refresh_tokens where family ="
                      + " (select family from refresh_tokens where token_hash = ?)"
                      + " returning user_id, tenant_id)"
                      + " select u.email, t.slug, count(*) from gone"
                      + " join users u on u.id = gone.user_id"
                      + " left join tenants t on t.id = gone.tenant_id group by u.email, t.slug")) {
            ps.setString(1, hash(refreshToken == null ? "" : refreshToken));
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                String email = rs.getString(1);
                AuditLog.record(
                    c, email, rs.getString(2), "auth.sign-out", email, "refresh tokens revoked");
              }
            }
            return null;
          }
        });
  }

  private record Claimed(
      String refusal, UUID family, long userId, String tenantSlug, long epoch, String ssoSession) {
    static Claimed refused(String why) {
      return new Claimed(why, null, 0, null, 0, null);
    }
  }

  private static Claimed claim(Connection c, String tokenHash, Instant now) throws SQLException {
    UUID family;
    long userId;
    String slug;
    long epoch;
    long currentEpoch;
    Instant expires;
    boolean used;
    long id;
    String ssoSession;
    try (PreparedStatement ps =
        c.prepareStatement(
            "select r.id, r.family, r.user_id, r.epoch, r.expires_at, r.used_at, t.slug,"
                + " u.session_epoch, r.sso_session from refresh_tokens r join users u on u.id = r.user_id"
                + " left join tenants t on t.id = r.tenant_id where r.token_hash = ?"
                + " for update of r")) {
      ps.setString(1, tokenHash);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Claimed.refused("This refresh token is not valid: sign in again.");
        }
        id = rs.getLong("id");
        family = rs.getObject("family", UUID.class);
        userId = rs.getLong("user_id");
        epoch = rs.getLong("epoch");
        expires = rs.getTimestamp("expires_at").toInstant();
        used = rs.getTimestamp("used_at") != null;
        slug = rs.getString("slug");
        currentEpoch = rs.getLong("session_epoch");
        ssoSession = rs.getString("sso_session");
      }
    }
    if (used || currentEpoch > epoch) {
      deleteFamily(c, family);
      return Claimed.refused(
          used
              ? "This refresh token was already used; this sign-in has been revoked everywhere."
              : REVOKED);
    }
    if (!expires.isAfter(now)) {
      deleteFamily(c, family);
      return Claimed.refused("This refresh token has expired: sign in again.");
    }
    try (PreparedStatement ps =
        c.prepareStatement("update refresh_tokens set used_at = ? where id = ?")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setLong(2, id);
      ps.executeUpdate();
    }
    return new Claimed(null, family, userId, slug, epoch, ssoSession);
  }

  private void deleteFamily(UUID family) {
    tx.platform(
        c -> {
          deleteFamily(c, family);
          return null;
        });
  }

  private static void deleteFamily(Connection c, UUID family) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("delete from refresh_tokens where family = ?")) {
      ps.setObject(1, family);
      ps.executeUpdate();
    }
  }

  /** Inserts a refresh token; returns the epoch stored with it (the user's current one if null). */
  private static long insert(
      Connection c,
      UUID family,
      AuthenticatedUser user,
      String token,
      Instant expires,
      Long epoch,
      String ssoSession)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into refresh_tokens (family, user_id, tenant_id, token_hash, epoch, expires_at,"
                + " sso_session) select ?, u.id, ?, ?, coalesce(?, u.session_epoch), ?, ? from users"
                + " u where u.id = ? returning epoch")) {
      ps.setObject(1, family);
      ps.setObject(2, user.tenant() == null ? null : user.tenant().id());
      ps.setString(3, hash(token));
      ps.setObject(4, epoch);
      ps.setTimestamp(5, Timestamp.from(expires));
      ps.setString(6, ssoSession);
      ps.setLong(7, user.userId());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new DomainException(DomainException.Kind.UNAUTHORIZED, REVOKED);
        }
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      if ("23503".equals(e.getSQLState())) { // the membership went away meanwhile
        throw new DomainException(DomainException.Kind.UNAUTHORIZED, REVOKED);
      }
      throw e;
    }
  }

  private State state(long userId, Long tenantId) {
    Key key = new Key(userId, tenantId == null ? 0 : tenantId);
    Instant now = clock.instant();
    Cached cached = cache.get(key);
    if (cached != null && cached.loadedAt().plus(cacheTtl).isAfter(now)) {
      return cached.state();
    }
    State state = load(userId, tenantId);
    if (!cacheTtl.isZero()) {
      cache.put(key, new Cached(state, now));
    }
    return state;
  }

  private State load(long userId, Long tenantId) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select u.session_epoch, u.platform_role, t.slug, t.status, m.role,"
                      + " coalesce(ru.status = 'SUSPENDED' or rt.status = 'SUSPENDED', false)"
                      + " as reseller_suspended from users u"
                      + " left join memberships m on m.user_id = u.id and m.tenant_id = ?"
                      + " left join tenants t on t.id = m.tenant_id"
                      + " left join resellers ru on ru.id = u.reseller_id"
                      + " left join resellers rt on rt.id = t.reseller_id where u.id = ?")) {
            ps.setLong(1, tenantId == null ? 0 : tenantId);
            ps.setLong(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return new State(false, 0, null, null, null, null, false);
              }
              String platformRole = rs.getString("platform_role");
              String status = rs.getString("status");
              String role = rs.getString("role");
              return new State(
                  true,
                  rs.getLong("session_epoch"),
                  platformRole == null ? null : Role.valueOf(platformRole),
                  rs.getString("slug"),
                  status == null ? null : TenantStatus.valueOf(status),
                  role == null ? null : Role.valueOf(role),
                  rs.getBoolean("reseller_suspended"));
            }
          }
        });
  }

  private static Set<String> labels(Set<Role> roles) {
    Set<String> labels = new HashSet<>();
    roles.forEach(r -> labels.add(r.label()));
    return labels;
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
