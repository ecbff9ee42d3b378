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
import io.omnireach.user.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Finance sees billing and nothing with sales data; billing is for Admins and Finance. */
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
    assertThat(AccessControl.isAllowed(BillingView.class, finance)).isTrue();
    assertThat(AccessControl.isAllowed(AccessDeniedView.class, finance)).isTrue();
    for (Class<?> view : SALES_DATA) {
      assertThat(AccessControl.isAllowed(view, finance)).as(view.getSimpleName()).isFalse();
    }
  }

  @Test
  void admins_see_billing_and_everything_else_sales_and_viewers_no_billing() {
    for (Role role : List.of(Role.ADMIN, Role.SALES, Role.VIEWER)) {
      AuthenticatedUser user = as(role);
      assertThat(AccessControl.financeOnly(user)).isFalse();
      assertThat(AccessControl.isAllowed(BillingView.class, user))
          .as(role.label())
          .isEqualTo(role == Role.ADMIN);
      for (Class<?> view : SALES_DATA) {
        assertThat(AccessControl.isAllowed(view, user)).as(role + " " + view).isTrue();
      }
    }
  }
}
