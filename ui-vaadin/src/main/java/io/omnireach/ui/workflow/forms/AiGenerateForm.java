package io.omnireach.ui.workflow.forms;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import elemental.json.JsonObject;
import io.omnireach.persona.Persona;
import io.omnireach.ui.workflow.NodeForm;
import io.omnireach.ui.workflow.NodeFormContext;
import io.omnireach.ui.workflow.NodeFormProvider;

/** AI generate: the persona whose voice the draft takes, and the brief. */
public final class AiGenerateForm implements NodeFormProvider {

  @Override
  public String type() {
    return "ai_generate";
  }

  @Override
  public NodeForm create(JsonObject c, NodeFormContext ctx) {
    NodeForm form = new NodeForm();
    Select<Persona> persona = new Select<>();
    persona.setId("node-persona");
    persona.setLabel("Persona");
    persona.setItems(ctx.personas());
    persona.setItemLabelGenerator(Persona::name);
    persona.setEmptySelectionAllowed(false);
    persona.setWidthFull();
    Long personaId = NodeForm.id(c, "personaId");
    ctx.personas().stream()
        .filter(p -> personaId != null && p.id() == personaId)
        .findFirst()
        .ifPresent(persona::setValue);
    TextArea prompt = new TextArea("What should the email do?");
    prompt.setId("node-prompt");
    prompt.setWidthFull();
    prompt.setMinHeight("140px");
    prompt.setHelperText(
        "The brief for the AI, e.g. \"invite them to the webinar on 3 March\". It already knows"
            + " the lead's name, company, title and industry. Offline drafts cannot follow it.");
    prompt.setValue(NodeForm.text(c, "prompt"));
    form.add(persona, prompt);
    if (ctx.personas().isEmpty()) {
      form.note("Create a persona first (Personas), so the AI writes in its voice.");
    }
    form.check(() -> NodeForm.valid(persona, persona.getValue() != null, "Choose a persona."));
    form.check(
        () ->
            NodeForm.valid(prompt, !prompt.getValue().isBlank(), "Say what the email should do."));
    form.writes(
        out -> {
          out.put("personaId", persona.getValue().id());
          out.put("prompt", prompt.getValue().trim());
        },
        "personaId",
        "personaName",
        "prompt");
    return form;
  }
}
