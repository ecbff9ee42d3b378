package io.omnireach.ui.workflow.forms;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import elemental.json.JsonObject;
import io.omnireach.ui.workflow.NodeForm;
import io.omnireach.ui.workflow.NodeFormContext;
import io.omnireach.ui.workflow.NodeFormProvider;
import java.util.List;

/** LinkedIn task: what the rep does on LinkedIn, the text's brief, who and when. */
public final class LinkedInTaskForm implements NodeFormProvider {

  static final List<String> ACTIONS = List.of("connect", "message", "view_profile");

  @Override
  public String type() {
    return "linkedin_task";
  }

  @Override
  public NodeForm create(JsonObject c, NodeFormContext ctx) {
    NodeForm form = new NodeForm();
    Select<String> action = new Select<>();
    action.setId("node-linkedin-action");
    action.setLabel("The rep should");
    action.setItems(ACTIONS);
    action.setItemLabelGenerator(
        a ->
            switch (a) {
              case "message" -> "Send a message";
              case "view_profile" -> "View the profile";
              default -> "Send a connection request";
            });
    String a = NodeForm.text(c, "action");
    action.setValue(ACTIONS.contains(a) ? a : "connect");
    action.setWidthFull();
    RepTaskFields shared = new RepTaskFields(c, ctx);
    TextArea prompt = new TextArea("What should the note say?");
    prompt.setId("node-prompt");
    prompt.setWidthFull();
    prompt.setMinHeight("110px");
    prompt.setHelperText(
        "The brief for the AI, e.g. \"mention we met at SaaStr\". Offline templates cannot"
            + " follow it.");
    prompt.setValue(NodeForm.text(c, "prompt"));
    Runnable sync =
        () -> {
          boolean text = !"view_profile".equals(action.getValue());
          prompt.setVisible(text);
          shared.persona.setVisible(text);
        };
    action.addValueChangeListener(e -> sync.run());
    sync.run();
    form.add(action, shared.persona, prompt, shared.assignee, shared.dueInDays);
    form.note(
        "Automation-safe: OmniReach never touches LinkedIn. The rep gets a task with the text to"
            + " copy and the profile link, and records sent, accepted, replied or skipped; each"
            + " outcome is an output of this step.");
    form.check(shared::valid);
    form.writes(
        out -> {
          out.put("action", action.getValue());
          out.put("prompt", prompt.getValue().trim());
          shared.write(out);
        },
        concat("action", "prompt"));
    return form;
  }

  static String[] concat(String... own) {
    String[] all = new String[own.length + RepTaskFields.OWNED.length];
    System.arraycopy(own, 0, all, 0, own.length);
    System.arraycopy(RepTaskFields.OWNED, 0, all, own.length, RepTaskFields.OWNED.length);
    return all;
  }
}
