package io.omnireach.ui.billing;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * TEMPORARY: shows {@link PlanSection} and {@link InvoicesSection} until the Billing view (built in
 * another branch) places them; delete this route then.
 */
@Route(value = "billing-sections", layout = MainLayout.class)
@PageTitle("Plan and invoices")
@RolesAllowed({"Admin", "Finance"})
public class BillingSectionsPreview extends Div {

  @Inject
  public BillingSectionsPreview(BillingDesk desk) {
    AuthenticatedUser user = UiSession.require();
    addClassNames("omni-page", "omni-billing");
    H2 title = new H2("Plan and invoices");
    Span sub =
        new Span("What your plan includes, this month's usage against it, and your invoices.");
    sub.addClassName("omni-muted");
    Div head = new Div(new Div(title, sub));
    head.addClassName("omni-console-head");
    add(head, new PlanSection(desk, user), new InvoicesSection(desk, user));
  }
}
