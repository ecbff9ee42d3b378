package io.omnireach.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.customdomain.CustomDomain;
import io.omnireach.customdomain.CustomDomains;
import io.omnireach.customdomain.DnsRecord;
import io.omnireach.customdomain.DomainStatus;
import io.omnireach.customdomain.VerificationMethod;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Settings → Domains (Admins): the workspace's own host names, the DNS records to create for each
 * (copyable), a verify button, status badges and removal with confirmation.
 */
public class DomainsPanel extends Div {

  private static final DateTimeFormatter CHECKED =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** Clipboard API where the page is a secure context, else the old textarea route. */
  private static final String COPY_JS =
      "const t = $0; if (navigator.clipboard && window.isSecureContext) {"
          + " navigator.clipboard.writeText(t); } else { const a ="
          + " document.createElement('textarea'); a.value = t; document.body.appendChild(a);"
          + " a.select(); document.execCommand('copy'); a.remove(); }";

  private final CustomDomains domains;
  private final AuthenticatedUser user;
  private final Div list = new Div();

  @Inject
  public DomainsPanel(CustomDomains domains) {
    this.domains = domains;
    this.user = UiSession.require();
    setId("domains-settings");
    addClassNames("omni-panel", "omni-domains");
    Button add = new Button("Add domain", VaadinIcon.PLUS.create(), e -> openAddDialog());
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add.setId("domain-add");
    Div head = new Div(new H3("Domains"), add);
    head.addClassName("omni-panel-head");
    Paragraph note =
        new Paragraph(
            "Let your team sign in at your own address, such as app.yourcompany.com. Add the"
                + " host, create the DNS records shown at your DNS provider, then verify. Only a"
                + " verified host shows your workspace's sign-in page.");
    note.addClassName("omni-muted");
    list.addClassName("omni-domain-list");
    list.setId("domain-list");
    add(head, note, list);
    refresh();
  }

  private TenantRef tenant() {
    return user.tenant().ref();
  }

  private void refresh() {
    list.removeAll();
    List<CustomDomain> all = domains.list(tenant());
    if (all.isEmpty()) {
      Div empty = new Div();
      empty.addClassName("omni-domain-empty");
      empty.setId("domains-empty");
      Icon globe = VaadinIcon.GLOBE.create();
      empty.add(
          globe, new Span("No custom domain yet. Your team signs in at the platform's address."));
      list.add(empty);
      return;
    }
    all.forEach(d -> list.add(card(d)));
  }

