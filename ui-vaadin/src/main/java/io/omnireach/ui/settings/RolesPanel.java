package io.omnireach.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.user.CustomRole;
import io.omnireach.user.CustomRoles;
import io.omnireach.user.Permission;
import io.omnireach.user.Role;
import io.omnireach.user.RolePermissions;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings → Roles: the built-in roles and the workspace's custom roles as cards with their
 * permissions by area. Members with users.manage create, edit and delete custom roles in a dialog
 * with a permission checklist grouped by area.
 */
public class RolesPanel extends Div {

  private final CustomRoles roles;
  private final AuthenticatedUser user;
  private final boolean manage;
  private final Div list = new Div();
  private Runnable changed = () -> {};

  @Inject
  public RolesPanel(CustomRoles roles) {
    this.roles = roles;
    this.user = UiSession.require();
    this.manage = UiSession.can(Permission.USERS_MANAGE);
    setId("roles-settings");
    addClassNames("omni-panel", "omni-roles");
    Button create = new Button("New role", VaadinIcon.PLUS.create(), e -> openEditor(null));
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId("role-new");
    create.setVisible(manage);
    Div head = new Div(new H3("Roles"), create);
    head.addClassName("omni-panel-head");
    Paragraph note =
        new Paragraph(
            "A role is a set of permissions. The built-in roles are fixed; custom roles give"
                + " exactly the permissions you tick. Changes apply at once to everyone holding"
                + " the role.");
    note.addClassName("omni-muted");
    list.addClassName("omni-role-list");
    list.setId("role-list");
    add(head, note, list);
    refresh();
  }

  /** Called after a custom role was created, changed or deleted (the team's role pickers). */
  public void onChange(Runnable listener) {
    this.changed = listener;
  }

  private TenantRef tenant() {
    return user.tenant().ref();
  }

  private void refresh() {
    list.removeAll();
    for (Role role : Role.values()) {
      if (role.isBuiltIn()) {
        list.add(card(role.label(), "Built-in", null, RolePermissions.of(role), null));
      }
    }
    for (CustomRole role : roles.list(tenant())) {
      list.add(
          card(
              role.name(),
              role.members() == 1 ? "1 member" : role.members() + " members",
              role.description(),
              role.permissions(),
              role));
    }
  }

  private Div card(
      String name, String tag, String description, Set<Permission> granted, CustomRole custom) {
    Span title = new Span(name);
    title.addClassName("omni-role-name");
    Span badge = new Span(tag);
    badge.getElement().getThemeList().add(custom == null ? "badge contrast small" : "badge small");
    Div top = new Div(title, badge);
    top.addClassName("omni-role-top");
    Div card = new Div(top);
    card.addClassName("omni-role-card");
    if (custom != null) {
      card.setId("role-" + custom.id());
    }
    if (description != null && !description.isBlank()) {
      Paragraph about = new Paragraph(description);
      about.addClassName("omni-muted");
      card.add(about);
    }
    Div areas = new Div();
    areas.addClassName("omni-role-areas");
    byArea(granted)
        .forEach(
            (area, permissions) -> {
              Span label = new Span(area.label());
              label.addClassName("omni-role-area");
              String main = prefix(permissions.get(0));
              Span verbs =
                  new Span(
                      permissions.stream()
                          .map(p -> prefix(p).equals(main) ? verb(p) : p.code())
                          .collect(Collectors.joining(", ")));
              areas.add(new Div(label, verbs));
            });
    if (granted.isEmpty()) {
      areas.add(new Span("No permissions"));
    }
    card.add(areas);
    if (custom != null && manage) {
      Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> openEditor(custom));
      edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      edit.setId("role-edit-" + custom.id());
      Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(custom));
      delete.addThemeVariants(
          ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
      delete.setAriaLabel("Delete " + custom.name());
      Div actions = new Div(edit, delete);
      actions.addClassName("omni-role-actions");
      card.add(actions);
    }
    return card;
  }

  /** "leads.export" → "export"; codes of another prefix in the same area are shown whole. */
  private static String verb(Permission p) {
    return p.code().substring(p.code().indexOf('.') + 1);
  }

  private static String prefix(Permission p) {
    return p.code().substring(0, p.code().indexOf('.'));
  }

  private static Map<Permission.Area, List<Permission>> byArea(Set<Permission> granted) {
    Map<Permission.Area, List<Permission>> result = new EnumMap<>(Permission.Area.class);
    for (Permission p : Permission.values()) {
      if (granted.contains(p)) {
        result.computeIfAbsent(p.area(), a -> new ArrayList<>()).add(p);
      }
    }
    return result;
  }

  private void openEditor(CustomRole existing) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(existing == null ? "New role" : "Edit " + existing.name());
    dialog.setWidth("720px");
    TextField name = new TextField("Name");
    name.setId("role-name");
    name.setMaxLength(60);
    name.setWidthFull();
    TextArea description = new TextArea("Description");
    description.setId("role-description");
    description.setMaxLength(500);
    description.setWidthFull();
    Div checklist = new Div();
    checklist.addClassName("omni-role-checklist");
    Map<Permission.Area, CheckboxGroup<Permission>> groups = new EnumMap<>(Permission.Area.class);
    for (Permission.Area area : Permission.Area.values()) {
      CheckboxGroup<Permission> group = new CheckboxGroup<>();
      group.setItems(Arrays.stream(Permission.values()).filter(p -> p.area() == area).toList());
      group.setItemLabelGenerator(Permission::description);
      group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
      group.setId("role-area-" + area.name().toLowerCase());
      groups.put(area, group);
      Div box = new Div(new H4(area.label()), group);
      box.addClassName("omni-role-check-area");
      checklist.add(box);
    }
    Span error = new Span();
    error.addClassName("omni-error");
    error.setId("role-error");
    error.setVisible(false);
    if (existing != null) {
      name.setValue(existing.name());
      description.setValue(existing.description());
      groups.values().forEach(g -> g.setValue(Set.copyOf(existing.permissions())));
    }
    Div body = new Div(name, description, checklist, error);
    body.addClassName("omni-dialog-body");
    dialog.add(body);
    Button save =
        new Button(
            existing == null ? "Create role" : "Save",
            e -> {
              List<Permission> picked = new ArrayList<>();
              groups.values().forEach(g -> picked.addAll(g.getValue()));
              try {
                if (existing == null) {
                  roles.create(
                      tenant(), name.getValue(), description.getValue(), picked, user.email());
                } else {
                  roles.update(
                      tenant(),
                      existing.id(),
                      name.getValue(),
                      description.getValue(),
                      picked,
                      user.email());
                }
                dialog.close();
                toast("Role " + name.getValue().strip() + " saved.", false);
                refresh();
                changed.run();
              } catch (DomainException ex) {
                if ("name".equals(ex.field())) {
                  name.setInvalid(true);
                  name.setErrorMessage(ex.getMessage());
                } else {
                  error.setText(ex.getMessage());
                  error.setVisible(true);
                }
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("role-save");
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
  }

  private void confirmDelete(CustomRole role) {
    ConfirmDialog dialog =
        new ConfirmDialog(
            "Delete " + role.name() + "?",
            "Nobody may hold the role when it is deleted.",
            "Delete",
            e -> {
              try {
                roles.delete(tenant(), role.id(), user.email());
                toast("Role " + role.name() + " deleted.", false);
                refresh();
                changed.run();
              } catch (DomainException ex) {
                toast(ex.getMessage(), true);
              }
            });
    dialog.setCancelable(true);
    dialog.setConfirmButtonTheme("error primary");
    dialog.open();
  }

  private static void toast(String text, boolean error) {
    Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
