package io.omnireach.ui.settings;

import io.omnireach.tenant.TenantRef;
import io.omnireach.user.CustomRoles;
import io.omnireach.user.Member;
import io.omnireach.user.Role;
import java.util.ArrayList;
import java.util.List;

/** One entry of a role picker: a built-in role, or a custom role of the workspace (by id). */
record RoleChoice(Role role, Long customRoleId, String name) {

  static RoleChoice of(Member m) {
    return new RoleChoice(m.role(), m.customRoleId(), m.roleName());
  }

  static RoleChoice builtIn(Role role) {
    return new RoleChoice(role, null, role.label());
  }

  /** The built-in tenant roles, then the workspace's custom roles. */
  static List<RoleChoice> all(CustomRoles roles, TenantRef tenant) {
    List<RoleChoice> result = new ArrayList<>();
    for (Role r : Role.values()) {
      if (r.isBuiltIn()) {
        result.add(builtIn(r));
      }
    }
    roles.list(tenant).forEach(c -> result.add(new RoleChoice(Role.MEMBER, c.id(), c.name())));
    return result;
  }
}
