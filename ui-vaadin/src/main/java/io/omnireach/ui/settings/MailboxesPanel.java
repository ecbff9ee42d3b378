package io.omnireach.ui.settings;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.user.Role;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Settings → Mailboxes: the tenant's sending mailboxes (passwords are never shown) and the postal
 * address of the CAN-SPAM footer. Admins add, delete and edit the address; others read.
 */
public class MailboxesPanel extends Div {

  private final Mailboxes mailboxes;
  private final ComplianceSettings compliance;
  private final AuthenticatedUser user;
  private final boolean admin;
  private final Grid<Mailbox> grid = new Grid<>();
  private final Paragraph empty = new Paragraph();
  private final TextArea postal = new TextArea("Postal address");

  @Inject
  public MailboxesPanel(Mailboxes mailboxes, ComplianceSettings compliance) {
    this.mailboxes = mailboxes;
    this.compliance = compliance;
    this.user = UiSession.require();
    this.admin = user.has(Role.ADMIN);
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
            "Emails to leads leave from these SMTP mailboxes. Passwords are stored encrypted and"
                + " never shown again.");
    note.addClassName("omni-muted");
    empty.setText(
        admin
            ? "No mailbox yet. Add one to send email from the lead pages."
            : "No mailbox yet. An Admin adds them here.");
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
    grid.addColumn(m -> m.host() + ":" + m.port()).setHeader("Server").setFlexGrow(2);
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
    if (admin) {
      grid.addComponentColumn(
              m -> {
                Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(m));
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                delete.setAriaLabel("Delete mailbox " + m.name());
                delete.setTooltipText("Delete mailbox");
                delete.addClassName("mailbox-delete");
                return delete;
              })
          .setWidth("80px")
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
    postal.setReadOnly(!admin);
    Div section = new Div(title, why, postal);
    section.addClassName("omni-mailboxes-postal");
    if (admin) {
      Button save = new Button("Save address", e -> savePostal());
      save.setId("postal-save");
      section.add(save);
    }
    return section;
  }

  private void savePostal() {
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
    dialog.setWidth("min(640px, 95vw)");
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
        new FormLayout(name, host, port, tls, username, password, from, fromName, cap);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("480px", 2));
    form.setColspan(name, 2);
    form.setColspan(tls, 2);
    dialog.add(form);
    Map<String, HasValidation> fields =
        Map.of(
            "name", name,
            "host", host,
            "port", port,
            "username", username,
            "password", password,
            "fromAddress", from,
            "fromName", fromName,
            "dailyCap", cap);
    Button save =
        new Button(
            "Add mailbox",
            e -> {
              fields.values().forEach(f -> f.setInvalid(false));
              try {
                Mailbox created =
                    mailboxes.create(
                        tenant(),
                        new MailboxDraft(
                            name.getValue(),
                            host.getValue(),
                            port.getValue(),
                            username.getValue(),
                            password.getValue(),
                            tls.getValue(),
                            from.getValue(),
                            fromName.getValue(),
                            cap.getValue()),
                        user.email());
                dialog.close();
                toast("Mailbox " + created.name() + " added.", false);
                refresh();
              } catch (DomainException ex) {
                HasValidation f = ex.field() == null ? null : fields.get(ex.field());
                if (f == null) {
                  toast(ex.getMessage(), true);
                } else {
                  f.setInvalid(true);
                  f.setErrorMessage(ex.getMessage());
                }
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("mailbox-save");
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
    String address = compliance.postalAddress(tenant());
    postal.setValue(address == null ? "" : address);
    if (address == null && !admin) {
      postal.setPlaceholder("Not set yet");
    }
  }

  private void toast(String message, boolean error) {
    Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_END);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
