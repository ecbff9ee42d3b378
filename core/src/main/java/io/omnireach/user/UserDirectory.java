package io.omnireach.user;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.common.Emails;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Users and memberships in the platform schema. */
public final class UserDirectory {

  /** A user with the stored hash, for authentication only. */
  public record Credentials(UserAccount account, String passwordHash) {}

  private final Transactions tx;

  public UserDirectory(Transactions tx) {
    this.tx = tx;
  }

  public Optional<Credentials> credentials(String email) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select * from users where lower(email) = lower(?)")) {
            ps.setString(1, email == null ? "" : email.trim());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new Credentials(mapAccount(rs), rs.getString("password_hash")))
                  : Optional.empty();
            }
          }
        });
  }

  /** False when the tenant turned on "SSO only": its members sign in through its IdP. */
  public boolean passwordSignInAllowed(long tenantId) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select 1 from tenant_sso where tenant_id = ? and enabled and sso_only")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
              return !rs.next();
            }
          }
        });
  }

  public Optional<UserAccount> byId(long userId) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("select * from users where id = ?")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(mapAccount(rs)) : Optional.empty();
            }
          }
        });
  }

  public List<Membership> memberships(long userId) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select t.*, m.role from memberships m join tenants t on t.id = m.tenant_id"
                      + " where m.user_id = ? order by t.display_name")) {
            ps.setLong(1, userId);
            List<Membership> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.add(
                    new Membership(TenantDirectory.map(rs), Role.valueOf(rs.getString("role"))));
              }
            }
            return result;
          }
        });
  }

  /** Members of one tenant, admins first. */
  public List<Member> members(TenantRef tenant) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select u.id, u.email, u.display_name, u.last_login_at, m.role, m.created_at,"
                      + " m.custom_role_id, r.name as custom_role_name"
                      + " from memberships m join users u on u.id = m.user_id"
                      + " left join custom_roles r on r.id = m.custom_role_id"
                      + " where m.tenant_id = ? order by m.role, u.display_name")) {
            ps.setLong(1, tenant.id());
            List<Member> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.add(mapMember(rs));
              }
            }
            return result;
          }
        });
  }

  public Member member(TenantRef tenant, long userId) {
    return members(tenant).stream()
        .filter(m -> m.userId() == userId)
        .findFirst()
        .orElseThrow(() -> DomainException.notFound("No user " + userId + " in this tenant."));
  }

  /** Creates a user inside the caller's transaction; 409 when the email is taken. */
  public static long createUser(
      Connection c,
      String email,
      String displayName,
      String password,
      Role platformRole,
      Long resellerId)
      throws SQLException {
    String normalised = Emails.normalise("email", email);
    if (displayName == null || displayName.isBlank()) {
      throw DomainException.invalid("displayName", "Name is required.");
    }
    String hash = PasswordHasher.hash(password);
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into platform.users (email, display_name, password_hash, platform_role,"
                + " reseller_id) values (?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, normalised);
      ps.setString(2, displayName.trim());
      ps.setString(3, hash);
      ps.setString(4, platformRole == null ? null : platformRole.name());
      ps.setObject(5, resellerId);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw DomainException.conflict("email", "A user with email " + normalised + " exists.");
      }
      throw e;
    }
  }

  public static void addMembership(Connection c, long userId, long tenantId, Role role)
      throws SQLException {
    addMembership(c, userId, tenantId, role, null);
  }

  /** Adds or replaces a membership; {@code customRoleId} goes with role MEMBER only. */
  public static void addMembership(
      Connection c, long userId, long tenantId, Role role, Long customRoleId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into platform.memberships (user_id, tenant_id, role, custom_role_id)"
                + " values (?, ?, ?, ?) on conflict (user_id, tenant_id) do update"
                + " set role = excluded.role, custom_role_id = excluded.custom_role_id")) {
      ps.setLong(1, userId);
      ps.setLong(2, tenantId);
      ps.setString(3, role.name());
      ps.setObject(4, customRoleId);
      ps.executeUpdate();
    }
  }

  /** Changes a member's role; refuses to leave the tenant without an Admin. */
  public Member changeRole(TenantRef tenant, long userId, Role role, String actor) {
    tx.platform(
        c -> {
          Role current = lockedRole(c, tenant, userId);
          if (current == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherAdmin(c, tenant, userId);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update memberships set role = ?, custom_role_id = null"
                      + " where tenant_id = ? and user_id = ?")) {
            ps.setString(1, role.name());
            ps.setLong(2, tenant.id());
            ps.setLong(3, userId);
            ps.executeUpdate();
          }
          AuditLog.record(
              c, actor, tenant.slug(), "user.role", "" + userId, current.label(), role.label());
          return null;
        });
    return member(tenant, userId);
  }

  /** Removes a user from the tenant (the account stays for its other tenants). */
  public void removeMember(TenantRef tenant, long userId, String actor) {
    tx.platform(
        c -> {
          if (lockedRole(c, tenant, userId) == Role.ADMIN) {
            requireAnotherAdmin(c, tenant, userId);
          }
          try (PreparedStatement ps =
              c.prepareStatement("delete from memberships where tenant_id = ? and user_id = ?")) {
            ps.setLong(1, tenant.id());
            ps.setLong(2, userId);
            ps.executeUpdate();
          }
          AuditLog.record(c, actor, tenant.slug(), "user.remove", "" + userId, null);
          return null;
        });
  }

  public void recordLogin(long userId, Instant at) {
    tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("update users set last_login_at = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, userId);
            return ps.executeUpdate();
          }
        });
  }

  public int countMembers(TenantRef tenant) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select count(*) from memberships where tenant_id = ?")) {
            ps.setLong(1, tenant.id());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  static Role lockedRole(Connection c, TenantRef tenant, long userId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select role from memberships where tenant_id = ? and user_id = ? for update")) {
      ps.setLong(1, tenant.id());
      ps.setLong(2, userId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No user " + userId + " in this tenant.");
        }
        return Role.valueOf(rs.getString(1));
      }
    }
  }

  static void requireAnotherAdmin(Connection c, TenantRef tenant, long userId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select count(*) from memberships where tenant_id = ? and role = 'ADMIN'"
                + " and user_id <> ?")) {
      ps.setLong(1, tenant.id());
      ps.setLong(2, userId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getInt(1) == 0) {
          throw DomainException.conflict("role", "A tenant must keep at least one Admin.");
        }
      }
    }
  }

  private static UserAccount mapAccount(ResultSet rs) throws SQLException {
    String platformRole = rs.getString("platform_role");
    Timestamp lastLogin = rs.getTimestamp("last_login_at");
    return new UserAccount(
        rs.getLong("id"),
        rs.getString("email"),
        rs.getString("display_name"),
        platformRole == null ? null : Role.valueOf(platformRole),
        rs.getObject("reseller_id", Long.class),
        rs.getTimestamp("created_at").toInstant(),
        lastLogin == null ? null : lastLogin.toInstant());
  }

  private static Member mapMember(ResultSet rs) throws SQLException {
    Timestamp lastLogin = rs.getTimestamp("last_login_at");
    return new Member(
        rs.getLong("id"),
        rs.getString("email"),
        rs.getString("display_name"),
        Role.valueOf(rs.getString("role")),
        rs.getTimestamp("created_at").toInstant(),
        lastLogin == null ? null : lastLogin.toInstant(),
        rs.getObject("custom_role_id", Long.class),
        rs.getString("custom_role_name"));
  }
}
