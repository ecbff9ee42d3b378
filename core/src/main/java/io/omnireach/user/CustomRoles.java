package io.omnireach.user;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's custom roles (platform.custom_roles) and their assignment to members. Every query is
 * bound to the caller's tenant, so another tenant's role ids read as "not found". Changes are
 * audited and drop the cached permissions of the tenant.
 */
public final class CustomRoles {

  private static final int MAX_NAME = 60;
  private static final int MAX_DESCRIPTION = 500;

  private final Transactions tx;
  private final EffectivePermissions permissions;

  public CustomRoles(Transactions tx, EffectivePermissions permissions) {
    this.tx = tx;
    this.permissions = permissions;
  }

  public List<CustomRole> list(TenantRef tenant) {
    return tx.platform(c -> query(c, tenant, null));
  }

  public CustomRole get(TenantRef tenant, long id) {
    return tx.platform(c -> one(c, tenant, id));
  }

  public CustomRole create(
      TenantRef tenant,
      String name,
      String description,
      Collection<Permission> granted,
      String actor) {
    String cleanName = name(name);
    String cleanDescription = description(description);
    Set<Permission> set = permissions(granted);
    return tx.platform(
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into custom_roles (tenant_id, name, description, permissions)"
                      + " values (?, ?, ?, ?) on conflict do nothing returning id")) {
            ps.setLong(1, tenant.id());
            ps.setString(2, cleanName);
            ps.setString(3, cleanDescription);
            ps.setArray(4, c.createArrayOf("text", codes(set)));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw taken(cleanName);
              }
              id = rs.getLong(1);
            }
          }
          AuditLog.record(c, actor, tenant.slug(), "role.create", cleanName, null, summary(set));
          return one(c, tenant, id);
        });
  }

  public CustomRole update(
      TenantRef tenant,
      long id,
      String name,
      String description,
      Collection<Permission> granted,
      String actor) {
    String cleanName = name(name);
    String cleanDescription = description(description);
    Set<Permission> set = permissions(granted);
    CustomRole updated =
        tx.platform(
            c -> {
              CustomRole before = one(c, tenant, id);
              if (!before.name().equalsIgnoreCase(cleanName) && nameTaken(c, tenant, cleanName)) {
                throw taken(cleanName);
              }
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "update custom_roles set name = ?, description = ?, permissions = ?,"
                          + " updated_at = now() where id = ? and tenant_id = ?")) {
                ps.setString(1, cleanName);
                ps.setString(2, cleanDescription);
                ps.setArray(3, c.createArrayOf("text", codes(set)));
                ps.setLong(4, id);
                ps.setLong(5, tenant.id());
                ps.executeUpdate();
              }
              AuditLog.record(
                  c,
                  actor,
                  tenant.slug(),
                  "role.update",
                  cleanName,
                  before.name() + ": " + summary(before.permissions()),
                  cleanName + ": " + summary(set));
              return one(c, tenant, id);
            });
    permissions.tenantChanged(tenant.id());
    return updated;
  }

  /** Deletes an unused role; 409 while members or open invitations hold it. */
  public void delete(TenantRef tenant, long id, String actor) {
    tx.platform(
        c -> {
          CustomRole role = one(c, tenant, id);
          if (role.members() > 0) {
            throw DomainException.conflict(
                "id",
                "The role '"
                    + role.name()
                    + "' is held by "
                    + role.members()
                    + " member(s): give them another role first.");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select count(*) from invitations where custom_role_id = ? and tenant_id = ?"
                      + " and accepted_at is null and expires_at > now()")) {
            ps.setLong(1, id);
            ps.setLong(2, tenant.id());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              if (rs.getInt(1) > 0) {
                throw DomainException.conflict(
                    "id",
                    "The role '" + role.name() + "' is offered in an open invitation: revoke it.");
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("delete from custom_roles where id = ? and tenant_id = ?")) {
            ps.setLong(1, id);
            ps.setLong(2, tenant.id());
            ps.executeUpdate();
          }
          AuditLog.record(
              c,
              actor,
              tenant.slug(),
              "role.delete",
              role.name(),
              summary(role.permissions()),
              null);
          return null;
        });
    permissions.tenantChanged(tenant.id());
  }

  /** Gives a member a custom role (their role becomes MEMBER); keeps at least one Admin. */
  public void assign(TenantRef tenant, long userId, long roleId, String actor) {
    tx.platform(
        c -> {
          CustomRole role = one(c, tenant, roleId);
          Role current = UserDirectory.lockedRole(c, tenant, userId);
          if (current == Role.ADMIN) {
            UserDirectory.requireAnotherAdmin(c, tenant, userId);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update memberships set role = 'MEMBER', custom_role_id = ?"
                      + " where tenant_id = ? and user_id = ?")) {
            ps.setLong(1, roleId);
            ps.setLong(2, tenant.id());
            ps.setLong(3, userId);
            ps.executeUpdate();
          }
          AuditLog.record(
              c, actor, tenant.slug(), "user.role", "" + userId, current.label(), role.name());
          return null;
        });
    permissions.tenantChanged(tenant.id());
  }

  private static CustomRole one(Connection c, TenantRef tenant, long id) throws SQLException {
    List<CustomRole> found = query(c, tenant, id);
    if (found.isEmpty()) {
      throw DomainException.notFound("No role " + id + " in this workspace.");
    }
    return found.get(0);
  }

  private static List<CustomRole> query(Connection c, TenantRef tenant, Long id)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select r.id, r.name, r.description, r.permissions,"
                + " (select count(*) from memberships m where m.custom_role_id = r.id) as members"
                + " from custom_roles r where r.tenant_id = ?"
                + (id == null ? "" : " and r.id = ?")
                + " order by lower(r.name)")) {
      ps.setLong(1, tenant.id());
      if (id != null) {
        ps.setLong(2, id);
      }
      List<CustomRole> result = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          result.add(
              new CustomRole(
                  rs.getLong("id"),
                  rs.getString("name"),
                  rs.getString("description"),
                  EffectivePermissions.decode(rs.getArray("permissions")),
                  rs.getInt("members")));
        }
      }
      return result;
    }
  }

  private static boolean nameTaken(Connection c, TenantRef tenant, String name)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select 1 from custom_roles where tenant_id = ? and lower(name) = lower(?)")) {
      ps.setLong(1, tenant.id());
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static DomainException taken(String name) {
    return DomainException.conflict("name", "A role named '" + name + "' already exists.");
  }

  private static String name(String name) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.length() > MAX_NAME) {
      throw DomainException.invalid("name", "Name is required (at most " + MAX_NAME + " chars).");
    }
    for (Role builtIn : Role.values()) {
      if (builtIn.label().equalsIgnoreCase(clean)) {
        throw DomainException.conflict("name", "'" + clean + "' is a built-in role's name.");
      }
    }
    return clean;
  }

  private static String description(String description) {
    String clean = description == null ? "" : description.strip();
    if (clean.length() > MAX_DESCRIPTION) {
      throw DomainException.invalid(
          "description", "Description is at most " + MAX_DESCRIPTION + " characters.");
    }
    return clean;
  }

  private static Set<Permission> permissions(Collection<Permission> granted) {
    if (granted == null || granted.isEmpty()) {
      throw DomainException.invalid("permissions", "Pick at least one permission.");
    }
    return EnumSet.copyOf(granted);
  }

  private static String[] codes(Set<Permission> set) {
    return set.stream().map(Permission::code).toArray(String[]::new);
  }

  private static String summary(Set<Permission> set) {
    return set.stream().map(Permission::code).collect(Collectors.joining(","));
  }
}
