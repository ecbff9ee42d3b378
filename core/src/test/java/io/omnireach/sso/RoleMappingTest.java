package io.omnireach.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.user.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleMappingTest {

  private static final Map<String, Role> MAPPING =
      Map.of("omni-admins", Role.ADMIN, "sales", Role.SALES, "billing", Role.FINANCE);

  @Test
  void the_most_privileged_mapped_value_wins() {
    Map<String, Object> claims = Map.of("groups", List.of("billing", "sales", "other"));
    assertThat(RoleMapping.resolve(claims, "groups", MAPPING, Role.VIEWER)).isEqualTo(Role.SALES);
  }

  @Test
  void nothing_mapped_or_no_claim_gives_the_default_role() {
    assertThat(
            RoleMapping.resolve(Map.of("groups", List.of("other")), "groups", MAPPING, Role.VIEWER))
        .isEqualTo(Role.VIEWER);
    assertThat(RoleMapping.resolve(Map.of(), "groups", MAPPING, Role.FINANCE))
        .isEqualTo(Role.FINANCE);
  }

  @Test
  void a_dotted_path_reaches_nested_claims_and_a_single_string_counts() {
    Map<String, Object> claims =
        Map.of("realm_access", Map.of("roles", List.of("offline_access", "omni-admins")));
    assertThat(RoleMapping.resolve(claims, "realm_access.roles", MAPPING, Role.VIEWER))
        .isEqualTo(Role.ADMIN);
    assertThat(RoleMapping.resolve(Map.of("role", "billing"), "role", MAPPING, Role.VIEWER))
        .isEqualTo(Role.FINANCE);
    assertThat(RoleMapping.resolve(Map.of("groups", "x"), "groups.deeper", MAPPING, Role.SALES))
        .isEqualTo(Role.SALES);
  }
}
