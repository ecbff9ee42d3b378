package io.omnireach.ui.workflow.forms;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import elemental.json.JsonObject;
import io.omnireach.ui.workflow.NodeForm;
import io.omnireach.ui.workflow.NodeFormContext;
import io.omnireach.ui.workflow.NodeFormProvider;

/** Send SMS: the AI draft of the previous step or a written text with merge fields. */
public final class SendSmsForm implements NodeFormProvider {

  /** Twilio's limit on one message (ten segments). */
  private static final int MAX = 1600;

  @Override
  public String type() {
    return "send_sms";
  }

  @Override
  public NodeForm create(JsonObject c, NodeFormContext ctx) {
    NodeForm form = new NodeForm();
    boolean aiBefore = ctx.hasUpstream("ai_generate");
    RadioButtonGroup<String> content = new RadioButtonGroup<>("Content");
    content.setId("node-sms-content");
    content.setItems("ai", "write");
    content.setItemLabelGenerator(
        v -> v.equals("ai") ? "The AI draft of the previous step" : "Write it here");
    String existing = NodeForm.text(c, "body");
    content.setValue(!existing.isBlank() || !aiBefore ? "write" : "ai");
    TextArea body = new TextArea("Text");
    body.setId("node-sms-body");
    body.setWidthFull();
    body.setMinHeight("120px");
    body.setMaxLength(MAX);
    body.setValueChangeMode(ValueChangeMode.EAGER);
    body.setValue(existing);
    body.setHelperText(
        "Merge fields like {{lead.firstName}} work. Sent only to leads with SMS consent, 08:00–21:00"
            + " in their time zone.");
    Paragraph aiHint = new Paragraph();
    aiHint.addClassName("omni-muted");
    Runnable sync =
        () -> {
          boolean write = "write".equals(content.getValue());
          body.setVisible(write);
          aiHint.setVisible(!write);
          aiHint.setText(
              aiBefore
                  ? "Sends the body the preceding AI generate step wrote."
                  : "No AI generate step comes before this one yet: add one, or write the text.");
        };
    content.addValueChangeListener(e -> sync.run());
    sync.run();
    form.add(content, aiHint, body);
    form.check(
        () ->
            !"write".equals(content.getValue())
                || NodeForm.valid(body, !body.getValue().isBlank(), "Write the text."));
    form.writes(
        out -> out.put("body", "write".equals(content.getValue()) ? body.getValue().strip() : ""),
        "body");
    return form;
  }
}
