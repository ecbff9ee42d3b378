package io.omnireach.ui.workflow.forms;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import elemental.json.JsonObject;
import io.omnireach.ui.workflow.NodeForm;
import io.omnireach.ui.workflow.NodeFormContext;
import io.omnireach.ui.workflow.NodeFormProvider;
import io.omnireach.user.Member;
import java.util.ArrayList;
import java.util.List;

/** Task: what to do and who does it (a member, or the lead's owner). */
public final class TaskForm implements NodeFormProvider {

  @Override
  public String type() {
    return "task";
  }

  @Override
  public NodeForm create(JsonObject c, NodeFormContext ctx) {
    NodeForm form = new NodeForm();
    TextField title = new TextField("Task");
    title.setId("node-task-title");
    title.setValue(NodeForm.text(c, "title"));
    title.setWidthFull();
    Select<String> assignee = new Select<>();
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
    form.add(title, assignee);
    form.check(() -> NodeForm.valid(title, !title.getValue().isBlank(), "Say what to do."));
    form.writes(
        out -> {
          out.put("title", title.getValue().trim());
          out.put("assignee", assignee.getValue());
        },
        "title",
        "assignee");
    return form;
  }

  /** The assignee that means the lead's owner. */
  public static final String OWNER = "owner";
}
