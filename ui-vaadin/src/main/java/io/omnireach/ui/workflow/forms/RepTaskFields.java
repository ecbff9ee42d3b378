package io.omnireach.ui.workflow.forms;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import elemental.json.JsonObject;
import io.omnireach.persona.Persona;
import io.omnireach.ui.workflow.NodeForm;
import io.omnireach.ui.workflow.NodeFormContext;
import io.omnireach.user.Member;
import java.util.ArrayList;
import java.util.List;

/** The fields LinkedIn task and Call forms share: persona, assignee, due in N days. */
final class RepTaskFields {

  final Select<Persona> persona = new Select<>();
  final Select<String> assignee = new Select<>();
  final IntegerField dueInDays = new IntegerField("Due after (days)");

  RepTaskFields(JsonObject c, NodeFormContext ctx) {
    persona.setId("node-persona");
    persona.setLabel("AI writes it in the voice of");
    persona.setItems(ctx.personas());
    persona.setItemLabelGenerator(p -> p == null ? "" : p.name());
    persona.setEmptySelectionAllowed(true);
    persona.setEmptySelectionCaption("No persona: offline template");
    persona.setPlaceholder("No persona: offline template");
    persona.setWidthFull();
    Long personaId = NodeForm.id(c, "personaId");
    ctx.personas().stream()
        .filter(p -> personaId != null && p.id() == personaId)
        .findFirst()
        .ifPresent(persona::setValue);
    assignee.setId("node-assignee");
    assignee.setLabel("Assign to");
    List<String> ids = new ArrayList<>();
    ids.add(TaskForm.OWNER);
    ctx.members().forEach(m -> ids.add(m.email()));
    assignee.setItems(ids);
    assignee.setItemLabelGenerator(
        id ->
            id.equals(TaskForm.OWNER)
                ? "The lead's owner"
                : ctx.members().stream()
                    .filter(m -> m.email().equals(id))
                    .map(Member::displayName)
                    .findFirst()
                    .orElse(id));
    String a = NodeForm.text(c, "assignee");
    assignee.setValue(ids.contains(a) ? a : TaskForm.OWNER);
    assignee.setWidthFull();
    dueInDays.setId("node-due-days");
    dueInDays.setMin(0);
    dueInDays.setMax(365);
    dueInDays.setStepButtonsVisible(true);
    dueInDays.setHelperText("0 = due the moment the step runs");
    String due = NodeForm.text(c, "dueInDays");
    dueInDays.setValue(due.matches("\\d+") ? Integer.parseInt(due) : 0);
  }

  boolean valid() {
    Integer d = dueInDays.getValue();
    return NodeForm.valid(dueInDays, d != null && d >= 0 && d <= 365, "0 to 365 days.");
  }

  void write(JsonObject out) {
    if (persona.getValue() == null) {
      out.put("personaId", elemental.json.Json.createNull());
    } else {
      out.put("personaId", persona.getValue().id());
    }
    out.put("assignee", assignee.getValue());
    out.put("dueInDays", dueInDays.getValue());
  }

  static final String[] OWNED = {"personaId", "personaName", "assignee", "dueInDays"};
}
