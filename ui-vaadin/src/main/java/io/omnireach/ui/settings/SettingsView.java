package io.omnireach.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.auth.Sessions;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.brand.TenantBrandingPanel;
import io.omnireach.ui.privacy.PrivacyPanel;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.CustomRoles;
import io.omnireach.user.EffectivePermissions;
import io.omnireach.user.Invitation;
import io.omnireach.user.Invitations;
import io.omnireach.user.Member;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.user.Role;
import io.omnireach.user.UserDirectory;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The team and roles: everyone with settings.read sees them; users.manage invites, assigns roles
 * (built-in or custom) and removes; settings.manage sees the workspace-wide panels.
 */
@Route(value = "settings", layout = MainLayout.class)
@PageTitle("Settings")
@Requires(Permission.SETTINGS_READ)
public class SettingsView extends Div {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

  private final UserDirectory users;
  private final Invitations invitations;
  private final CustomRoles customRoles;
  private final EffectivePermissions permissions;
  private final Grid<Member> members = new Grid<>();
  private final Grid<Invitation> invites = new Grid<>();
  private final AuthenticatedUser user;

  /** Told of role changes and removals, so the member's sessions end on their next request. */
  @Inject Sessions sessions;

  /** May invite, assign roles and remove (users.manage). */
  private final boolean admin;

  /** May change workspace settings: domains, branding, SSO (settings.manage). */
  private final boolean settingsAdmin;

  /** The built-in and custom roles the pickers offer, as of the last refresh. */
  private List<RoleChoice> roleChoices = List.of();

  @Inject
  public SettingsView(
      UserDirectory users,
      Invitations invitations,
      CustomRoles customRoles,
      EffectivePermissions permissions,
      RolesPanel roles,
      AiSettingsPanel ai,
      MailboxesPanel mailboxes,
      CalendlyPanel calendly,
      SmsPanel sms,
      Instance<DomainsPanel> domains,
      Instance<TenantBrandingPanel> branding,
      Instance<SsoPanel> sso,
      Instance<IntegrationsPanel> integrations,
      Instance<PrivacyPanel> privacy) {
    this.users = users;
    this.invitations = invitations;
    this.customRoles = customRoles;
    this.permissions = permissions;
    this.user = UiSession.require();
    this.admin = UiSession.can(Permission.USERS_MANAGE);
    this.settingsAdmin = UiSession.can(Permission.SETTINGS_MANAGE);
    addClassName("omni-page");
    if (user.tenant() == null) {
      add(
          new EmptyState(
              VaadinIcon.COG,
              "No workspace selected",
              "Sign in with a tenant to manage its team."));
      return;
    }
    configureMembers();
    Button invite = new Button("Invite people", VaadinIcon.PLUS.create(), e -> openInviteDialog());
    invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    invite.setId("invite-button");
    invite.setVisible(admin);
    Div head = new Div(new H3("Team"), invite);
    head.addClassName("omni-panel-head");
    Paragraph note =
        new Paragraph(
            admin
                ? "Admins manage people and settings, Sales work leads and workflows, Viewers"
                    + " read, Finance sees billing and usage only; custom roles give what they"
                    + " list."
                : "Inviting people and changing roles needs the users.manage permission (Admins have it).");
    note.addClassName("omni-muted");
    Div team = new Div(head, note, members);
    team.addClassName("omni-panel");
    add(team);
    if (UiSession.can(Permission.USERS_READ)) {
      roles.onChange(this::refresh);
      add(roles);
    }
    if (admin) {
      configureInvites();
      Div pending = new Div(new H3("Invitations"), invites);
      pending.addClassName("omni-panel");
      add(pending);
    }
    add(mailboxes, sms, calendly);
    if (settingsAdmin) {
      add(domains.get());
    }
    add(ai);
    if (settingsAdmin) {
      add(branding.get(), sso.get());
    }
    if (UiSession.can(Permission.PRIVACY_MANAGE)) {
      add(privacy.get());
    }
    if (UiSession.can(Permission.INTEGRATIONS_MANAGE)) {
      add(integrations.get());
    }
    refresh();
  }

  /** An invitation's role as people know it: the built-in label or the custom role's name. */
  private String roleName(Invitation i) {
    if (i.customRoleId() == null) {
      return i.role().label();
    }
    return roleChoices.stream()
        .filter(c -> i.customRoleId().equals(c.customRoleId()))
        .map(RoleChoice::name)
        .findFirst()
        .orElse("Custom role");
  }

  private TenantRef tenant() {
    return user.tenant().ref();
  }

  private void configureMembers() {
    members.setId("members-grid");
    members.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    members.addColumn(Member::displayName).setHeader("Name").setAutoWidth(true);
    members.addColumn(Member::email).setHeader("Email").setAutoWidth(true);
    members
        .addComponentColumn(m -> admin ? roleSelect(m) : badge(m.roleName()))
        .setHeader("Role")
        .setAutoWidth(true);
    members
        .addColumn(m -> m.lastLoginAt() == null ? "never" : DATE.format(m.lastLoginAt()))
        .setHeader("Last sign-in");
    if (admin) {
      members
          .addComponentColumn(
              m -> {
                Button remove = new Button(VaadinIcon.TRASH.create(), e -> confirmRemove(m));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel("Remove " + m.displayName());
                remove.setEnabled(m.userId() != user.userId());
                return remove;
              })
          .setWidth("80px")
          .setFlexGrow(0);
    }
    members.setAllRowsVisible(true);
  }

