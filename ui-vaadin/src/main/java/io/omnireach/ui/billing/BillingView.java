package io.omnireach.ui.billing;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.inject.Inject;

/**
 * Billing of the tenant, for Admins and Finance: a header and its sections, one below the other.
 * usage this period, the plan with its limits, the invoices.
 */
@Route(value = "billing", layout = MainLayout.class)
@PageTitle("Billing")
@Requires(Permission.BILLING_READ)
public class BillingView extends Div {

  private final Div sections = new Div();

  @Inject
  public BillingView(UsageSection usage, BillingDesk desk) {
    AuthenticatedUser user = UiSession.require();
    addClassName("omni-page");
    addClassName("omni-billing");
    H2 title = new H2("Billing");
    Span sub =
        new Span(
            "Usage and charges of "
                + user.tenant().displayName()
                + ". Figures are exact to the last action; days are UTC.");
    sub.addClassName("omni-muted");
    Div head = new Div(title, sub);
    head.addClassName("omni-billing-head");
    sections.addClassName("omni-billing-sections");
    sections.setId("billing-sections");
    sections.add(usage, new PlanSection(desk, user), new InvoicesSection(desk, user));
    add(head, sections);
  }

  /** Where the billing sections stack. */
  public Div sections() {
    return sections;
  }
}
