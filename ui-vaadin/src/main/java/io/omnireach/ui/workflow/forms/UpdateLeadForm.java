package io.omnireach.ui.workflow.forms;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import elemental.json.JsonObject;
import io.omnireach.lead.Stage;
import io.omnireach.ui.workflow.NodeForm;
import io.omnireach.ui.workflow.NodeFormContext;
import io.omnireach.ui.workflow.NodeFormProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Update lead: a stage to move to and/or a tag to add. */
public final class UpdateLeadForm implements NodeFormProvider {

  @Override
  public String type() {
    return "update_lead";
  }

  @Override
  public NodeForm create(JsonObject c, NodeFormContext ctx) {
    NodeForm form = new NodeForm();
    Select<String> stage = new Select<>();
    stage.setId("node-stage");
    stage.setLabel("Move to stage");
    List<String> stages = new ArrayList<>();
    stages.add("");
    Arrays.stream(Stage.values()).map(Stage::value).forEach(stages::add);
    stage.setItems(stages);
    stage.setItemLabelGenerator(s -> s.isEmpty() ? "Keep the stage" : capitalize(s));
    String s = NodeForm.text(c, "stage");
    stage.setValue(stages.contains(s) ? s : "");
    stage.setWidthFull();
    TextField tag = new TextField("Add tag");
    tag.setId("node-tag");
    tag.setValue(NodeForm.text(c, "addTag"));
    tag.setWidthFull();
    form.add(stage, tag);
    form.check(
        () ->
            NodeForm.valid(
                tag,
                !stage.getValue().isEmpty() || !tag.getValue().isBlank(),
                "Change the stage, add a tag, or both."));
    form.writes(
        out -> {
          if (!stage.getValue().isEmpty()) {
            out.put("stage", stage.getValue());
          }
          if (!tag.getValue().isBlank()) {
            out.put("addTag", tag.getValue().trim().toLowerCase(Locale.ROOT));
          }
        },
        "stage",
        "addTag");
    return form;
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
