package io.omnireach.ui.login;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.login.AbstractLogin;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.auth.Authenticator;
import io.omnireach.brand.BrandResolver;
import io.omnireach.brand.EffectiveBrand;
import io.omnireach.common.DomainException;
import io.omnireach.customdomain.TenantHosts;
import io.omnireach.sso.SsoSignIn;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantStatus;
import io.omnireach.ui.security.UiSession;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/** Sign-in: a brand panel and the login card. */
@Route("login")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  private final Authenticator authenticator;
  private final TenantDirectory tenants;
  private final TenantHosts hosts;
  private final BrandResolver brands;
  private final SsoSignIn sso;
  private final Button ssoButton = new Button("Sign in with SSO", VaadinIcon.KEY.create());
  private final Div ssoDivider = new Div(new Span("or with your password"));
  private final LoginForm form = new LoginForm();
  private final BrandPanel brandPanel = new BrandPanel();
  private final Div demoHint = demoHint();
  private final Paragraph notice = new Paragraph();
  private Tenant tenant;
  private EffectiveBrand brand;

  @Inject
  public LoginView(
      Authenticator authenticator,
      TenantDirectory tenants,
      TenantHosts hosts,
      BrandResolver brands,
      SsoSignIn sso) {
    this.authenticator = authenticator;
    this.sso = sso;
    this.tenants = tenants;
    this.hosts = hosts;
    this.brands = brands;
    addClassName("omni-login");
    form.addForgotPasswordListener(e -> getUI().ifPresent(ui -> ui.navigate("reset-password")));
    form.addLoginListener(this::signIn);
    form.setId("login-form");
    notice.addClassName("omni-login-notice");
    notice.setVisible(false);
    ssoButton.setId("sso-button");
    ssoButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
    ssoButton.addClassName("omni-login-sso");
    ssoButton.addClickListener(
        e ->
            getUI()
                .ifPresent(
                    ui -> ui.getPage().setLocation("api/v1/sso/start?tenant=" + tenant.slug())));
    ssoDivider.addClassName("omni-login-divider");
    Div card = new Div(notice, ssoButton, ssoDivider, form, demoHint);
    card.addClassName("omni-login-card");
    Div right = new Div(card);
    right.addClassName("omni-login-right");
    add(brandPanel, right);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    // the SSO callback (a REST endpoint) leaves the signed-in user or its error in the session
    WrappedSession http = VaadinSession.getCurrent().getSession();
    Object ssoUser = http.getAttribute(SsoSignIn.USER_ATTRIBUTE);
    Object ssoError = http.getAttribute(SsoSignIn.ERROR_ATTRIBUTE);
    Object ssoSession = http.getAttribute(SsoSignIn.SSO_SESSION_ATTRIBUTE);
    http.removeAttribute(SsoSignIn.USER_ATTRIBUTE);
    http.removeAttribute(SsoSignIn.SSO_SESSION_ATTRIBUTE);
    http.removeAttribute(SsoSignIn.ERROR_ATTRIBUTE);
    if (ssoUser instanceof AuthenticatedUser signedIn && UiSession.user().isEmpty()) {
      UiSession.adopt(signedIn, ssoSession instanceof String s ? s : null);
      event.forwardTo("");
      return;
    }
    if (UiSession.user().isPresent()) {
      event.forwardTo("");
      return;
    }
    var params = event.getLocation().getQueryParameters().getParameters();
    String hint = params.getOrDefault("tenant", List.of()).stream().findFirst().orElse(null);
    tenant = resolveTenant(hint).orElse(null);
    brand = tenant == null ? brands.platform() : brands.forTenant(tenant.id());
    if (params.containsKey("signedOut")) {
      notice.setText("You have signed out.");
      notice.setVisible(true);
    }
    if (params.containsKey("ended")) {
      notice.setText(
          "Your session has ended (it expired, or your access or password changed). Sign in"
              + " again.");
      notice.setVisible(true);
    } else if (params.containsKey("joined")) {
      notice.setText("Your account is ready. Sign in with your email and new password.");
      notice.setVisible(true);
    } else if (params.containsKey("passwordReset")) {
      notice.setText("Your password was changed. Sign in with the new one.");
      notice.setVisible(true);
    }
    if (ssoError != null) {
      notice.setText("Single sign-on failed: " + ssoError);
      notice.setVisible(true);
    }
    boolean ssoOffered = tenant != null && sso.offered(tenant.id());
    ssoButton.setVisible(ssoOffered);
    ssoDivider.setVisible(ssoOffered);
    renderBrand();
    form.setI18n(i18n(null));
  }

  /**
   * The tenant of the request's host ({@link TenantHosts}: a verified custom domain or {@code
   * <slug>.<base domain>}). A {@code ?tenant=} link brands the page only on the platform's own
   * hosts, where no tenant owns the page; on any other host the page stays neutral.
   */
  private Optional<Tenant> resolveTenant(String hint) {
    // The Host header only: X-Forwarded-Host is not trusted here (anyone can send it)
    String host = VaadinRequest.getCurrent().getHeader("Host");
    Optional<Tenant> byHost = hosts.tenantFor(host);
    if (byHost.isPresent()
        || hint == null
        || !hint.matches("[a-z][a-z0-9-]{2,29}")
        || !hosts.isPlatformHost(host)) {
      return byHost;
    }
    return tenants.bySlug(hint).filter(t -> t.status() == TenantStatus.ACTIVE);
  }

  private void renderBrand() {
    brandPanel.show(
        brand,
        tenant == null ? null : tenant.displayName(),
        tenant == null ? "Every lead, the right message, at the right time." : "Welcome back.",
        tenant == null
            ? "AI-personalised, multi-channel outreach that runs itself — from first touch to"
                + " signed deal."
            : "Sign in to " + tenant.displayName() + "'s outreach workspace.");
    // the public demo credentials belong to the demo tenants, not to a customer's page
    demoHint.setVisible(devMode() && tenant == null);
  }

  @Override
  public String getPageTitle() {
    return "Sign in · " + (tenant == null ? brand.brand().productName() : tenant.displayName());
  }

  /** Demo credentials, shown only in dev mode (they are public). */
  private static Div demoHint() {
    Div hint = new Div();
    hint.addClassName("omni-login-hint");
    hint.setId("demo-hint");
    hint.setText("Demo workspace: admin@acme.demo · omnireach-demo");
    return hint;
  }

  private static boolean devMode() {
    return ConfigProvider.getConfig()
        .getOptionalValue("omnireach.dev-mode", Boolean.class)
        .orElse(false);
  }

  private void signIn(AbstractLogin.LoginEvent event) {
    String address = UiSession.clientAddress();
    try {
      var user =
          authenticator.authenticate(
              event.getUsername(),
              event.getPassword(),
              tenant == null ? null : tenant.slug(),
              address);
      UiSession.signIn(user);
      getUI().ifPresent(ui -> ui.navigate(""));
    } catch (DomainException e) {
      form.setI18n(i18n(e.getMessage()));
      form.setError(true);
      form.setEnabled(true);
    }
  }

  private LoginI18n i18n(String error) {
    LoginI18n i18n = LoginI18n.createDefault();
    i18n.getForm().setTitle(tenant == null ? "Sign in" : "Sign in to " + tenant.displayName());
    i18n.getForm().setUsername("Work email");
    i18n.getForm().setSubmit("Sign in");
    i18n.getForm().setForgotPassword("Forgot password?");
    if (error != null) {
      i18n.getErrorMessage().setTitle("Could not sign you in");
      i18n.getErrorMessage().setMessage(error);
    }
    return i18n;
  }
}
