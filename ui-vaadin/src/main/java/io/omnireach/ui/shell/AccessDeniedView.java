package io.omnireach.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.ui.security.AccessControl;
import io.omnireach.ui.security.UiSession;
import jakarta.annotation.security.RolesAllowed;

/** Shown when a signed-in user opens a view their role does not allow (every role may see it). */
@Route(value = "access-denied", layout = MainLayout.class)
@PageTitle("Access denied")
@RolesAllowed({"Owner", "Reseller", "Admin", "Sales", "Viewer", "Finance", "Member"})
public class AccessDeniedView extends EmptyState {

  public AccessDeniedView() {
    super(
        VaadinIcon.LOCK,
        "This page is not for your role",
        "Ask an Admin of your workspace if you need access.",
        actions());
  }

  /** Finance sees no sales data: point it back to what it may see. */
  private static Component[] actions() {
    boolean finance = UiSession.user().map(AccessControl::financeOnly).orElse(false);
    if (!finance) {
      return new Component[0];
    }
    Anchor billing = new Anchor("billing", "Go to Billing");
    billing.setId("access-denied-billing");
    billing.addClassName("omni-empty-link");
    return new Component[] {billing};
  }
}
