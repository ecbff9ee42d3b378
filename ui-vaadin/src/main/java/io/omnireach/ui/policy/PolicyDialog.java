package io.omnireach.ui.policy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.omnireach.common.DomainException;
import io.omnireach.policy.Policies;
import io.omnireach.policy.Policy;
import io.omnireach.policy.PolicyVersion;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.Toasts;
import io.omnireach.user.Permission;

/**
 * Adds or edits one policy (admins; others see it read-only) and shows its history: every change
 * with who made it and when.
 */
final class PolicyDialog extends Dialog {

  PolicyDialog(
      Policies policies,
      TenantRef tenant,
      String actor,
      boolean admin,
      Policy existing,
      Runnable saved) {
    setHeaderTitle(existing == null ? "New policy" : existing.name());
    setWidth("760px");
    setId("policy-dialog");
    addClassName("omni-policy-dialog");
    PolicyForm form = new PolicyForm();
    if (existing != null) {
      form.read(existing);
    }
    form.setEnabled(admin);
    add(form);
    Span error = new Span();
    error.addClassName("omni-error");
    error.setId("policy-error");
    error.setVisible(false);
    add(error);
    if (existing != null) {
      add(history(policies, tenant, existing.id()));
    }
    Button cancel = new Button(admin ? "Cancel" : "Close", e -> close());
    cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    if (admin && existing != null) {
      Button delete =
          new Button(
              "Delete",
              VaadinIcon.TRASH.create(),
              e -> {
                if (!UiSession.permits(Permission.POLICIES_MANAGE)) {
                  return;
                }
                policies.delete(tenant, existing.id(), actor);
                Toasts.success("Policy deleted (its history is kept)");
                close();
                saved.run();
              });
      delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
      delete.setId("policy-delete");
      getFooter().add(delete);
    }
    getFooter().add(cancel);
    if (admin) {
      Button save = new Button("Save", VaadinIcon.CHECK.create());
      save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      save.setId("policy-save");
      save.addClickListener(
          e -> {
            if (!UiSession.permits(Permission.POLICIES_MANAGE)) {
              return;
            }
            try {
              if (existing == null) {
                policies.create(tenant, form.draft(), actor);
              } else {
                policies.update(tenant, existing.id(), form.draft(), actor);
              }
              Toasts.success("Policy saved");
              close();
              saved.run();
            } catch (DomainException ex) {
              if (!form.show(ex)) {
                error.setText(ex.getMessage());
                error.setVisible(true);
              }
            }
          });
      getFooter().add(save);
    }
  }

  private static Div history(Policies policies, TenantRef tenant, long id) {
    Div list = new Div();
    list.addClassName("omni-policy-history");
    list.setId("policy-history");
    list.add(new H4("History"));
    for (PolicyVersion v : policies.versions(tenant, id)) {
      Span version = new Span("v" + v.version());
      version.addClassName("omni-policy-version");
      Span what =
          new Span(
              v.change()
                  + " by "
                  + (v.changedBy() == null ? "unknown" : v.changedBy())
                  + " · "
                  + PoliciesView.WHEN.format(v.changedAt()));
      Span rule = new Span(v.severity().wire() + " · " + v.ruleJson());
      rule.addClassNames("omni-muted", "omni-policy-rule");
      Div row = new Div(version, new Div(what, rule));
      row.addClassName("omni-policy-history-row");
      list.add(row);
    }
    return list;
  }
}
