package io.omnireach.ui.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.reseller.Reseller;
import io.omnireach.ui.shell.Toasts;
import io.omnireach.user.PasswordHasher;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Consumer;

/** The Owner opens a reseller: its name, slug and wholesale plan, and its first user's account. */
class NewResellerDialog extends Dialog {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final TextField name = new TextField("Reseller name");
  private final TextField slug = new TextField("Slug");
  private final ComboBox<String> plan;
  private final TextField userName = new TextField("Full name");
  private final EmailField userEmail = new EmailField("Work email");
  private final PasswordField password = new PasswordField("Initial password");
  private final Paragraph error = new Paragraph();
  private boolean slugEdited;

  NewResellerDialog(
      OperatorConsole console,
      AuthenticatedUser owner,
      List<String> plans,
      Consumer<Reseller> onCreated) {
    setHeaderTitle("New reseller");
    setId("new-reseller-dialog");
    setWidth("560px");
    plan = ResellersView.planField(plans);
    plan.setValue(ResellersView.DEFAULT_PLAN);
    name.setId("reseller-name");
    name.setAutofocus(true);
    slug.setId("reseller-slug");
    userName.setId("reseller-user-name");
    userEmail.setId("reseller-user-email");
    password.setId("reseller-user-password");
    name.setValueChangeMode(ValueChangeMode.EAGER);
    name.addValueChangeListener(
        e -> {
          if (!slugEdited) {
            slug.setValue(NewTenantWizard.slugFrom(e.getValue()));
          }
        });
    slug.addValueChangeListener(e -> slugEdited |= e.isFromClient());
    password.setHelperText(
        "At least " + PasswordHasher.MIN_LENGTH + " characters. Share it with them securely.");
    Button generate =
        new Button(VaadinIcon.MAGIC.create(), e -> password.setValue(generatedPassword()));
    generate.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
    generate.setTooltipText("Generate a strong password");
    generate.setAriaLabel("Generate a strong password");
    password.setSuffixComponent(generate);
    error.addClassName("omni-error");
    error.setVisible(false);
    Div company = new Div(new H4("Company"), name, slug, plan);
    Div user = new Div(new H4("First reseller user"), userName, userEmail, password);
    company.addClassName("omni-dialog-body");
    user.addClassName("omni-dialog-body");
    for (var field : List.of(name, slug, userName, userEmail, password)) {
      field.setWidthFull();
    }
    add(error, company, user);
    Button create =
        new Button(
            "Create reseller",
            e -> {
              try {
                Reseller created =
                    console.createReseller(
                        owner,
                        new OperatorConsole.ResellerDraft(
                            name.getValue(),
                            slug.getValue().trim(),
                            plan.getValue(),
                            userName.getValue(),
                            userEmail.getValue(),
                            password.getValue()));
                close();
                Toasts.success(
                    created.name() + " created · " + userEmail.getValue() + " can sign in now");
                onCreated.accept(created);
              } catch (DomainException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
              }
            });
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId("create-reseller");
    getFooter().add(new Button("Cancel", e -> close()), create);
  }

  private static String generatedPassword() {
    String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      if (i > 0 && i % 5 == 0) {
        sb.append('-');
      }
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
