package io.omnireach.ui.workflow.forms;

import com.vaadin.flow.component.textfield.TextArea;
import elemental.json.JsonObject;
import io.omnireach.ui.workflow.NodeForm;
import io.omnireach.ui.workflow.NodeFormContext;
import io.omnireach.ui.workflow.NodeFormProvider;

/** Call (task mode): the talk track (the step's own, or the AI's brief), who and when. */
public final class CallForm implements NodeFormProvider {

  @Override
  public String type() {
    return "call";
  }

  @Override
  public NodeForm create(JsonObject c, NodeFormContext ctx) {
    NodeForm form = new NodeForm();
    RepTaskFields shared = new RepTaskFields(c, ctx);
    TextArea script = new TextArea("Talk track");
    script.setId("node-call-script");
    script.setWidthFull();
    script.setMinHeight("110px");
    script.setHelperText(
        "Your own script ({{lead.firstName}} etc. allowed). Leave empty to have it written.");
    script.setValue(NodeForm.text(c, "script"));
    TextArea prompt = new TextArea("Brief for the AI");
    prompt.setId("node-prompt");
    prompt.setWidthFull();
    prompt.setMinHeight("90px");
    prompt.setValue(NodeForm.text(c, "prompt"));
    Runnable sync = () -> prompt.setVisible(script.getValue().isBlank());
    script.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
    script.addValueChangeListener(e -> sync.run());
    sync.run();
    form.add(script, shared.persona, prompt, shared.assignee, shared.dueInDays);
    form.note(
        "The rep calls and records connected, voicemail, no answer or skipped; each outcome is"
            + " an output of this step.");
    form.check(shared::valid);
    form.writes(
        out -> {
          out.put("script", script.getValue().trim());
          out.put("prompt", prompt.getValue().trim());
          shared.write(out);
        },
        LinkedInTaskForm.concat("script", "prompt"));
    return form;
  }
}
