package io.omnireach.ui.settings;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.sso.SsoSettings;
import io.omnireach.sso.SsoSettingsUpdate;
import io.omnireach.sso.SsoSignIn;
import io.omnireach.ui.security.UiSession;
import io.omnireach.user.Role;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Settings → Single sign-on (Admins): the tenant's OpenID Connect provider (issuer, client id,
 * write-only secret), how a claim maps to roles, "SSO only", and the addresses to register at the
 * provider. "Test discovery" reads the issuer's discovery document without saving.
 */
public class SsoPanel extends Div {

  private static final List<Role> ROLES =
      List.of(Role.ADMIN, Role.SALES, Role.VIEWER, Role.FINANCE);

  private final SsoSignIn sso;
  private final AuthenticatedUser user;
  private final Span status = new Span();
  private final Paragraph addresses = new Paragraph();
  private final TextField issuer = new TextField("Issuer URL");
  private final TextField clientId = new TextField("Client ID");
  private final PasswordField clientSecret = new PasswordField("Client secret");
  private final TextField roleClaim = new TextField("Role claim");
  private final TextArea mapping = new TextArea("Role mapping");
  private final Select<Role> defaultRole = new Select<>();
  private final Checkbox enabled = new Checkbox("Offer “Sign in with SSO”");
  private final Checkbox ssoOnly = new Checkbox("SSO only: members cannot sign in with a password");
  private final Paragraph discovery = new Paragraph();

  @Inject
  public SsoPanel(SsoSignIn sso) {
    this.sso = sso;
    this.user = UiSession.require();
    setId("sso-settings");
    addClassName("omni-panel");
    status.setId("sso-status");
    Div head = new Div(new H3("Single sign-on"), status);
    head.addClassName("omni-panel-head");
    Paragraph intro =
        new Paragraph(
            "Members sign in through your identity provider (OpenID Connect, e.g. a Keycloak"
                + " realm). New people get an account on their first sign-in; their role comes"
                + " from the mapped claim on every sign-in.");
    intro.addClassName("omni-muted");
    addresses.setId("sso-addresses");
    addresses.addClassName("omni-muted");
    discovery.setId("sso-discovery");
    discovery.addClassName("omni-muted");
    discovery.setVisible(false);
    add(head, intro, form(), discovery, addresses);
    refresh();
  }

  private long tenantId() {
    return user.tenant().id();
  }

