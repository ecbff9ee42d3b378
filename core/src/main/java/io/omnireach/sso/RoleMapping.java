package io.omnireach.sso;

import io.omnireach.user.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Maps an IdP claim to one tenant role. The claim is a name or a dotted path ({@code
 * realm_access.roles}); its value a string or a list of strings. When several values map, the most
 * privileged role wins (Admin, Sales, Finance, Viewer); when none does, the default role.
 */
public final class RoleMapping {

  private static final List<Role> BY_PRIVILEGE =
      List.of(Role.ADMIN, Role.SALES, Role.FINANCE, Role.VIEWER);

  private RoleMapping() {}

  public static Role resolve(
      Map<String, Object> claims, String claimPath, Map<String, Role> mapping, Role defaultRole) {
    List<String> values = values(claims, claimPath);
    for (Role role : BY_PRIVILEGE) {
      for (String value : values) {
        if (mapping.get(value) == role) {
          return role;
        }
      }
    }
    return defaultRole;
  }

  /** The claim's string values; empty when it is missing. */
  static List<String> values(Map<String, Object> claims, String claimPath) {
    Object node = claims;
    for (String part : claimPath.split("\\.")) {
      if (!(node instanceof Map<?, ?> map)) {
        return List.of();
      }
      node = map.get(part);
    }
    List<String> values = new ArrayList<>();
    if (node instanceof Collection<?> list) {
      list.forEach(v -> values.add(String.valueOf(v)));
    } else if (node != null) {
      values.add(String.valueOf(node));
    }
    return values;
  }
}
