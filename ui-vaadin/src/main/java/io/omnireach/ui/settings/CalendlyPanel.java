package io.omnireach.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.meeting.CalendlyAccounts;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.user.Permission;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Settings → Calendly: whether Calendly is connected, with which scheduling link, and (Admins)
 * connect with a personal access token or disconnect. The token is write-only: only its last four
 * characters come back.
 */
public class CalendlyPanel extends Div {

  private final CalendlyAccounts accounts;
  private final AuthenticatedUser user;
  private final Span status = new Span();
  private final Paragraph summary = new Paragraph();
  private final Div details = new Div();
  private final PasswordField token = new PasswordField("Personal access token");
  private final TextField link = new TextField("Scheduling link (optional)");
  private final Button connect = new Button();
  private final Button disconnect = new Button("Disconnect");

  @Inject
  public CalendlyPanel(CalendlyAccounts accounts) {
    this.accounts = accounts;
    this.user = UiSession.require();
    setId("calendly-settings");
    addClassNames("omni-panel", "omni-calendly");
    status.setId("calendly-status");
    Div head = new Div(new H3("Calendly"), status);
    head.addClassName("omni-panel-head");
    summary.addClassName("omni-muted");
    summary.setId("calendly-summary");
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
    token.setId("calendly-token");
    token.setHelperText("Calendly → Integrations → API & Webhooks → Personal access tokens");
    link.setId("calendly-link");
    link.setPlaceholder("https://calendly.com/you/30min");
    link.setHelperText("Leave empty to use your Calendly scheduling page");
    connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    connect.setId("calendly-connect");
    connect.addClickListener(e -> connect());
    disconnect.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
    disconnect.setId("calendly-disconnect");
    disconnect.addClickListener(e -> confirmDisconnect());
    FormLayout form = new FormLayout(token, link);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
    Div actions = new Div(connect, disconnect);
    actions.addClassName("omni-channel-actions");
    return new Div(form, actions);
  }

  private void connect() {
    if (!UiSession.permits(Permission.SETTINGS_MANAGE)) {
      return;
    }
    token.setInvalid(false);
    link.setInvalid(false);
    try {
      accounts.connect(
          tenant(),
          new CalendlyAccounts.Connect(token.getValue(), link.getValue(), null),
          user.email());
      token.clear();
      ChannelPanelParts.toast("Calendly connected: bookings now reach OmniReach.", false);
      refresh();
    } catch (DomainException ex) {
      String field = ex.field() == null ? "" : ex.field();
      switch (field) {
        case "token" -> ChannelPanelParts.invalid(token, ex);
        case "schedulingUrl" -> ChannelPanelParts.invalid(link, ex);
        default -> ChannelPanelParts.toast(ex.getMessage(), true);
      }
    }
  }

  private void confirmDisconnect() {
    ConfirmDialog dialog =
        new ConfirmDialog(
            "Disconnect Calendly?",
            "Calendly stops sending bookings here and {{meeting.link}} renders empty. Meetings"
                + " already booked stay on the leads.",
            "Disconnect",
            e -> {
              if (!UiSession.permits(Permission.SETTINGS_MANAGE)) {
                return;
              }
              try {
                accounts.disconnect(tenant(), user.email());
                ChannelPanelParts.toast("Calendly disconnected.", false);
              } catch (DomainException ex) {
                ChannelPanelParts.toast(ex.getMessage(), true);
              }
              refresh();
            });
    dialog.setCancelable(true);
    dialog.setConfirmButtonTheme("error primary");
    dialog.open();
  }

  private void refresh() {
    Optional<CalendlyAccounts.View> v = accounts.get(tenant());
    boolean on = v.isPresent();
    status.setText(on ? "Connected" : "Not connected");
    status.getElement().getThemeList().clear();
    status.getElement().getThemeList().add(on ? "badge success pill" : "badge contrast pill");
    summary.setText(
        on
            ? "Leads book on your Calendly and land here: a booking moves the lead to Meeting"
                + " and ends its sequence (or takes a “Meeting booked?” branch). Write"
                + " {{meeting.link}} in emails and SMS for each lead's own booking link."
            : "Connect Calendly so leads can book from {{meeting.link}} in emails and SMS; each"
                + " booking moves the lead to Meeting and ends its sequence.");
    details.removeAll();
    v.ifPresent(
        s -> {
          Anchor page = new Anchor(s.schedulingUrl(), s.schedulingUrl());
          page.setTarget("_blank");
          page.setId("calendly-scheduling-url");
          details.add(
              ChannelPanelParts.fact("Scheduling link", page),
              ChannelPanelParts.fact("Token", new Span("•••• " + s.tokenLast4())),
              ChannelPanelParts.fact("Webhook", new Span(s.webhookUrl())),
              ChannelPanelParts.fact(
                  "Connected by", new Span(s.updatedBy() == null ? "—" : s.updatedBy())));
        });
    if (UiSession.can(user, Permission.SETTINGS_MANAGE)) {
      connect.setText(on ? "Reconnect" : "Connect Calendly");
      connect.setIcon(on ? VaadinIcon.REFRESH.create() : VaadinIcon.LINK.create());
      token.setPlaceholder(
          on ? "•••• " + v.get().tokenLast4() + " (leave empty to keep)" : "paste the token");
      if (on && link.isEmpty()) {
        link.setValue(v.get().schedulingUrl());
      }
      disconnect.setVisible(on);
    }
  }
}
