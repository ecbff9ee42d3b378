package io.omnireach.ui.workflow.forms;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import elemental.json.JsonObject;
import io.omnireach.ui.workflow.Durations;
import io.omnireach.ui.workflow.Durations.Amount;
import io.omnireach.ui.workflow.Durations.Unit;
import io.omnireach.ui.workflow.NodeForm;
import io.omnireach.ui.workflow.NodeFormContext;
import io.omnireach.ui.workflow.NodeFormProvider;
import java.util.Objects;

/** Wait: for a set time, or until a reply or an open with a time-out. */
public final class WaitForm implements NodeFormProvider {

  @Override
  public String type() {
    return "wait";
  }

  @Override
  public NodeForm create(JsonObject c, NodeFormContext ctx) {
    NodeForm form = new NodeForm();
    RadioButtonGroup<String> mode = new RadioButtonGroup<>("Wait");
    mode.setId("node-wait-mode");
    mode.setItems("time", "reply", "open");
    mode.setItemLabelGenerator(
        v ->
            switch (v) {
              case "reply" -> "Until they reply";
              case "open" -> "Until they open";
              default -> "For a set time";
            });
    String until = NodeForm.text(c, "until");
    mode.setValue(until.equals("reply") || until.equals("open") ? until : "time");
    String iso = NodeForm.text(c, until.isEmpty() ? "duration" : "timeout");
    if (iso.isEmpty()) {
      iso = NodeForm.text(c, "duration");
    }
    Amount amount = Objects.requireNonNullElse(Durations.parse(iso), new Amount(2, Unit.DAYS));
    IntegerField number = new IntegerField();
    number.setId("node-wait-amount");
    number.setMin(1);
    number.setStepButtonsVisible(true);
    number.setValue(amount.amount());
    number.setWidth("8em");
    Select<Unit> unit = new Select<>();
    unit.setId("node-wait-unit");
    unit.setItems(Unit.values());
    unit.setItemLabelGenerator(u -> u.label);
    unit.setValue(amount.unit());
    unit.setWidth("9em");
    Div row = new Div(number, unit);
    row.addClassName("omni-node-panel-row");
    Runnable sync = () -> number.setLabel("time".equals(mode.getValue()) ? "For" : "Give up after");
    mode.addValueChangeListener(e -> sync.run());
    sync.run();
    form.add(mode, row);
    form.check(
        () ->
            NodeForm.valid(
                number,
                number.getValue() != null && number.getValue() >= 1,
                "A whole number, at least 1."));
    form.writes(
        out -> {
          String value = new Amount(number.getValue(), unit.getValue()).iso();
          if ("time".equals(mode.getValue())) {
            out.put("duration", value);
          } else {
            out.put("until", mode.getValue());
            out.put("timeout", value);
          }
        },
        "duration",
        "until",
        "timeout");
    return form;
  }
}
