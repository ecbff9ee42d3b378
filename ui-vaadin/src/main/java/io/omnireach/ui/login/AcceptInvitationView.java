package io.omnireach.ui.login;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.omnireach.auth.InvitationAcceptance;
import io.omnireach.common.DomainException;
import io.omnireach.ui.security.UiSession;
import io.omnireach.user.PasswordHasher;
import jakarta.inject.Inject;
import java.util.List;

/** Where an invitation link lands: choose a name and password, then sign in. */
@Route("accept-invitation")
@PageTitle("Join your team · OmniReach")
@AnonymousAllowed
public class AcceptInvitationView extends Div implements BeforeEnterObserver {

  private final InvitationAcceptance acceptance;
  private final TextField name = new TextField("Your name");
  private final PasswordField password = new PasswordField("Choose a password");
  private final Paragraph error = new Paragraph();
  private String token;

  @Inject
  public AcceptInvitationView(InvitationAcceptance acceptance) {
    this.acceptance = acceptance;
    addClassName("omni-login");
    name.setWidthFull();
    password.setWidthFull();
    password.setHelperText("At least " + PasswordHasher.MIN_LENGTH + " characters.");
    error.addClassName("omni-error");
    error.setVisible(false);
    Button join = new Button("Join workspace", e -> accept());
    join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    join.setWidthFull();
    Div card =
        new Div(
            new H2("You're invited"),
            new Paragraph("Set up your account to join the workspace."),
            error,
            name,
            password,
            join);
    card.addClassName("omni-login-card");
    card.addClassName("omni-form-card");
    Div right = new Div(card);
    right.addClassName("omni-login-right");
    right.addClassName("omni-full");
    add(right);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    token =
        event
            .getLocation()
            .getQueryParameters()
            .getParameters()
            .getOrDefault("token", List.of(""))
            .get(0);
  }

  private void accept() {
    try {
      acceptance.accept(token, name.getValue(), password.getValue(), UiSession.clientAddress());
      getUI().ifPresent(ui -> ui.navigate("login"));
    } catch (DomainException e) {
      error.setText(e.getMessage());
      error.setVisible(true);
    }
  }
}
