package io.omnireach.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantStatus;
import io.omnireach.ui.analytics.AnalyticsView;
import io.omnireach.ui.billing.BillingView;
import io.omnireach.ui.dashboard.DashboardView;
import io.omnireach.ui.lead.LeadsView;
import io.omnireach.ui.settings.SettingsView;
import io.omnireach.ui.shell.AccessDeniedView;
import io.omnireach.ui.workflow.WorkflowsView;
import io.omnireach.user.Permission;
import io.omnireach.user.Role;
import io.omnireach.user.RolePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Finance sees billing and nothing with sales data; billing is for Admins and Finance. The views'
 * permissions are checked against the built-in roles' permission sets.
 */
class AccessControlTest {

  static final Tenant ACME =
      new Tenant(
          1,
          "acme",
          "Acme",
          null,
          TenantStatus.ACTIVE,
          new Tenant.Branding(null, null),
          Instant.EPOCH);

  static AuthenticatedUser as(Role role) {
    return new AuthenticatedUser(7, "x@acme.test", "X", ACME, Set.of(role), null);
  }

  static final List<Class<?>> SALES_DATA =
      List.of(
          DashboardView.class,
          LeadsView.class,
          WorkflowsView.class,
          AnalyticsView.class,
          SettingsView.class);

  @Test
  void finance_opens_billing_and_the_access_denied_page_only() {
    AuthenticatedUser finance = as(Role.FINANCE);
    assertThat(AccessControl.financeOnly(finance)).isTrue();
    assertThat(allowed(BillingView.class, finance)).isTrue();
    assertThat(allowed(AccessDeniedView.class, finance)).isTrue();
    for (Class<?> view : SALES_DATA) {
      assertThat(allowed(view, finance)).as(view.getSimpleName()).isFalse();
    }
  }

  @Test
  void admins_see_billing_and_everything_else_sales_and_viewers_no_billing() {
    for (Role role : List.of(Role.ADMIN, Role.SALES, Role.VIEWER)) {
      AuthenticatedUser user = as(role);
      assertThat(AccessControl.financeOnly(user)).isFalse();
      assertThat(allowed(BillingView.class, user)).as(role.label()).isEqualTo(role == Role.ADMIN);
      for (Class<?> view : SALES_DATA) {
        assertThat(allowed(view, user)).as(role + " " + view).isTrue();
      }
    }
  }

  @Test
  void a_custom_role_member_opens_exactly_the_views_its_permissions_name() {
    AuthenticatedUser member = as(Role.MEMBER);
    Set<Permission> granted = Set.of(Permission.LEADS_READ, Permission.BILLING_READ);
    assertThat(AccessControl.isAllowed(LeadsView.class, member, granted::contains)).isTrue();
    assertThat(AccessControl.isAllowed(BillingView.class, member, granted::contains)).isTrue();
    assertThat(AccessControl.isAllowed(WorkflowsView.class, member, granted::contains)).isFalse();
    assertThat(AccessControl.isAllowed(SettingsView.class, member, granted::contains)).isFalse();
    assertThat(AccessControl.isAllowed(AccessDeniedView.class, member, granted::contains)).isTrue();
  }

  private static boolean allowed(Class<?> view, AuthenticatedUser user) {
    Role role = user.roles().iterator().next();
    return AccessControl.isAllowed(view, user, RolePermissions.of(role)::contains);
  }
}
