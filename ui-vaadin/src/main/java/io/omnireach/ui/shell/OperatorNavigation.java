package io.omnireach.ui.shell;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.ui.audit.PlatformAuditView;
import io.omnireach.ui.billing.FinanceView;
import io.omnireach.ui.brand.ResellerBrandView;
import io.omnireach.ui.console.MarketplaceSourcesView;
import io.omnireach.ui.console.ResellerBlocksView;
import io.omnireach.ui.console.ResellersView;
import io.omnireach.ui.console.TenantsView;
import io.omnireach.user.Role;

/** The drawer of an operator signed in without a tenant: the console's sections for their role. */
final class OperatorNavigation {

  private OperatorNavigation() {}

  static void addTo(SideNav nav, AuthenticatedUser user) {
    if (user.has(Role.OWNER)) {
      nav.addItem(new SideNavItem("Resellers", ResellersView.class, VaadinIcon.HANDSHAKE.create()));
    }
    nav.addItem(new SideNavItem("Tenants", TenantsView.class, VaadinIcon.BUILDING.create()));
    nav.addItem(new SideNavItem("Finance", FinanceView.class, VaadinIcon.WALLET.create()));
    if (user.has(Role.OWNER)) {
      SideNavItem audit =
          new SideNavItem("Audit log", PlatformAuditView.class, VaadinIcon.FILE_TEXT_O.create());
      audit.setId("nav-audit");
      nav.addItem(audit);
      SideNavItem sources =
          new SideNavItem("Marketplace", MarketplaceSourcesView.class, VaadinIcon.SHOP.create());
      sources.setId("nav-marketplace-sources");
      nav.addItem(sources);
    }
    if (!user.has(Role.OWNER) && user.resellerId() != null) {
      nav.addItem(new SideNavItem("Brand", ResellerBrandView.class, VaadinIcon.PALETTE.create()));
      SideNavItem blocks =
          new SideNavItem("Blocks", ResellerBlocksView.class, VaadinIcon.PACKAGE.create());
      blocks.setId("nav-reseller-blocks");
      nav.addItem(blocks);
    }
  }
}
