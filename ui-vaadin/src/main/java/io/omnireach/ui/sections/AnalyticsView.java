package io.omnireach.ui.sections;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;

/** Analytics: empty until the feature that fills it lands. */
@Route(value = "analytics", layout = MainLayout.class)
@PageTitle("Analytics")
@PermitAll
public class AnalyticsView extends EmptyState {

  public AnalyticsView() {
    super(
        VaadinIcon.CHART,
        "Numbers appear with your first send",
        "Sent, opened, replied and booked — per persona, per mailbox and per workflow step, with trends over time.");
  }
}
