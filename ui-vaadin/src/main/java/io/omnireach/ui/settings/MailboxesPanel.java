package io.omnireach.ui.settings;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.channel.ComplianceSettings;
import io.omnireach.channel.Mailbox;
import io.omnireach.channel.MailboxDraft;
import io.omnireach.channel.Mailboxes;
import io.omnireach.channel.SendingRules;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.user.Permission;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings → Mailboxes: the tenant's sending mailboxes (passwords are never shown) and the postal
 * address of the CAN-SPAM footer. Who holds mailboxes.manage adds, configures and deletes
 * mailboxes; settings.manage edits the address and holidays (as the REST API requires); others
 * read.
 */
public class MailboxesPanel extends Div {

  private final Mailboxes mailboxes;
  private final ComplianceSettings compliance;
  private final AuthenticatedUser user;

  /** May add, configure and delete mailboxes (mailboxes.manage). */
  private final boolean admin;

  /** May edit the postal address and holidays (settings.manage, as PUT /compliance). */
  private final boolean compliant;

  private final Grid<Mailbox> grid = new Grid<>();
  private final Paragraph empty = new Paragraph();
  private final TextArea postal = new TextArea("Postal address");
  private final TextArea holidays = new TextArea("Holidays");

  @Inject
  public MailboxesPanel(Mailboxes mailboxes, ComplianceSettings compliance) {
    this.mailboxes = mailboxes;
    this.compliance = compliance;
    this.user = UiSession.require();
    this.admin = UiSession.can(user, Permission.MAILBOXES_MANAGE);
    this.compliant = UiSession.can(user, Permission.SETTINGS_MANAGE);
    setId("mailboxes-settings");
    addClassNames("omni-panel", "omni-mailboxes");
    if (user.tenant() == null) {
      return;
    }
    Button add = new Button("Add mailbox", VaadinIcon.PLUS.create(), e -> openAddDialog());
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add.setId("mailbox-add");
    add.setVisible(admin);
    Div head = new Div(new H3("Mailboxes"), add);
    head.addClassName("omni-panel-head");
    Paragraph note =
        new Paragraph(
            "Emails to leads leave from these mailboxes (your SMTP server or SendGrid), inside"
                + " their send window in each lead's time zone. Passwords and keys are stored"
                + " encrypted and never shown again.");
    note.addClassName("omni-muted");
    empty.setText(
        admin
            ? "No mailbox yet. Add one to send email from the lead pages."
            : "No mailbox yet. Someone with the mailboxes.manage permission adds them here.");
    empty.addClassName("omni-mailboxes-empty");
    empty.setId("mailboxes-empty");
    configureGrid();
    add(head, note, empty, grid, postalSection());
    refresh();
  }

  private TenantRef tenant() {
    return user.tenant().ref();
  }

