package io.omnireach.auth;

import io.omnireach.tenant.Tenant;
import io.omnireach.user.Role;
import java.util.Set;

/**
 * Who signed in and for which tenant. {@code tenant} is null for an operator (Owner/Reseller)
 * signing in without a tenant.
 */
public record AuthenticatedUser(
    long userId,
    String email,
    String displayName,
    Tenant tenant,
    Set<Role> roles,
    Long resellerId) {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** True when the user may change data of the current tenant (Admin or Sales). */
  public boolean canWrite() {
    return roles.stream().anyMatch(r -> r.isTenantRole() && r.canWrite());
  }
}