  private FormLayout form() {
    issuer.setId("sso-issuer");
    issuer.setPlaceholder("https://sso.example.com/realms/acme");
    issuer.setHelperText("Discovery: <issuer>/.well-known/openid-configuration");
    clientId.setId("sso-client-id");
    clientSecret.setId("sso-client-secret");
    roleClaim.setId("sso-role-claim");
    roleClaim.setHelperText("An ID token claim or a dotted path, e.g. groups, realm_access.roles");
    mapping.setId("sso-role-mapping");
    mapping.setPlaceholder("omni-admins = Admin\nsales-team = Sales");
    mapping.setHelperText("One claim value = role per line (Admin, Sales, Viewer, Finance)");
    defaultRole.setLabel("Role when nothing maps");
    defaultRole.setId("sso-default-role");
    defaultRole.setItems(ROLES);
    defaultRole.setItemLabelGenerator(Role::label);
    enabled.setId("sso-enabled");
    ssoOnly.setId("sso-only");
    Button save = new Button("Save SSO settings", e -> save());
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("sso-save");
    Button test = new Button("Test discovery", VaadinIcon.PLUG.create(), e -> test());
    test.setId("sso-test");
    FormLayout form =
        new FormLayout(issuer, clientId, clientSecret, roleClaim, mapping, defaultRole);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
    Div flags = new Div(enabled, ssoOnly);
    flags.getStyle().set("display", "flex").set("gap", "var(--lumo-space-l)");
    form.add(flags, 2);
    Div actions = new Div(save, test);
    actions.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)");
    form.add(actions, 2);
    return form;
  }

  private void test() {
    try {
      SsoSignIn.Discovery d = sso.discover(issuer.getValue());
      issuer.setInvalid(false);
      discovery.setText(
          "✓ "
              + d.issuer()
              + " answers: sign-in at "
              + d.authorizationEndpoint()
              + ", keys at "
              + d.jwksUri()
              + (d.backChannelLogout()
                  ? "; back-channel logout supported."
                  : "; no back-channel logout (sign-outs at the provider do not end sessions"
                      + " here)."));
      discovery.setVisible(true);
    } catch (DomainException ex) {
      discovery.setVisible(false);
      showError(ex);
    }
  }

  private void save() {
    Map<String, String> roles = new LinkedHashMap<>();
    for (String line : mapping.getValue().split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int eq = line.lastIndexOf('=');
      if (eq < 0) {
        mapping.setInvalid(true);
        mapping.setErrorMessage(
            "Write each line as: claim value = role (\"" + line.strip() + "\")");
        return;
      }
      roles.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
    try {
      sso.save(
          tenantId(),
          new SsoSettingsUpdate(
              enabled.getValue(),
              issuer.getValue(),
              clientId.getValue(),
              clientSecret.getValue().isBlank() ? null : clientSecret.getValue(),
              roleClaim.getValue(),
              roles,
              defaultRole.getValue() == null ? null : defaultRole.getValue().name(),
              ssoOnly.getValue()));
      clientSecret.clear();
      toast("Single sign-on saved.", false);
      refresh();
    } catch (DomainException ex) {
      showError(ex);
    }
  }

  private void showError(DomainException ex) {
    String field = ex.field() == null ? "" : ex.field();
    HasValidation target =
        field.equals("issuer")
            ? issuer
            : field.equals("clientId")
                ? clientId
                : field.equals("clientSecret")
                    ? clientSecret
                    : field.equals("roleClaim")
                        ? roleClaim
                        : field.startsWith("roleMapping")
                            ? mapping
                            : field.equals("defaultRole") ? defaultRole : null;
    if (target == null) {
      toast(ex.getMessage(), true);
      return;
    }
    target.setInvalid(true);
    target.setErrorMessage(ex.getMessage());
  }

  private void refresh() {
    Optional<SsoSettings> current = sso.settings(tenantId());
    boolean on = current.map(SsoSettings::enabled).orElse(false);
    status.setText(
        current.isEmpty()
            ? "Not set up"
            : !on ? "Off" : current.get().ssoOnly() ? "On · SSO only" : "On");
    status.getElement().getThemeList().clear();
    status.getElement().getThemeList().add(on ? "badge success pill" : "badge contrast pill");
    for (HasValidation f :
        new HasValidation[] {issuer, clientId, clientSecret, roleClaim, mapping, defaultRole}) {
      f.setInvalid(false);
    }
    issuer.setValue(current.map(SsoSettings::issuer).orElse(""));
    clientId.setValue(current.map(SsoSettings::clientId).orElse(""));
    clientSecret.setPlaceholder(
        current.map(SsoSettings::clientSecretSet).orElse(false)
            ? "•••••• (leave empty to keep)"
            : "not set");
    roleClaim.setValue(current.map(SsoSettings::roleClaim).orElse("groups"));
    StringBuilder lines = new StringBuilder();
    current.ifPresent(
        s ->
            s.roleMapping()
                .forEach(
                    (value, role) ->
                        lines.append(value).append(" = ").append(role.label()).append('\n')));
    mapping.setValue(lines.toString().strip());
    defaultRole.setValue(current.map(SsoSettings::defaultRole).orElse(Role.VIEWER));
    enabled.setValue(current.map(SsoSettings::enabled).orElse(true));
    ssoOnly.setValue(current.map(SsoSettings::ssoOnly).orElse(false));
    String base =
        ConfigProvider.getConfig()
            .getOptionalValue("omnireach.public-url", String.class)
            .orElse("http://localhost:9080")
            .replaceAll("/+$", "");
    addresses.setText(
        "Register at your provider — redirect URI: "
            + base
            + "/api/v1/sso/callback · back-channel logout URL: "
            + base
            + "/api/v1/sso/backchannel-logout/"
            + user.tenant().slug());
  }

  private static void toast(String message, boolean error) {
    Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_END);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
