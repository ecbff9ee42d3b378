package io.omnireach.ui.sections;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;

/** Leads: empty until the feature that fills it lands. */
@Route(value = "leads", layout = MainLayout.class)
@PageTitle("Leads")
@PermitAll
public class LeadsView extends EmptyState {

  public LeadsView() {
    super(
        VaadinIcon.USERS,
        "No leads yet",
        "Import a CSV from your CRM or add leads one by one. Every lead gets a stage, an owner, consent per channel and a timeline of every touch.");
  }
}
