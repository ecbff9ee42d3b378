package io.omnireach.ui.login;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.omnireach.auth.InvitationAcceptance;
import io.omnireach.brand.BrandResolver;
import io.omnireach.brand.EffectiveBrand;
import io.omnireach.common.DomainException;
import io.omnireach.ui.security.UiSession;
import io.omnireach.user.Invitations;
import io.omnireach.user.PasswordHasher;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Where an invitation link lands: the workspace's brand, whose team and which role, then a name and
 * password. A used or expired link says so instead of showing a form that cannot work.
 */
@Route("accept-invitation")
@AnonymousAllowed
public class AcceptInvitationView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  private final InvitationAcceptance acceptance;
  private final BrandResolver brands;
  private final BrandPanel brandPanel = new BrandPanel();
  private final Div card = new Div();
  private final TextField name = new TextField("Your name");
  private final PasswordField password = new PasswordField("Choose a password");
  private final Paragraph error = new Paragraph();
  private String token;
  private String title;

  @Inject
  public AcceptInvitationView(InvitationAcceptance acceptance, BrandResolver brands) {
    this.acceptance = acceptance;
    this.brands = brands;
    addClassName("omni-login");
    name.setId("invitation-name");
    name.setWidthFull();
    password.setId("invitation-password");
    password.setWidthFull();
    password.setHelperText("At least " + PasswordHasher.MIN_LENGTH + " characters.");
    error.addClassName("omni-error");
    error.setId("invitation-error");
    error.setVisible(false);
    card.addClassName("omni-login-card");
    card.addClassName("omni-form-card");
    Div right = new Div(card);
    right.addClassName("omni-login-right");
    add(brandPanel, right);
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
    acceptance.pending(token).ifPresentOrElse(this::showInvitation, this::showUnusable);
  }

  private void showInvitation(Invitations.Pending invitation) {
    EffectiveBrand brand = brands.forTenant(invitation.tenantId());
    String product = brand.brand().productName();
    title = "Join " + invitation.tenantName() + " · " + product;
    brandPanel.show(
        brand,
        invitation.tenantName(),
        "Welcome to the team.",
        invitation.tenantName() + " runs its outreach on " + product + ".");
    TextField email = new TextField("Email");
    email.setId("invitation-email");
    email.setValue(invitation.email());
    email.setReadOnly(true);
    email.setWidthFull();
    Button join = new Button("Join " + invitation.tenantName(), e -> accept(invitation));
    join.setId("invitation-join");
    join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    join.setWidthFull();
    Paragraph what =
        new Paragraph(
            "You're invited to join "
                + invitation.tenantName()
                + " as "
                + article(invitation.role().label())
                + ". Choose your name and a password.");
    what.setId("invitation-summary");
    card.removeAll();
    card.add(new H2("You're invited"), what, error, email, name, password, join);
  }

  private void showUnusable() {
    brandPanel.show(
        brands.platform(),
        null,
        "Every lead, the right message, at the right time.",
        "AI-personalised, multi-channel outreach that runs itself.");
    title = "Invitation · " + brands.platform().brand().productName();
    Paragraph why =
        new Paragraph(
            "This invitation link has expired or was already used. Ask your workspace admin to"
                + " send a new one, or sign in if you already joined.");
    why.setId("invitation-unusable");
    card.removeAll();
    card.add(new H2("This link no longer works"), why, new Anchor("login", "Go to sign in"));
  }

  private void accept(Invitations.Pending invitation) {
    try {
      acceptance.accept(token, name.getValue(), password.getValue(), UiSession.clientAddress());
      // on the platform's own host the hint brands the login page; a custom host ignores it
      getUI().ifPresent(ui -> ui.navigate("login?joined&tenant=" + invitation.tenantSlug()));
    } catch (DomainException e) {
      error.setText(e.getMessage());
      error.setVisible(true);
    }
  }

  private static String article(String role) {
    return ("AEIOU".indexOf(role.charAt(0)) >= 0 ? "an " : "a ") + role;
  }

  @Override
  public String getPageTitle() {
    return title;
  }
}
