package io.omnireach.ui.workflow.forms;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import elemental.json.JsonObject;
import io.omnireach.ui.workflow.NodeForm;
import io.omnireach.ui.workflow.NodeFormContext;
import io.omnireach.ui.workflow.NodeFormProvider;

/**
 * Call: a task for the rep (the talk track — the step's own, or the AI's brief — who and when), or
 * an automated call that reads the script aloud, with what to do when the lead has not consented.
 */
public final class CallForm implements NodeFormProvider {

  @Override
  public String type() {
    return "call";
  }

  @Override
  public NodeForm create(JsonObject c, NodeFormContext ctx) {
    NodeForm form = new NodeForm();
    RadioButtonGroup<String> mode = new RadioButtonGroup<>("How");
    mode.setId("node-call-mode");
    mode.setItems("task", "automated");
    mode.setItemLabelGenerator(
        m -> m.equals("task") ? "The rep calls (a task)" : "Automated call (Twilio reads it)");
    mode.setValue("automated".equals(NodeForm.text(c, "mode")) ? "automated" : "task");
    Select<String> noConsent = new Select<>();
    noConsent.setId("node-call-no-consent");
    noConsent.setLabel("Without call consent or a Twilio number");
    noConsent.setItems("task", "skip");
    noConsent.setItemLabelGenerator(
        v -> v.equals("task") ? "Give the rep a call task instead" : "Skip the call");
    noConsent.setValue("skip".equals(NodeForm.text(c, "noConsent")) ? "skip" : "task");
    noConsent.setWidthFull();
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
    Paragraph how = new Paragraph();
    how.addClassName("omni-muted");
    Runnable sync =
        () -> {
          boolean automated = "automated".equals(mode.getValue());
          script.setLabel(automated ? "Script read aloud" : "Talk track");
          script.setHelperText(
              automated
                  ? "Twilio reads it to the lead ({{lead.firstName}} etc. allowed), only with call"
                      + " consent and 08:00–21:00 in the lead's time zone."
                  : "Your own script ({{lead.firstName}} etc. allowed). Leave empty to have it"
                      + " written.");
          prompt.setVisible(script.getValue().isBlank());
          noConsent.setVisible(automated);
          how.setText(
              automated
                  ? "Goes down connected when the call completed, no answer when busy or"
                      + " unanswered, skipped when it failed or was not placed."
                  : "The rep calls and records connected, voicemail, no answer or skipped; each"
                      + " outcome is an output of this step.");
        };
    script.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
    script.addValueChangeListener(e -> sync.run());
    mode.addValueChangeListener(e -> sync.run());
    sync.run();
    form.add(
        mode, script, noConsent, shared.persona, prompt, shared.assignee, shared.dueInDays, how);
    form.check(shared::valid);
    form.check(
        () ->
            !"automated".equals(mode.getValue())
                || NodeForm.valid(
                    script, !script.getValue().isBlank(), "Write what the call should say."));
    form.writes(
        out -> {
          out.put("mode", mode.getValue());
          out.put("script", script.getValue().trim());
          out.put("prompt", prompt.getValue().trim());
          if ("automated".equals(mode.getValue())) {
            out.put("noConsent", noConsent.getValue());
          }
          shared.write(out);
        },
        LinkedInTaskForm.concat("mode", "script", "prompt", "noConsent"));
    return form;
  }
}
