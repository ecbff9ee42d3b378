package io.omnireach.ui.workflow;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.omnireach.common.DomainException;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadQuery;
import io.omnireach.lead.LeadRepository;
import io.omnireach.lead.Stage;
import io.omnireach.simulation.ScriptedReply;
import io.omnireach.simulation.Simulations;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.shell.Toasts;
import java.util.ArrayList;
import java.util.List;

/**
 * "Simulate": the sample leads (picked, the first N, or the leads matching a filter as on the leads
 * list: stage, tag, text), the version (draft or a published one) and optional scripted replies
 * ("lead 3 replies out-of-office on day 2"); starts the simulation and opens its page.
 */
final class SimulateDialog extends Dialog {

  private final MultiSelectComboBox<Lead> picked = new MultiSelectComboBox<>("Sample leads");
  private final IntegerField firstN = new IntegerField("Or the first N leads");
  static final String PICK = "Pick leads or the first N";
  static final String FILTER = "Leads matching a filter";
  private final RadioButtonGroup<String> mode = new RadioButtonGroup<>("Which leads");
  private final Select<String> stage = new Select<>();
  private final TextField tag = new TextField("Tag");
  private final TextField text = new TextField("Name, email or company");
  private final Paragraph matches = new Paragraph();
  private final Select<String> version = new Select<>();
  private final Div script = new Div();
  private final List<Row> rows = new ArrayList<>();

  private record Row(IntegerField lead, IntegerField day, Select<String> kind, TextField text) {}

