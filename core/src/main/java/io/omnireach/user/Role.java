package io.omnireach.user;

import io.omnireach.common.DomainException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Roles as they appear in JWT {@code groups} and {@code @RolesAllowed}: tenant roles Admin, Sales,
 * Viewer and Finance (billing and usage only, no sales data); Member, held by whoever has a
 * tenant's custom role (its permissions come from that role); operator roles Owner and Reseller.
 */
public enum Role {
  ADMIN("Admin", true),
  SALES("Sales", true),
  VIEWER("Viewer", true),
  FINANCE("Finance", true),
  MEMBER("Member", true),
  RESELLER("Reseller", false),
  OWNER("Owner", false);

  private final String label;
  private final boolean tenantRole;

  Role(String label, boolean tenantRole) {
    this.label = label;
    this.tenantRole = tenantRole;
  }

  /** The name used in tokens and role checks, e.g. "Admin". */
  public String label() {
    return label;
  }

  public boolean isTenantRole() {
    return tenantRole;
  }

  /** True when this role may change tenant data (Viewers only read). */
  public boolean canWrite() {
    return this == ADMIN || this == SALES;
  }

  /** True for the tenant roles that are permission sets of their own (all but MEMBER). */
  public boolean isBuiltIn() {
    return tenantRole && this != MEMBER;
  }

  /** Parses "Admin", "admin" or "ADMIN"; built-in tenant roles only (a custom role is by id). */
  public static Role tenantRole(String field, String value) {
    if (value != null) {
      for (Role role : values()) {
        if (role.isBuiltIn() && role.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
          return role;
        }
      }
    }
    throw DomainException.invalid(
        field,
        "Role must be one of "
            + Arrays.stream(values()).filter(Role::isBuiltIn).map(Role::label).toList()
            + ".");
  }
}
