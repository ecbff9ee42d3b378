package io.omnireach.ui.settings;

import static io.omnireach.ui.settings.ChannelPanelParts.fact;
import static io.omnireach.ui.settings.ChannelPanelParts.invalid;
import static io.omnireach.ui.settings.ChannelPanelParts.toast;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.channel.SmsAccounts;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.user.Permission;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings → SMS: the workspace's Twilio sender (account SID, write-only auth token, a number or a
 * messaging service, an optional daily cap) and the webhook addresses to give Twilio. Everyone sees
 * whether SMS is set up; Admins edit. The send window set through the API is kept as it is.
 */
public class SmsPanel extends Div {

  private final SmsAccounts accounts;
  private final AuthenticatedUser user;
  private final String publicUrl;
  private final Span status = new Span();
  private final Paragraph summary = new Paragraph();
  private final Div details = new Div();
  private final TextField accountSid = new TextField("Account SID");
  private final PasswordField authToken = new PasswordField("Auth token");
  private final TextField fromNumber = new TextField("From number (E.164)");
  private final TextField serviceSid = new TextField("…or messaging service SID");
  private final IntegerField dailyCap = new IntegerField("Daily cap (optional)");
  private final Button save = new Button();

  @Inject
  public SmsPanel(
      SmsAccounts accounts,
      @ConfigProperty(name = "omnireach.public-url", defaultValue = "http://localhost:9080")
          String publicUrl) {
    this.accounts = accounts;
    this.user = UiSession.require();
    this.publicUrl = publicUrl.replaceAll("/+$", "");
    setId("sms-settings");
    addClassNames("omni-panel", "omni-sms");
    status.setId("sms-status");
    Div head = new Div(new H3("SMS (Twilio)"), status);
    head.addClassName("omni-panel-head");
    summary.addClassName("omni-muted");
    details.addClassName("omni-channel-details");
    add(head, summary, details);
    if (user.tenant() == null) {
      return;
    }
    if (UiSession.can(user, Permission.SETTINGS_MANAGE)) {
      add(form());
    }
    refresh();
  }

  private TenantRef tenant() {
    return user.tenant().ref();
  }

  private Div form() {
    accountSid.setId("sms-account-sid");
    accountSid.setPlaceholder("AC…");
    authToken.setId("sms-auth-token");
    authToken.setHelperText("Twilio Console → Account info; stored encrypted, never shown again");
    fromNumber.setId("sms-from-number");
    fromNumber.setPlaceholder("+14155550123");
    serviceSid.setId("sms-service-sid");
    serviceSid.setPlaceholder("MG…");
    serviceSid.setHelperText("Give a number or a messaging service, not both");
    dailyCap.setId("sms-daily-cap");
    dailyCap.setMin(1);
    dailyCap.setMax(100_000);
    dailyCap.setHelperText("SMS per day at most; the rest waits for the next day");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("sms-save");
    save.addClickListener(e -> save());
    FormLayout form = new FormLayout(accountSid, authToken, fromNumber, serviceSid, dailyCap);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
    Div actions = new Div(save);
    actions.addClassName("omni-channel-actions");
    return new Div(form, actions);
  }

  private void save() {
    if (!UiSession.permits(Permission.SETTINGS_MANAGE)) {
      return;
    }
    if (dailyCap.isInvalid()) { // not a whole number in range: the field says so already
      return;
    }
    for (var f :
        new com.vaadin.flow.component.HasValidation[] {
          accountSid, authToken, fromNumber, serviceSid
        }) {
      f.setInvalid(false);
    }
    try {
      Optional<SmsAccounts.View> before = accounts.get(tenant());
      accounts.save(
          tenant(),
          new SmsAccounts.Update(
              accountSid.getValue(),
              authToken.getValue(),
              fromNumber.getValue(),
              serviceSid.getValue(),
              before.map(SmsAccounts.View::sendWindow).orElse(null),
              dailyCap.getValue()),
          user.email());
      authToken.clear();
      toast("SMS settings saved.", false);
      refresh();
    } catch (DomainException ex) {
      String field = ex.field() == null ? "" : ex.field();
      switch (field) {
        case "accountSid" -> invalid(accountSid, ex);
        case "authToken" -> invalid(authToken, ex);
        case "fromNumber" -> invalid(fromNumber, ex);
        case "messagingServiceSid" -> invalid(serviceSid, ex);
        case "dailyCap" -> invalid(dailyCap, ex);
        default -> toast(ex.getMessage(), true);
      }
    }
  }

  private void refresh() {
    Optional<SmsAccounts.View> v = accounts.get(tenant());
    boolean on = v.isPresent();
    status.setText(on ? "Set up" : "Not set up");
    status.getElement().getThemeList().clear();
    status.getElement().getThemeList().add(on ? "badge success pill" : "badge contrast pill");
    summary.setText(
        on
            ? "SMS go out through your Twilio account, only to leads who granted SMS consent and"
                + " only 08:00–21:00 in their time zone. Give Twilio the two webhook addresses"
                + " below so replies, STOP/START and delivery receipts reach OmniReach."
            : "Connect your Twilio account to send SMS from workflows and lead pages (to leads"
                + " who granted SMS consent).");
    details.removeAll();
    v.ifPresent(
        s -> {
          Span sender = new Span(s.fromNumber() != null ? s.fromNumber() : s.messagingServiceSid());
          sender.setId("sms-sender");
          details.add(
              fact("Sender", sender),
              fact("Account", new Span(s.accountSid())),
              fact(
                  "Daily cap",
                  new Span(s.dailyCap() == null ? "No cap" : s.dailyCap() + " SMS per day")),
              fact("Auth token", new Span(s.authTokenSet() ? "•••• stored" : "missing")),
              fact("Incoming messages webhook", new Span(publicUrl + "/webhooks/twilio/sms")),
              fact("Status callback", new Span(publicUrl + "/webhooks/twilio/status")));
        });
    if (UiSession.can(user, Permission.SETTINGS_MANAGE)) {
      save.setText(on ? "Save changes" : "Connect Twilio");
      save.setIcon(on ? VaadinIcon.CHECK.create() : VaadinIcon.LINK.create());
      authToken.setPlaceholder(on ? "leave empty to keep the stored token" : "paste the token");
      v.ifPresent(
          s -> {
            accountSid.setValue(s.accountSid());
            fromNumber.setValue(s.fromNumber() == null ? "" : s.fromNumber());
            serviceSid.setValue(s.messagingServiceSid() == null ? "" : s.messagingServiceSid());
            dailyCap.setValue(s.dailyCap());
          });
    }
  }
}
