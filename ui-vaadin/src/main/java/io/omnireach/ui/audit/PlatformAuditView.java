package io.omnireach.ui.audit;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.audit.AuditLog;
import io.omnireach.ui.shell.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** The Owner's audit log: every tenant's entries and the platform's own. */
@Route(value = "console/audit", layout = MainLayout.class)
@PageTitle("Audit log")
@RolesAllowed("Owner")
public class PlatformAuditView extends Div {

  @Inject
  public PlatformAuditView(AuditLog audit) {
    setSizeFull();
    add(
        new AuditPanel(
            audit,
            null,
            "Platform audit log",
            "What operators and every tenant's people did: tenants, resellers, prices and"
                + " invoices, sign-ins, settings and policies. Each tenant's entries form a hash"
                + " chain of their own, and so do the platform's."));
  }
}
