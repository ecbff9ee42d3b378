package io.omnireach.ui.lead;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import io.omnireach.common.DomainException;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadRepository;
import io.omnireach.lead.Stage;
import io.omnireach.tenant.TenantRef;
import io.omnireach.user.Member;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The bar that floats in while rows are selected: add a tag, change the stage, assign an owner, or
 * delete (after a confirmation that says how many). Runs the change, then tells the page.
 */
class LeadBulkActions extends Div {

  private final Span count = new Span();
  private final LeadRepository leads;
  private final TenantRef tenant;
  private final String actor;
  private final Supplier<Set<Lead>> selection;
  private final Runnable done;
  private final Supplier<List<String>> knownTags;

  LeadBulkActions(
      LeadRepository leads,
      TenantRef tenant,
      String actor,
      Owners owners,
      Supplier<List<String>> knownTags,
      Supplier<Set<Lead>> selection,
      Runnable done) {
    this.leads = leads;
    this.tenant = tenant;
    this.actor = actor;
    this.selection = selection;
    this.done = done;
    this.knownTags = knownTags;
    setId("bulk-bar");
    addClassName("omni-lead-bulk");
    count.setId("bulk-count");
    count.addClassName("omni-lead-bulk-count");

    Button tag = new Button("Add tag", VaadinIcon.TAG.create(), e -> askTag());
    tag.setId("bulk-tag");

    Select<Stage> stage = new Select<>();
    stage.setId("bulk-stage");
    stage.setPlaceholder("Change stage");
    stage.setItems(Stage.values());
    stage.setRenderer(LeadUi.stageRenderer());
    stage.setItemLabelGenerator(LeadUi::label);
    stage.addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue() != null) {
            Stage to = e.getValue();
            stage.clear();
            run(
                ids -> leads.bulkUpdate(tenant, ids, to, null, null, actor),
                "moved to " + LeadUi.label(to));
          }
        });

    ComboBox<Member> owner = new ComboBox<>();
    owner.setId("bulk-owner");
    owner.setPlaceholder("Assign owner");
    owner.setItems(owners.all());
    owner.setItemLabelGenerator(Member::displayName);
    owner.addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue() != null) {
            Member to = e.getValue();
            owner.clear();
            run(
                ids -> leads.bulkUpdate(tenant, ids, null, null, to.userId(), actor),
                "assigned to " + to.displayName());
          }
        });

    Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> confirmDelete());
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
    delete.setId("bulk-delete");

    Button clear = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> done.run());
    clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
    clear.setAriaLabel("Clear selection");
    clear.setTooltipText("Clear selection");
    clear.setId("bulk-clear");

    tag.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    stage.addClassName("omni-lead-bulk-field");
    owner.addClassName("omni-lead-bulk-field");
    Span divider = new Span();
    divider.addClassName("omni-lead-bulk-divider");
    add(count, divider, tag, stage, owner, delete, clear);
    setVisible(false);
  }

  /** Shows the bar with the number selected, or hides it at zero. */
  void selected(int n) {
    count.setText(n + " selected");
    setVisible(n > 0);
  }

  private void askTag() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Add a tag to " + plural(selection.get().size()));
    ComboBox<String> input = new ComboBox<>("Tag");
    input.setId("bulk-tag-input");
    input.setItems(knownTags.get());
    input.setAllowCustomValue(true);
    input.addCustomValueSetListener(e -> input.setValue(e.getDetail().trim()));
    input.setWidthFull();
    input.setHelperText("Pick one or type a new one");
    Div body = new Div(input);
    body.addClassName("omni-dialog-body");
    dialog.add(body);
    Button apply =
        new Button(
            "Add tag",
            e -> {
              String tag = input.getValue();
              if (tag == null || tag.isBlank()) {
                input.setInvalid(true);
                input.setErrorMessage("Pick or type a tag.");
                return;
              }
              dialog.close();
              run(
                  ids -> leads.bulkUpdate(tenant, ids, null, List.of(tag), null, actor),
                  "tagged " + tag);
            });
    apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    apply.setId("bulk-tag-apply");
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), apply);
    dialog.open();
    input.focus();
  }

  private void confirmDelete() {
    int n = selection.get().size();
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setId("bulk-delete-confirm");
    dialog.setHeader("Delete " + plural(n) + "?");
    dialog.setText(
        "This removes "
            + (n == 1 ? "the lead" : "all " + n + " leads")
            + " and their history from your workspace. It cannot be undone.");
    dialog.setCancelable(true);
    Button confirm = new Button("Delete " + plural(n));
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    confirm.setId("bulk-delete-confirm-button");
    dialog.setConfirmButton(confirm);
    dialog.addConfirmListener(e -> run(ids -> leads.bulkDelete(tenant, ids, actor), "deleted"));
    dialog.open();
  }

  /** Runs a change on the selected ids and reports "3 leads moved to Won." */
  private void run(java.util.function.ToIntFunction<List<Long>> change, String what) {
    List<Long> ids = selection.get().stream().map(Lead::id).toList();
    if (ids.isEmpty()) {
      return;
    }
    try {
      int n = change.applyAsInt(ids);
      String text = plural(n) + " " + what + ".";
      LeadUi.toast(Character.toUpperCase(text.charAt(0)) + text.substring(1), false);
    } catch (DomainException e) {
      LeadUi.toast(e.getMessage(), true);
    }
    done.run();
  }

  static String plural(int n) {
    return n == 1 ? "1 lead" : n + " leads";
  }
}
