package io.omnireach.ui.run;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.omnireach.common.DomainException;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadQuery;
import io.omnireach.lead.LeadRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.engine.Enrollments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Enrols leads into a workflow's published version: the leads matching a search and tag (the leads
 * list's filters), or ids pasted from elsewhere. Says how many match before, and after: how many
 * were enrolled and which were skipped, with the reason (already in a run, do not contact, …).
 */
class EnrolDialog extends Dialog {

  static final String BY_FILTER = "Find leads";
  static final String BY_IDS = "Lead ids";
  static final int PREVIEW = 4;

  private final Enrollments enrollments;
  private final LeadRepository leads;
  private final TenantRef tenant;
  private final long workflowId;
  private final String actor;
  private final Runnable enrolled;
  private final RadioButtonGroup<String> mode = new RadioButtonGroup<>();
  private final TextField text = new TextField("Name, email or company");
  private final ComboBox<String> tag = new ComboBox<>("Tag");
  private final TextArea ids = new TextArea("Lead ids");
  private final Span matches = new Span();
  private final Div form = new Div();
  private final Div result = new Div();
  private final Button enrol = new Button("Enrol", VaadinIcon.PLAY.create());
  private final Button close = new Button("Cancel");

  EnrolDialog(
      Enrollments enrollments,
      LeadRepository leads,
      TenantRef tenant,
      long workflowId,
      String workflowName,
      String actor,
      Runnable enrolled) {
    this.enrollments = enrollments;
    this.leads = leads;
    this.tenant = tenant;
    this.workflowId = workflowId;
    this.actor = actor;
    this.enrolled = enrolled;
    setId("enrol-dialog");
    setHeaderTitle("Enrol leads in “" + workflowName + "”");
    setWidth("560px");
    addClassName("omni-enrol");

    mode.setId("enrol-mode");
    mode.setItems(BY_FILTER, BY_IDS);
    mode.setValue(BY_FILTER);
    mode.addValueChangeListener(e -> showMode());

    text.setId("enrol-search");
    text.setPlaceholder("Everyone");
    text.setClearButtonVisible(true);
    text.setValueChangeMode(ValueChangeMode.LAZY);
    text.setPrefixComponent(VaadinIcon.SEARCH.create());
    text.addValueChangeListener(e -> preview());
    tag.setId("enrol-tag");
    tag.setItems(leads.distinctTags(tenant));
    tag.setPlaceholder("Any tag");
    tag.setClearButtonVisible(true);
    tag.addValueChangeListener(e -> preview());
    ids.setId("enrol-ids");
    ids.setPlaceholder("101, 102, 103");
    ids.setHelperText("Separated by commas, spaces or new lines; at most 100,000.");
    ids.setValueChangeMode(ValueChangeMode.LAZY);
    ids.addValueChangeListener(e -> preview());
    matches.setId("enrol-matches");
    matches.addClassName("omni-enrol-matches");

    Span note =
        new Span(
            "Each lead starts at the first step of the published version now. Leads already in an"
                + " active run of this workflow, or marked do not contact, are skipped.");
    note.addClassName("omni-muted");
    form.addClassName("omni-enrol-form");
    result.setId("enrol-result");
    result.addClassName("omni-enrol-result");
    result.setVisible(false);
    add(new Div(note), mode, form, matches, result);

    enrol.setId("enrol-submit");
    enrol.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    enrol.addClickListener(e -> submit());
    close.setId("enrol-close");
    close.addClickListener(e -> close());
    getFooter().add(close, enrol);
    showMode();
  }

  private void showMode() {
    form.removeAll();
    if (BY_IDS.equals(mode.getValue())) {
      ids.setWidthFull();
      form.add(ids);
    } else {
      Div row = new Div(text, tag);
      row.addClassName("omni-enrol-row");
      form.add(row);
    }
    preview();
  }

  private LeadQuery query() {
    return LeadQuery.all().withText(text.getValue()).withTag(tag.getValue());
  }

  /** Says how many leads the enrolment would take (and names the first few). */
  private void preview() {
    matches.removeAll();
    int n;
    if (BY_IDS.equals(mode.getValue())) {
      n = parseIds(ids.getValue()).size();
      matches.add(new Span(n == 1 ? "1 id" : String.format(Locale.ENGLISH, "%,d ids", n)));
    } else {
      n = leads.count(tenant, query());
      List<Lead> first = leads.slice(tenant, query(), 0, PREVIEW);
      String names =
          String.join(", ", first.stream().map(Lead::fullName).toList())
              + (n > first.size()
                  ? " and " + String.format("%,d", n - first.size()) + " more"
                  : "");
      Span count =
          new Span(n == 1 ? "1 lead matches" : String.format(Locale.ENGLISH, "%,d leads match", n));
      count.addClassName("omni-enrol-count");
      matches.add(count);
      if (n > 0) {
        Span who = new Span(names);
        who.addClassName("omni-muted");
        matches.add(who);
      }
    }
    enrol.setText(n == 1 ? "Enrol 1 lead" : String.format(Locale.ENGLISH, "Enrol %,d leads", n));
    enrol.setEnabled(n > 0);
  }

  private void submit() {
    Enrollments.Result r;
    try {
      r =
          BY_IDS.equals(mode.getValue())
              ? enrollments.enrol(tenant, workflowId, parseIds(ids.getValue()), actor)
              : enrollments.enrol(tenant, workflowId, query(), actor);
    } catch (DomainException e) {
      RunUi.toast(e.getMessage(), true);
      return;
    }
    showResult(r);
    enrolled.run();
  }

  private void showResult(Enrollments.Result r) {
    result.removeAll();
    Span head =
        new Span(
            "Enrolled "
                + String.format(Locale.ENGLISH, "%,d", r.enrolled())
                + (r.skipped() == 0 ? "." : " · skipped " + String.format("%,d", r.skipped())));
    head.setId("enrol-summary");
    head.addClassName("omni-enrol-summary");
    result.add(head);
    r.skippedBy()
        .forEach(
            (reason, n) -> {
              Span chip = new Span(n + " · " + reason);
              chip.addClassName("omni-chip");
              result.add(chip);
            });
    if (!r.skips().isEmpty()) {
      Div list = new Div();
      list.addClassName("omni-enrol-skips");
      r.skips().stream()
          .limit(10)
          .forEach(s -> list.add(new Div(new Span("Lead #" + s.leadId() + ": " + s.reason()))));
      result.add(list);
    }
    result.setVisible(true);
    form.setVisible(false);
    mode.setVisible(false);
    matches.setVisible(false);
    enrol.setVisible(false);
    close.setText("Done");
    close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
  }

  /** Whole numbers in any separators; anything else is ignored (and not counted). */
  static List<Long> parseIds(String text) {
    List<Long> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String part : text.split("[^0-9]+")) {
      if (!part.isEmpty() && part.length() <= 18) {
        out.add(Long.parseLong(part));
      }
    }
    return out;
  }
}
