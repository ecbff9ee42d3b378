package io.omnireach.ui.sections;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;

/** Runs: empty until the feature that fills it lands. */
@Route(value = "runs", layout = MainLayout.class)
@PageTitle("Runs")
@PermitAll
public class RunsView extends EmptyState {

  public RunsView() {
    super(
        VaadinIcon.PLAY_CIRCLE_O,
        "Nothing is running",
        "When leads are enrolled in a workflow, each run appears here with its current step, its log and any retries.");
  }
}
