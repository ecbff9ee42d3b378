package io.omnireach.ui.login;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.omnireach.auth.PasswordResets;
import io.omnireach.common.DomainException;
import io.omnireach.user.PasswordHasher;
import jakarta.inject.Inject;
import java.util.List;

/**
 * "Forgot password?": without a token it asks for the email and mails a link; with the link's
 * {@code ?token=} it sets the new password, then sends the user to sign in.
 */
@Route("reset-password")
@PageTitle("Reset your password · OmniReach")
@AnonymousAllowed
public class ResetPasswordView extends Div implements BeforeEnterObserver {

  private final PasswordResets resets;
  private final Div card = new Div();
  private final Paragraph error = new Paragraph();

  @Inject
  public ResetPasswordView(PasswordResets resets) {
    this.resets = resets;
    addClassName("omni-login");
    error.addClassName("omni-error");
    error.setId("reset-error");
    card.addClassNames("omni-login-card", "omni-form-card");
    card.setId("reset-card");
    Div right = new Div(card);
    right.addClassNames("omni-login-right", "omni-full");
    add(right);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String token =
        event
            .getLocation()
            .getQueryParameters()
            .getParameters()
            .getOrDefault("token", List.of(""))
            .get(0);
    if (token.isBlank()) {
      askForLink();
    } else {
      chooseNewPassword(token);
    }
  }

  private void askForLink() {
    EmailField email = new EmailField("Work email");
    email.setId("reset-email");
    email.setWidthFull();
    Button send = new Button("Email me a reset link");
    send.setId("reset-send");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    send.setWidthFull();
    send.addClickShortcut(Key.ENTER);
    send.addClickListener(
        e -> {
          try {
            resets.request(email.getValue(), VaadinRequest.getCurrent().getRemoteAddr());
            show(
                new H2("Check your email"),
                done(
                    "If an account exists for "
                        + email.getValue().strip()
                        + ", we have emailed it a link to choose a new password. The link works"
                        + " once, for "
                        + PasswordResets.VALIDITY.toMinutes()
                        + " minutes."),
                backToSignIn());
          } catch (DomainException ex) {
            fail(ex);
          }
        });
    show(
        new H2("Forgot your password?"),
        new Paragraph("Enter the email you sign in with and we'll send you a link to reset it."),
        error,
        email,
        send,
        backToSignIn());
    error.setVisible(false);
  }

  private void chooseNewPassword(String token) {
    PasswordField password = new PasswordField("New password");
    password.setId("reset-password");
    password.setWidthFull();
    password.setHelperText("At least " + PasswordHasher.MIN_LENGTH + " characters.");
    PasswordField repeat = new PasswordField("Repeat the new password");
    repeat.setId("reset-repeat");
    repeat.setWidthFull();
    Button save = new Button("Set new password");
    save.setId("reset-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setWidthFull();
    save.addClickShortcut(Key.ENTER);
    save.addClickListener(
        e -> {
          if (!password.getValue().equals(repeat.getValue())) {
            repeat.setInvalid(true);
            repeat.setErrorMessage("The two passwords differ.");
            return;
          }
          repeat.setInvalid(false);
          try {
            resets.confirm(token, password.getValue(), VaadinRequest.getCurrent().getRemoteAddr());
            getUI().ifPresent(ui -> ui.navigate("login?passwordReset"));
          } catch (DomainException ex) {
            fail(ex);
          }
        });
    show(
        new H2("Choose a new password"),
        new Paragraph("Your new password replaces the old one. The link works once."),
        error,
        password,
        repeat,
        save,
        backToSignIn());
    error.setVisible(false);
  }

  private void show(com.vaadin.flow.component.Component... parts) {
    card.removeAll();
    card.add(parts);
  }

  private void fail(DomainException e) {
    error.setText(e.getMessage());
    error.setVisible(true);
  }

  private static Paragraph done(String text) {
    Paragraph p = new Paragraph(text);
    p.setId("reset-sent");
    return p;
  }

  private static Anchor backToSignIn() {
    Anchor a = new Anchor("login", "Back to sign in");
    a.addClassName("omni-login-back");
    return a;
  }
}
