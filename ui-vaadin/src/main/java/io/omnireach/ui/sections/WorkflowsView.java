package io.omnireach.ui.sections;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;

/** Workflows: empty until the feature that fills it lands. */
@Route(value = "workflows", layout = MainLayout.class)
@PageTitle("Workflows")
@PermitAll
public class WorkflowsView extends EmptyState {

  public WorkflowsView() {
    super(
        VaadinIcon.CONNECT,
        "Draw your first sequence",
        "Drag touches, waits and decisions onto a canvas. Published workflows run for thousands of leads and survive restarts.");
  }
}
