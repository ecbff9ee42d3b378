package io.omnireach.user;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.common.Emails;
import io.omnireach.db.Transactions;
import io.omnireach.mail.SystemMail;
import io.omnireach.tenant.TenantRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Invitations to join a tenant. The token is returned once, at creation, and mailed to the invitee
 * (the mail is queued in the same transaction as the invitation row); only its SHA-256 is stored,
 * so a database leak does not let anyone join.
 */
public final class Invitations {

  public static final Duration VALIDITY = Duration.ofDays(7);

  /** A new invitation and the secret token to put in the invitation link. */
  public record Created(Invitation invitation, String token) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Transactions tx;
  private final Clock clock;
  private final SeatPolicy seats;
  private final SystemMail mail;

  /** Invitations that are not mailed (the seed and tests that only need the rows). */
  public Invitations(Transactions tx, Clock clock, SeatPolicy seats) {
    this(tx, clock, seats, null);
  }

  /**
   * @param mail queues the invitation email with the invitation; null = no email
   */
  public Invitations(Transactions tx, Clock clock, SeatPolicy seats, SystemMail mail) {
    this.tx = tx;
    this.clock = clock;
    this.seats = seats;
    this.mail = mail;
  }

  public Created invite(TenantRef tenant, String email, Role role, long invitedBy, String actor) {
    return invite(tenant, email, role, null, invitedBy, actor);
  }

