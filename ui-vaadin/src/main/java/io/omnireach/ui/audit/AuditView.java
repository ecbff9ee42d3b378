package io.omnireach.ui.audit;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.audit.AuditLog;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.inject.Inject;

/** The workspace's audit log for its admins. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log")
@Requires(Permission.AUDIT_READ)
public class AuditView extends Div {

  @Inject
  public AuditView(AuditLog audit) {
    setSizeFull();
    add(
        new AuditPanel(
            audit,
            UiSession.require().tenant().slug(),
            "Audit log",
            "Every sign-in, role, settings and policy change, export, deletion and blocked send in"
                + " this workspace, with who did it and from where. Entries cannot be changed,"
                + " and each is chained to the one before it: \"Verify chain\" recomputes them."));
  }
}