  SimulateDialog(
      Simulations simulations,
      LeadRepository leads,
      TenantRef tenant,
      String actor,
      long workflowId,
      List<Integer> versions) {
    setHeaderTitle("Simulate this workflow");
    setWidth("720px");
    setId("simulate-dialog");
    Paragraph intro =
        new Paragraph(
            "A dry run: every step, message, policy verdict and send time for the sample leads,"
                + " with waits passing instantly. Nothing is sent and no run is started.");
    intro.addClassName("omni-muted");
    List<Lead> all = leads.slice(tenant, LeadQuery.all(), 0, Simulations.MAX_LEADS);
    picked.setItems(all);
    picked.setItemLabelGenerator(
        l -> l.fullName() + (l.company() == null ? "" : " · " + l.company()));
    picked.setWidthFull();
    picked.setId("simulate-leads");
    picked.setPlaceholder("Pick leads…");
    firstN.setMin(1);
    firstN.setMax(Simulations.MAX_LEADS);
    firstN.setValue(Math.min(10, Math.max(1, all.size())));
    firstN.setHelperText("Used when no lead is picked (up to " + Simulations.MAX_LEADS + ")");
    firstN.setId("simulate-first-n");
    List<String> choices = new ArrayList<>();
    choices.add("Draft");
    for (int i = versions.size() - 1; i >= 0; i--) {
      choices.add("Version " + versions.get(i));
    }
    version.setLabel("Version");
    version.setItems(choices);
    version.setValue("Draft");
    version.setId("simulate-version");
    Div fields = new Div(firstN);
    fields.addClassName("omni-sim-dialog-row");

    mode.setItems(PICK, FILTER);
    mode.setValue(PICK);
    mode.setId("simulate-mode");
    stage.setLabel("Stage");
    List<String> stages = new ArrayList<>();
    stages.add("Any");
    for (Stage st : Stage.values()) {
      stages.add(st.value());
    }
    stage.setItems(stages);
    stage.setValue("Any");
    stage.setId("simulate-filter-stage");
    tag.setId("simulate-filter-tag");
    text.setId("simulate-filter-q");
    tag.setClearButtonVisible(true);
    // the count follows the typing
    tag.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
    text.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
    text.setClearButtonVisible(true);
    text.setWidthFull();
    matches.setId("simulate-filter-count");
    matches.addClassName("omni-muted");
    Div filterRow = new Div(stage, tag, text);
    filterRow.addClassName("omni-sim-dialog-row");
    Div filterBox = new Div(filterRow, matches);
    filterBox.addClassName("omni-sim-filter");
    Runnable count =
        () -> {
          int n = leads.count(tenant, filter());
          matches.setText(
              n > Simulations.MAX_LEADS
                  ? n + " leads match: narrow the filter to " + Simulations.MAX_LEADS + " or fewer."
                  : n + (n == 1 ? " lead matches." : " leads match."));
        };
    stage.addValueChangeListener(e -> count.run());
    tag.addValueChangeListener(e -> count.run());
    text.addValueChangeListener(e -> count.run());
    Div pickBox = new Div(picked, fields);
    mode.addValueChangeListener(
        e -> {
          boolean byFilter = FILTER.equals(e.getValue());
          pickBox.setVisible(!byFilter);
          filterBox.setVisible(byFilter);
          if (byFilter) {
            count.run();
          }
        });
    filterBox.setVisible(false);

    Button addReply =
        new Button("Add a scripted reply", VaadinIcon.PLUS.create(), e -> addRow(all.size()));
    addReply.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    addReply.setId("simulate-add-reply");
    script.addClassName("omni-sim-script");
    add(intro, mode, pickBox, filterBox, version, script, addReply);

    Button cancel = new Button("Cancel", e -> close());
    Button run = new Button("Run simulation", VaadinIcon.FLASK.create());
    run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    run.setId("simulate-run");
    run.addClickListener(
        e -> {
          List<Long> ids;
          try {
            ids =
                FILTER.equals(mode.getValue())
                    ? simulations.leadsMatching(tenant, filter())
                    : picked.getSelectedItems().isEmpty()
                        ? all.stream()
                            .limit(firstN.getValue() == null ? 10 : firstN.getValue())
                            .map(Lead::id)
                            .toList()
                        : picked.getSelectedItems().stream().map(Lead::id).toList();
          } catch (DomainException ex) {
            Toasts.error(ex.getMessage());
            return;
          }
          try {
            List<ScriptedReply> replies = new ArrayList<>();
            for (Row r : rows) {
              replies.add(
                  new ScriptedReply(
                      null,
                      r.lead().getValue(),
                      r.day().getValue() == null ? -1 : r.day().getValue(),
                      r.kind().getValue(),
                      r.text().getValue().isBlank() ? null : r.text().getValue()));
            }
            Integer v =
                "Draft".equals(version.getValue())
                    ? null
                    : Integer.valueOf(version.getValue().substring("Version ".length()));
            long id = simulations.start(tenant, workflowId, v, ids, replies, actor);
            close();
            UI.getCurrent().navigate("simulations/" + id);
          } catch (DomainException ex) {
            Toasts.error(ex.getMessage());
          }
        });
    getFooter().add(cancel, run);
  }

  private void addRow(int leadCount) {
    IntegerField lead = new IntegerField("Lead #");
    lead.setMin(1);
    lead.setValue(1);
    lead.setWidth("90px");
    IntegerField day = new IntegerField("On day");
    day.setMin(0);
    day.setValue(2);
    day.setWidth("90px");
    Select<String> kind = new Select<>();
    kind.setLabel("What happens");
    kind.setItems("reply", "out_of_office", "meeting_booked", "linkedin_replied");
    kind.setValue("reply");
    TextField text = new TextField("Text (optional)");
    text.setWidthFull();
    Row row = new Row(lead, day, kind, text);
    rows.add(row);
    int n = rows.size();
    lead.setId("simulate-reply-lead-" + n);
    day.setId("simulate-reply-day-" + n);
    kind.setId("simulate-reply-kind-" + n);
    Div line = new Div(lead, day, kind, text);
    line.addClassName("omni-sim-dialog-row");
    script.add(line);
  }

  /** The filter as the leads list reads it. */
  private LeadQuery filter() {
    return LeadQuery.of(
        text.getValue(),
        "Any".equals(stage.getValue()) ? null : stage.getValue(),
        null,
        tag.getValue(),
        null,
        null);
  }
}