  private Div card(CustomDomain d) {
    Span host = new Span(d.host());
    host.addClassName("omni-domain-host");
    Span status = statusBadge(d.status());
    Span method = new Span(d.method() == VerificationMethod.DNS_TXT ? "TXT record" : "HTTP token");
    method.addClassName("omni-domain-method");
    Div title = new Div(VaadinIcon.GLOBE_WIRE.create(), host, status, method);
    title.addClassName("omni-domain-title");

    Button verify =
        new Button(
            d.status() == DomainStatus.VERIFIED ? "Check again" : "Verify",
            VaadinIcon.REFRESH.create(),
            e -> verify(d));
    verify.addThemeVariants(
        d.status() == DomainStatus.VERIFIED
            ? ButtonVariant.LUMO_TERTIARY
            : ButtonVariant.LUMO_PRIMARY,
        ButtonVariant.LUMO_SMALL);
    verify.addClassName("domain-verify");
    verify.setDisableOnClick(true);
    Button remove = new Button(VaadinIcon.TRASH.create(), e -> confirmRemove(d));
    remove.addThemeVariants(
        ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
    remove.setAriaLabel("Remove " + d.host());
    remove.setTooltipText("Remove domain");
    remove.addClassName("domain-remove");
    Div actions = new Div(verify, remove);
    actions.addClassName("omni-domain-actions");
    Div top = new Div(title, actions);
    top.addClassName("omni-domain-top");

    Div card = new Div(top);
    card.addClassName("omni-domain-card");
    card.getElement().setAttribute("data-host", d.host());
    card.add(stateLine(d));
    card.add(records(d));
    return card;
  }

  private static Div stateLine(CustomDomain d) {
    Div line = new Div();
    line.addClassName("omni-domain-state");
    switch (d.status()) {
      case VERIFIED ->
          line.add(
              new Span(
                  "Verified "
                      + CHECKED.format(d.verifiedAt())
                      + ". Your sign-in page is live at "
                      + d.host()
                      + "."));
      case FAILED -> {
        line.addClassName("omni-domain-state-error");
        line.add(VaadinIcon.WARNING.create(), new Span(d.lastError()));
      }
      case PENDING ->
          line.add(
              new Span(
                  d.method() == VerificationMethod.DNS_TXT
                      ? "Create both records, then verify. DNS changes can take a few minutes."
                      : "Create the CNAME record, then verify: we fetch the token from"
                          + " http://"
                          + d.host()
                          + CustomDomain.wellKnownPath(d.token())
                          + "."));
    }
    if (d.lastCheckedAt() != null && d.status() != DomainStatus.VERIFIED) {
      Span checked = new Span("Last checked " + CHECKED.format(d.lastCheckedAt()));
      checked.addClassName("omni-domain-checked");
      line.add(checked);
    }
    return line;
  }

  private Div records(CustomDomain d) {
    Div table = new Div();
    table.addClassName("omni-domain-records");
    for (String label : new String[] {"Type", "Name", "Value", "Purpose"}) {
      Span h = new Span(label);
      h.addClassName("omni-domain-records-head");
      table.add(h);
    }
    for (DnsRecord r : d.records()) {
      Span type = new Span(r.type());
      type.addClassName("omni-domain-type");
      table.add(type, copyable(r.name()), copyable(r.value()));
      Span purpose = new Span(r.purpose());
      purpose.addClassName("omni-domain-purpose");
      table.add(purpose);
    }
    return table;
  }

  private Div copyable(String value) {
    Span text = new Span(value);
    text.addClassName("omni-domain-code");
    Button copy = new Button(VaadinIcon.COPY_O.create());
    copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
    copy.setAriaLabel("Copy " + value);
    copy.setTooltipText("Copy");
    copy.addClickListener(
        e -> {
          copy.getElement().executeJs(COPY_JS, value);
          toast("Copied " + value, false);
        });
    Div cell = new Div(text, copy);
    cell.addClassName("omni-domain-copy");
    return cell;
  }

  private static Span statusBadge(DomainStatus status) {
    Span badge =
        new Span(
            switch (status) {
              case PENDING -> "Pending";
              case VERIFIED -> "Verified";
              case FAILED -> "Not verified";
            });
    badge
        .getElement()
        .getThemeList()
        .add(
            switch (status) {
              case PENDING -> "badge contrast pill";
              case VERIFIED -> "badge success pill";
              case FAILED -> "badge error pill";
            });
    badge.addClassName("omni-domain-status");
    return badge;
  }

  private void verify(CustomDomain d) {
    try {
      CustomDomain checked = domains.verify(tenant(), d.id(), user.email());
      if (checked.status() == DomainStatus.VERIFIED) {
        toast(d.host() + " is verified.", false);
      } else {
        toast(d.host() + " is not verified yet: " + checked.lastError(), true);
      }
    } catch (DomainException ex) {
      toast(ex.getMessage(), true);
    }
    refresh();
  }

  private void confirmRemove(CustomDomain d) {
    ConfirmDialog dialog =
        new ConfirmDialog(
            "Remove " + d.host() + "?",
            "Sign-ins at "
                + d.host()
                + " stop showing this workspace at once. You can add it again later, but it"
                + " needs a new verification.",
            "Remove",
            e -> {
              try {
                domains.delete(tenant(), d.id(), user.email());
                toast(d.host() + " was removed.", false);
              } catch (DomainException ex) {
                toast(ex.getMessage(), true);
              }
              refresh();
            });
    dialog.setCancelable(true);
    dialog.setConfirmButtonTheme("error primary");
    dialog.open();
  }

  private void openAddDialog() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Add a custom domain");
    TextField host = new TextField("Host name");
    host.setPlaceholder("app.yourcompany.com");
    host.setHelperText("A host you control; not the platform's own address.");
    host.setWidthFull();
    host.setId("domain-host");
    RadioButtonGroup<VerificationMethod> method = new RadioButtonGroup<>("Prove it with");
    method.setItems(VerificationMethod.DNS_TXT, VerificationMethod.HTTP);
    method.setItemLabelGenerator(
        m ->
            m == VerificationMethod.DNS_TXT
                ? "A TXT record (recommended)"
                : "An HTTP token (once the CNAME works)");
    method.setValue(VerificationMethod.DNS_TXT);
    method.setId("domain-method");
    Div body = new Div(host, method);
    body.addClassName("omni-dialog-body");
    dialog.add(body);
    Button save =
        new Button(
            "Add domain",
            e -> {
              try {
                CustomDomain added =
                    domains.add(tenant(), host.getValue(), method.getValue(), user.email());
                dialog.close();
                toast(added.host() + " added: create its DNS records, then verify.", false);
                refresh();
              } catch (DomainException ex) {
                host.setInvalid(true);
                host.setErrorMessage(ex.getMessage());
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("domain-save");
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
    host.focus();
  }

  private static void toast(String message, boolean error) {
    Notification n = Notification.show(message, 5000, Notification.Position.BOTTOM_END);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