  private void configureGrid() {
    grid.setId("mailboxes-grid");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(Mailbox::name).setHeader("Name").setFlexGrow(2);
    grid.addColumn(
            m -> (m.fromName() == null ? "" : m.fromName() + " ") + "<" + m.fromAddress() + ">")
        .setHeader("From")
        .setFlexGrow(3);
    grid.addColumn(
            m -> "sendgrid".equals(m.provider()) ? "SendGrid API" : m.host() + ":" + m.port())
        .setHeader("Server")
        .setFlexGrow(2);
    grid.addComponentColumn(
            m -> {
              Span tls = new Span(m.tls() ? "TLS" : "No TLS");
              tls.getElement().getThemeList().add(m.tls() ? "badge success pill" : "badge pill");
              return tls;
            })
        .setHeader("Security")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(
            m -> m.username() == null ? "—" : m.username() + (m.hasPassword() ? " · ••••" : ""))
        .setHeader("Sign-in")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(m -> m.dailyCap() + " / day")
        .setHeader("Daily cap")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(MailboxesPanel::sending).setHeader("Sends").setFlexGrow(2);
    if (admin) {
      grid.addComponentColumn(
              m -> {
                Button rules = new Button(VaadinIcon.CLOCK.create(), e -> openSendingDialog(m));
                rules.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                rules.setAriaLabel("Sending rules of " + m.name());
                rules.setTooltipText("Send window and spacing");
                rules.addClassName("mailbox-sending");
                Div actions = new Div(rules);
                if ("sendgrid".equals(m.provider())) {
                  Button hook = new Button(VaadinIcon.KEY.create(), e -> openWebhookDialog(m));
                  hook.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                  hook.setAriaLabel("SendGrid event webhook key of " + m.name());
                  hook.setTooltipText(
                      m.hasEventWebhookKey()
                          ? "Event webhook: signed events verified"
                          : "Event webhook: add SendGrid's verification key");
                  hook.addClassName("mailbox-webhook");
                  actions.add(hook);
                }
                Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(m));
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                delete.setAriaLabel("Delete mailbox " + m.name());
                delete.setTooltipText("Delete mailbox");
                delete.addClassName("mailbox-delete");
                actions.add(delete);
                return actions;
              })
          .setWidth("160px")
          .setFlexGrow(0);
    }
    grid.setAllRowsVisible(true);
  }

  private Div postalSection() {
    H4 title = new H4("Sender postal address");
    Paragraph why =
        new Paragraph(
            "Every email ends with a footer with your name, this postal address and an"
                + " unsubscribe link (CAN-SPAM).");
    why.addClassName("omni-muted");
    postal.setId("postal-address");
    postal.setWidthFull();
    postal.setMaxLength(300);
    postal.setPlaceholder("Acme Inc., 1 Market St, San Francisco, CA 94105, USA");
    postal.setReadOnly(!compliant);
    Div section = new Div(title, why, postal);
    section.addClassName("omni-mailboxes-postal");
    if (compliant) {
      Button save = new Button("Save address", e -> savePostal());
      save.setId("postal-save");
      section.add(save);
    }
    holidays.setId("holidays");
    holidays.setWidthFull();
    holidays.setPlaceholder("2026-12-24, 2026-12-25, 2027-01-01");
    holidays.setHelperText(
        "Dates (YYYY-MM-DD), separated by commas or lines. No email leaves on them, in each"
            + " lead's own time zone; messages wait for the next working slot.");
    holidays.setReadOnly(!compliant);
    section.add(new H4("Holidays"), holidays);
    if (compliant) {
      Button saveHolidays = new Button("Save holidays", e -> saveHolidays());
      saveHolidays.setId("holidays-save");
      section.add(saveHolidays);
    }
    return section;
  }

  private void saveHolidays() {
    if (!UiSession.permits(Permission.SETTINGS_MANAGE)) {
      return;
    }
    try {
      List<String> dates =
          Arrays.stream(holidays.getValue().split("[,;\\s]+")).filter(d -> !d.isBlank()).toList();
      List<LocalDate> saved = compliance.setHolidays(tenant(), dates, user.email());
      holidays.setInvalid(false);
      holidays.setValue(String.join(", ", saved.stream().map(LocalDate::toString).toList()));
      toast(saved.size() == 1 ? "1 holiday saved." : saved.size() + " holidays saved.", false);
    } catch (DomainException ex) {
      holidays.setInvalid(true);
      holidays.setErrorMessage(ex.getMessage());
    }
  }

  /** "Mon–Fri 09–17 · 60 s apart" or "Any time". */
  static String sending(Mailbox m) {
    String window =
        m.sendWindow() == null
            ? "Any time"
            : m.sendWindow().describe() + (m.timezone() == null ? "" : " (" + m.timezone() + ")");
    return window
        + (m.minSpacingSeconds() > 0 ? " · " + m.minSpacingSeconds() + " s apart" : "")
        + (m.smtpConnections() > 1 ? " · " + m.smtpConnections() + " connections" : "");
  }

  private void openSendingDialog(Mailbox m) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Sending rules · " + m.name());
    dialog.setWidth("min(640px, 95vw)");
    SendingFields sending = new SendingFields();
    sending.show(m);
    IntegerField cap = new IntegerField("Daily cap");
    cap.setId("sending-daily-cap");
    cap.setValue(m.dailyCap());
    FormLayout form = new FormLayout();
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("480px", 2));
    Map<String, HasValidation> fields = new HashMap<>();
    sending.addTo(form, fields);
    IntegerField connections = new IntegerField("SMTP connections");
    connections.setId("sending-connections");
    connections.setMin(1);
    connections.setMax(16);
    connections.setStepButtonsVisible(true);
    connections.setValue(m.smtpConnections());
    connections.setHelperText(
        "Sent in parallel (1–16). Stay within your provider's limit on concurrent connections.");
    form.add(cap, connections);
    fields.put("dailyCap", cap);
    fields.put("smtpConnections", connections);
    dialog.add(form);
    Button save =
        new Button(
            "Save",
            e -> {
              if (!UiSession.permits(Permission.MAILBOXES_MANAGE)) {
                return;
              }
              fields.values().forEach(f -> f.setInvalid(false));
              try {
                mailboxes.updateSending(
                    tenant(),
                    m.id(),
                    new SendingRules(
                        sending.window(),
                        sending.spacing.getValue(),
                        sending.zone.getValue(),
                        cap.getValue(),
                        connections.getValue()),
                    user.email());
                dialog.close();
                toast("Sending rules of " + m.name() + " saved.", false);
                refresh();
              } catch (DomainException ex) {
                showError(fields, ex);
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("sending-save");
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
  }

  private void showError(Map<String, HasValidation> fields, DomainException ex) {
    HasValidation f = ex.field() == null ? null : fields.get(ex.field());
    if (f == null) {
      toast(ex.getMessage(), true);
    } else {
      f.setInvalid(true);
      f.setErrorMessage(ex.getMessage());
    }
  }

  private void savePostal() {
    if (!UiSession.permits(Permission.SETTINGS_MANAGE)) {
      return;
    }
    try {
      String saved = compliance.setPostalAddress(tenant(), postal.getValue(), user.email());
      postal.setInvalid(false);
      toast(saved == null ? "Postal address cleared." : "Postal address saved.", false);
    } catch (DomainException ex) {
      postal.setInvalid(true);
      postal.setErrorMessage(ex.getMessage());
    }
  }

  private void openAddDialog() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Add mailbox");
    dialog.setWidth("min(680px, 95vw)");
    Select<String> provider = new Select<>();
    provider.setLabel("Sends through");
    provider.setItems("smtp", "sendgrid");
    provider.setItemLabelGenerator(p -> p.equals("smtp") ? "Your SMTP server" : "SendGrid API");
    provider.setValue("smtp");
    provider.setId("mailbox-provider");
    PasswordField apiKey = new PasswordField("SendGrid API key");
    apiKey.setId("mailbox-api-key");
    apiKey.setVisible(false);
    TextArea webhookKey = webhookKeyField();
    webhookKey.setVisible(false);
    TextField name = new TextField("Name");
    name.setId("mailbox-name");
    name.setPlaceholder("Sales outbound");
    TextField host = new TextField("SMTP host");
    host.setId("mailbox-host");
    host.setPlaceholder("smtp.example.com");
    IntegerField port = new IntegerField("Port");
    port.setId("mailbox-port");
    port.setValue(587);
    Checkbox tls = new Checkbox("Use TLS (STARTTLS, or implicit TLS on 465)", true);
    tls.setId("mailbox-tls");
    TextField username = new TextField("Username");
    username.setId("mailbox-username");
    PasswordField password = new PasswordField("Password");
    password.setId("mailbox-password");
    EmailField from = new EmailField("From address");
    from.setId("mailbox-from-address");
    TextField fromName = new TextField("From name");
    fromName.setId("mailbox-from-name");
    IntegerField cap = new IntegerField("Daily cap");
    cap.setId("mailbox-daily-cap");
    cap.setValue(200);
    cap.setHelperText("Emails per day (UTC) from this mailbox");
    FormLayout form =
        new FormLayout(
            name,
            provider,
            host,
            port,
            tls,
            username,
            password,
            apiKey,
            webhookKey,
            from,
            fromName,
            cap);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("480px", 2));
    form.setColspan(tls, 2);
    form.setColspan(apiKey, 2);
    form.setColspan(webhookKey, 2);
    provider.addValueChangeListener(
        e -> {
          boolean smtp = "smtp".equals(e.getValue());
          for (com.vaadin.flow.component.Component f :
              new com.vaadin.flow.component.Component[] {host, port, tls, username, password}) {
            f.setVisible(smtp);
          }
          apiKey.setVisible(!smtp);
          webhookKey.setVisible(!smtp);
        });
    Map<String, HasValidation> fields = new HashMap<>();
    fields.putAll(
        Map.of(
            "name", name,
            "host", host,
            "port", port,
            "username", username,
            "password", password,
            "fromAddress", from,
            "fromName", fromName,
            "dailyCap", cap,
            "apiKey", apiKey,
            "eventWebhookKey", webhookKey));
    FormLayout when = new FormLayout();
    when.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("480px", 2));
    SendingFields sending = new SendingFields();
    sending.addTo(when, fields);
    Details whenDetails = new Details("Send window and spacing", when);
    whenDetails.setId("mailbox-sending-details");
    TextField dkimDomain = new TextField("Signing domain");
    dkimDomain.setId("mailbox-dkim-domain");
    dkimDomain.setPlaceholder("acme.example");
    TextField dkimSelector = new TextField("Selector");
    dkimSelector.setId("mailbox-dkim-selector");
    dkimSelector.setPlaceholder("s2026");
    TextArea dkimKey = new TextArea("Private key (PEM)");
    dkimKey.setId("mailbox-dkim-key");
    dkimKey.setPlaceholder("-----BEGIN PRIVATE KEY-----");
    dkimKey.setHelperText("RSA, PKCS#8 or PKCS#1; stored encrypted, never shown again");
    FormLayout dkimForm = new FormLayout(dkimDomain, dkimSelector, dkimKey);
    dkimForm.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("480px", 2));
    dkimForm.setColspan(dkimKey, 2);
    Details dkim = new Details("DKIM signing (optional)", dkimForm);
    dkim.setId("mailbox-dkim-details");
    fields.put("dkimDomain", dkimDomain);
    fields.put("dkimSelector", dkimSelector);
    fields.put("dkimPrivateKey", dkimKey);
    provider.addValueChangeListener(e -> dkim.setVisible("smtp".equals(e.getValue())));
    dialog.add(form, whenDetails, dkim);
    Button save =
        new Button(
            "Add mailbox",
            e -> {
              if (!UiSession.permits(Permission.MAILBOXES_MANAGE)) {
                return;
              }
              fields.values().forEach(f -> f.setInvalid(false));
              try {
                boolean smtp = "smtp".equals(provider.getValue());
                MailboxDraft draft =
                    new MailboxDraft(
                            name.getValue(),
                            smtp ? host.getValue() : null,
                            smtp ? port.getValue() : null,
                            smtp ? username.getValue() : null,
                            smtp ? password.getValue() : null,
                            tls.getValue(),
                            from.getValue(),
                            fromName.getValue(),
                            cap.getValue())
                        .withSending(
                            sending.window(), sending.spacing.getValue(), sending.zone.getValue());
                if (smtp) {
                  draft =
                      draft.withDkim(
                          dkimDomain.getValue(), dkimSelector.getValue(), dkimKey.getValue());
                } else {
                  draft =
                      draft
                          .withSendGrid(apiKey.getValue(), null)
                          .withEventWebhookKey(webhookKey.getValue());
                }
                Mailbox created = mailboxes.create(tenant(), draft, user.email());
                dialog.close();
                toast("Mailbox " + created.name() + " added.", false);
                refresh();
              } catch (DomainException ex) {
                if (ex.field() != null && ex.field().startsWith("dkim")) {
                  dkim.setOpened(true);
                }
                if ("sendWindow".equals(ex.field())
                    || "minSpacingSeconds".equals(ex.field())
                    || "timezone".equals(ex.field())) {
                  whenDetails.setOpened(true);
                }
                showError(fields, ex);
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("mailbox-save");
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
  }

  private static TextArea webhookKeyField() {
    TextArea key = new TextArea("Event webhook verification key");
    key.setId("mailbox-webhook-key");
    key.setPlaceholder("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…");
    key.setHelperText(
        "Optional. In SendGrid: Settings → Mail Settings → Event Webhook, post to"
            + " <this server>/webhooks/sendgrid with Signed Event Webhook on, and paste the"
            + " verification key here. Deliveries, bounces, spam reports and unsubscribes then"
            + " update messages and the suppression list.");
    return key;
  }

  /** Sets or replaces SendGrid's event webhook key of a SendGrid mailbox. */
  private void openWebhookDialog(Mailbox m) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("SendGrid event webhook · " + m.name());
    dialog.setWidth("min(600px, 95vw)");
    Span state = new Span(m.hasEventWebhookKey() ? "Key set" : "No key yet");
    state
        .getElement()
        .getThemeList()
        .add(m.hasEventWebhookKey() ? "badge success pill" : "badge pill");
    state.setId("webhook-key-state");
    TextArea key = webhookKeyField();
    key.setWidthFull();
    key.setLabel(m.hasEventWebhookKey() ? "Replace the verification key" : key.getLabel());
    dialog.add(state, key);
    Button save =
        new Button(
            "Save key",
            e -> {
              if (!UiSession.permits(Permission.MAILBOXES_MANAGE)) {
                return;
              }
              key.setInvalid(false);
              if (key.getValue().isBlank()) {
                key.setInvalid(true);
                key.setErrorMessage("Paste the verification key SendGrid shows.");
                return;
              }
              try {
                mailboxes.setEventWebhookKey(tenant(), m.id(), key.getValue(), user.email());
                dialog.close();
                toast("Event webhook key of " + m.name() + " saved.", false);
                refresh();
              } catch (DomainException ex) {
                key.setInvalid(true);
                key.setErrorMessage(ex.getMessage());
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("webhook-key-save");
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
  }

  private void confirmDelete(Mailbox m) {
    ConfirmDialog dialog =
        new ConfirmDialog(
            "Delete mailbox " + m.name() + "?",
            "Queued emails from it will not be sent. Sent emails keep their history.",
            "Delete",
            e -> {
              if (!UiSession.permits(Permission.MAILBOXES_MANAGE)) {
                return;
              }
              try {
                mailboxes.delete(tenant(), m.id(), user.email());
                toast("Mailbox " + m.name() + " deleted.", false);
              } catch (DomainException ex) {
                toast(ex.getMessage(), true);
              }
              refresh();
            });
    dialog.setCancelable(true);
    dialog.setConfirmButtonTheme("error primary");
    dialog.open();
  }

  private void refresh() {
    var all = mailboxes.list(tenant());
    grid.setItems(all);
    grid.setVisible(!all.isEmpty());
    empty.setVisible(all.isEmpty());
    holidays.setValue(
        String.join(
            ", ", compliance.holidays(tenant()).stream().map(LocalDate::toString).toList()));
    String address = compliance.postalAddress(tenant());
    postal.setValue(address == null ? "" : address);
    if (address == null && !compliant) {
      postal.setPlaceholder("Not set yet");
    }
  }

  private void toast(String message, boolean error) {
    Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_END);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
