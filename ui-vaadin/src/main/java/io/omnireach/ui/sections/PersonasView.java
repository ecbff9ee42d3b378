package io.omnireach.ui.sections;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;

/** Personas: empty until the feature that fills it lands. */
@Route(value = "personas", layout = MainLayout.class)
@PageTitle("Personas")
@PermitAll
public class PersonasView extends EmptyState {

  public PersonasView() {
    super(
        VaadinIcon.USER_CARD,
        "Give your outreach a voice",
        "Personas hold tone, writing samples, value propositions and a signature, so every AI-written message sounds like your best rep.");
  }
}