  private Select<RoleChoice> roleSelect(Member m) {
    Select<RoleChoice> select = new Select<>();
    select.setItems(roleChoices);
    select.setItemLabelGenerator(RoleChoice::name);
    select.setValue(RoleChoice.of(m));
    select.addValueChangeListener(
        e -> {
          if (!e.isFromClient()) {
            return;
          }
          RoleChoice choice = e.getValue();
          try {
            if (choice.customRoleId() != null) {
              customRoles.assign(tenant(), m.userId(), choice.customRoleId(), user.email());
            } else {
              users.changeRole(tenant(), m.userId(), choice.role(), user.email());
              permissions.tenantChanged(tenant().id());
            }
            sessions.userChanged(m.userId());
            toast(m.displayName() + " is now " + choice.name() + ".", false);
          } catch (DomainException ex) {
            toast(ex.getMessage(), true);
          }
          refresh();
        });
    return select;
  }

  private void confirmRemove(Member m) {
    ConfirmDialog dialog =
        new ConfirmDialog(
            "Remove " + m.displayName() + "?",
            "They lose access to this workspace. Their account stays for other workspaces.",
            "Remove",
            e -> {
              try {
                users.removeMember(tenant(), m.userId(), user.email());
                sessions.userChanged(m.userId());
                permissions.tenantChanged(tenant().id());
                toast(m.displayName() + " was removed.", false);
              } catch (DomainException ex) {
                toast(ex.getMessage(), true);
              }
              refresh();
            });
    dialog.setCancelable(true);
    dialog.setConfirmButtonTheme("error primary");
    dialog.open();
  }

  private void configureInvites() {
    invites.addThemeVariants(GridVariant.LUMO_NO_BORDER);
    invites.addColumn(Invitation::email).setHeader("Email").setAutoWidth(true);
    invites.addColumn(this::roleName).setHeader("Role");
    invites
        .addComponentColumn(
            i ->
                badge(
                    i.acceptedAt() != null
                        ? "Accepted"
                        : i.isPending(Instant.now()) ? "Pending" : "Expired"))
        .setHeader("Status");
    invites.addColumn(i -> DATE.format(i.expiresAt())).setHeader("Expires");
    invites.setAllRowsVisible(true);
  }

  private void openInviteDialog() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Invite people");
    EmailField email = new EmailField("Email");
    email.setWidthFull();
    email.setId("invite-email");
    Select<RoleChoice> role = new Select<>();
    role.setLabel("Role");
    role.setItems(roleChoices);
    role.setItemLabelGenerator(RoleChoice::name);
    role.setValue(RoleChoice.builtIn(Role.SALES));
    role.setWidthFull();
    role.setId("invite-role");
    Div body = new Div(email, role);
    body.addClassName("omni-dialog-body");
    dialog.add(body);
    Button send =
        new Button(
            "Send invitation",
            e -> {
              try {
                Invitations.Created created =
                    invitations.invite(
                        tenant(),
                        email.getValue(),
                        role.getValue().role(),
                        role.getValue().customRoleId(),
                        user.userId(),
                        user.email());
                dialog.removeAll();
                dialog.getFooter().removeAll();
                showLink(dialog, created);
                refresh();
              } catch (DomainException ex) {
                email.setInvalid(true);
                email.setErrorMessage(ex.getMessage());
              }
            });
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    send.setId("invite-send");
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), send);
    dialog.open();
  }

  /** The invitation is emailed; dev mode also shows the link (no real inbox there). */
  private void showLink(Dialog dialog, Invitations.Created created) {
    Paragraph sent =
        new Paragraph(
            "We emailed an invitation to "
                + created.invitation().email()
                + ". The link in it is valid for 7 days and works once.");
    sent.setId("invite-sent");
    dialog.add(sent);
    boolean devMode =
        org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getOptionalValue("omnireach.dev-mode", Boolean.class)
            .orElse(false);
    if (devMode) {
      String base =
          com.vaadin.flow.server.VaadinServletRequest.getCurrent().getRequestURL().toString();
      String link =
          base.substring(0, base.indexOf('/', base.indexOf("//") + 2))
              + "/accept-invitation?token="
              + created.token();
      TextField field = new TextField("Dev mode: the accept link");
      field.setValue(link);
      field.setReadOnly(true);
      field.setWidthFull();
      dialog.add(field);
    }
    dialog.getFooter().add(new Button("Done", e -> dialog.close()));
  }

  private static Span badge(String text) {
    Span badge = new Span(text);
    badge.getElement().getThemeList().add("badge pill");
    return badge;
  }

  private void toast(String message, boolean error) {
    Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_END);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }

  private void refresh() {
    if (admin) {
      roleChoices = RoleChoice.all(customRoles, tenant()); // read once per refresh, not per row
    }
    members.setItems(users.members(tenant()));
    if (admin) {
      invites.setItems(invitations.list(tenant()));
    }
  }
}