  /** Invites with a built-in role, or with a custom role of the tenant (role MEMBER). */
  public Created invite(
      TenantRef tenant, String email, Role role, Long customRoleId, long invitedBy, String actor) {
    String normalised = Emails.normalise("email", email);
    if (!role.isTenantRole() || (role == Role.MEMBER) != (customRoleId != null)) {
      throw DomainException.invalid(
          "role", "Invite with Admin, Sales, Viewer, Finance or one custom role.");
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    return tx.platform(
        c -> {
          if (isMember(c, tenant, normalised)) {
            throw DomainException.conflict("email", normalised + " is already a member.");
          }
          seats.requireSeat(tenant, seatsTaken(c, tenant, now));
          String roleName =
              customRoleId == null ? role.label() : customRoleName(c, tenant, customRoleId);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into invitations (tenant_id, email, role, token_hash, invited_by,"
                      + " expires_at, created_at, custom_role_id) values (?, ?, ?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, tenant.id());
            ps.setString(2, normalised);
            ps.setString(3, role.name());
            ps.setString(4, sha256(token));
            ps.setLong(5, invitedBy);
            ps.setTimestamp(6, Timestamp.from(now.plus(VALIDITY)));
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setObject(8, customRoleId);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              long id = keys.getLong(1);
              AuditLog.record(c, actor, tenant.slug(), "invitation.create", normalised, roleName);
              if (mail != null) {
                mail.invitation(
                    c,
                    tenant,
                    workspaceName(c, tenant),
                    id,
                    normalised,
                    roleName,
                    token,
                    now.plus(VALIDITY));
              }
              return new Created(
                  new Invitation(id, normalised, role, now, now.plus(VALIDITY), null, customRoleId),
                  token);
            }
          } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
              throw DomainException.conflict(
                  "email", normalised + " already has an open invitation.");
            }
            throw e;
          }
        });
  }

  public List<Invitation> list(TenantRef tenant) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select * from invitations where tenant_id = ? order by created_at desc")) {
            ps.setLong(1, tenant.id());
            List<Invitation> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.add(map(rs));
              }
            }
            return result;
          }
        });
  }

  public int countPending(TenantRef tenant) {
    Instant now = clock.instant();
    return (int) list(tenant).stream().filter(i -> i.isPending(now)).count();
  }

  public void revoke(TenantRef tenant, long invitationId, String actor) {
    tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "delete from invitations where id = ? and tenant_id = ? and accepted_at is null")) {
            ps.setLong(1, invitationId);
            ps.setLong(2, tenant.id());
            if (ps.executeUpdate() == 0) {
              throw DomainException.notFound("No open invitation " + invitationId + ".");
            }
          }
          AuditLog.record(c, actor, tenant.slug(), "invitation.revoke", "" + invitationId, null);
          return null;
        });
  }

  /** What the accept page shows about a pending invitation: whose workspace, which role. */
  public record Pending(
      long tenantId, String tenantSlug, String tenantName, String email, Role role) {}

  /** The invitation behind a link, while it can still be accepted; empty for any other token. */
  public Optional<Pending> pending(String token) {
    Instant now = clock.instant();
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select i.*, t.slug, t.display_name from invitations i"
                      + " join tenants t on t.id = i.tenant_id"
                      + " where i.token_hash = ? and t.status = 'ACTIVE'")) {
            ps.setString(1, sha256(token == null ? "" : token));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              Invitation invitation = map(rs);
              return invitation.isPending(now)
                  ? Optional.of(
                      new Pending(
                          rs.getLong("tenant_id"),
                          rs.getString("slug"),
                          rs.getString("display_name"),
                          invitation.email(),
                          invitation.role()))
                  : Optional.empty();
            }
          }
        });
  }

  /**
   * Accepts an invitation: creates the account when the email is new, or checks the password of the
   * existing account, then adds the membership. Returns the user id.
   */
  public long accept(String token, String displayName, String password) {
    Instant now = clock.instant();
    return tx.platform(
        c -> {
          Invitation invitation;
          long tenantId;
          String tenantSlug;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select i.*, t.slug from invitations i join tenants t on t.id = i.tenant_id"
                      + " where i.token_hash = ? for update of i")) {
            ps.setString(1, sha256(token == null ? "" : token));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw DomainException.notFound("This invitation does not exist.");
              }
              invitation = map(rs);
              tenantId = rs.getLong("tenant_id");
              tenantSlug = rs.getString("slug");
            }
          }
          if (!invitation.isPending(now)) {
            throw DomainException.conflict(
                "token", "This invitation has already been used or has expired.");
          }
          long userId = existingUser(c, invitation.email(), password);
          if (userId == 0) {
            userId =
                UserDirectory.createUser(c, invitation.email(), displayName, password, null, null);
          }
          UserDirectory.addMembership(
              c, userId, tenantId, invitation.role(), invitation.customRoleId());
          try (PreparedStatement ps =
              c.prepareStatement("update invitations set accepted_at = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, invitation.id());
            ps.executeUpdate();
          }
          AuditLog.record(
              c, invitation.email(), tenantSlug, "invitation.accept", invitation.email(), null);
          return userId;
        });
  }

  private static long existingUser(Connection c, String email, String password)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select id, password_hash from users where lower(email) = ?")) {
      ps.setString(1, email);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return 0;
        }
        if (!PasswordHasher.matches(password, rs.getString(2))) {
          throw new DomainException(
              DomainException.Kind.UNAUTHORIZED,
              "password",
              "An account with this email exists: enter its password to accept.");
        }
        return rs.getLong(1);
      }
    }
  }

  private static int seatsTaken(Connection c, TenantRef tenant, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select (select count(*) from memberships where tenant_id = ?)"
                + " + (select count(*) from invitations where tenant_id = ?"
                + " and accepted_at is null and expires_at > ?)")) {
      ps.setLong(1, tenant.id());
      ps.setLong(2, tenant.id());
      ps.setTimestamp(3, Timestamp.from(now));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static String workspaceName(Connection c, TenantRef tenant) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select display_name from tenants where id = ?")) {
      ps.setLong(1, tenant.id());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : tenant.slug();
      }
    }
  }

  private static boolean isMember(Connection c, TenantRef tenant, String email)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select 1 from memberships m join users u on u.id = m.user_id"
                + " where m.tenant_id = ? and lower(u.email) = ?")) {
      ps.setLong(1, tenant.id());
      ps.setString(2, email);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Invitation map(ResultSet rs) throws SQLException {
    Timestamp accepted = rs.getTimestamp("accepted_at");
    return new Invitation(
        rs.getLong("id"),
        rs.getString("email"),
        Role.valueOf(rs.getString("role")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        accepted == null ? null : accepted.toInstant(),
        rs.getObject("custom_role_id", Long.class));
  }

  /** The custom role's name; 404 when the id is not a role of this tenant. */
  private static String customRoleName(Connection c, TenantRef tenant, long id)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select name from custom_roles where id = ? and tenant_id = ?")) {
      ps.setLong(1, id);
      ps.setLong(2, tenant.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No role " + id + " in this workspace.");
        }
        return rs.getString(1);
      }
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
