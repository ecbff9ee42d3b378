package io.omnireach.ui.shell;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Shown when a signed-in user opens a view their role does not allow. */
@Route(value = "access-denied", layout = MainLayout.class)
@PageTitle("Access denied")
@PermitAll
public class AccessDeniedView extends EmptyState {

  public AccessDeniedView() {
    super(
        VaadinIcon.LOCK,
        "This page is not for your role",
        "Ask an Admin of your workspace if you need access.");
  }
}
