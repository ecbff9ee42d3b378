package io.omnireach.ui.shell;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.ui.console.TenantsView;

/** The drawer of an operator signed in without a tenant: the console's sections for their role. */
final class OperatorNavigation {

  private OperatorNavigation() {}

  static void addTo(SideNav nav, AuthenticatedUser user) {
    nav.addItem(new SideNavItem("Tenants", TenantsView.class, VaadinIcon.BUILDING.create()));
  }
}
