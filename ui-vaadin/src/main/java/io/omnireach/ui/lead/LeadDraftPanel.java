package io.omnireach.ui.lead;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.omnireach.ai.AiException;
import io.omnireach.ai.Draft;
import io.omnireach.ai.GenerationService;
import io.omnireach.common.DomainException;
import io.omnireach.lead.Lead;
import io.omnireach.persona.Persona;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.tenant.TenantRef;
import java.util.List;

/**
 * Writes a first email to the lead in a persona's voice. Says plainly whether the offline generator
 * or which model wrote it; the text stays editable.
 */
class LeadDraftPanel extends Div {

  LeadDraftPanel(
      TenantRef tenant,
      Lead lead,
      PersonaRepository personas,
      GenerationService generation,
      String actor) {
    addClassNames("omni-panel", "omni-lead-draft");
    setId("lead-draft");
    add(new H3("Write with AI"));
    List<Persona> all = personas.list(tenant);
    if (all.isEmpty()) {
      Paragraph none = new Paragraph("Create a persona first: drafts are written in its voice.");
      none.addClassName("omni-muted");
      add(none);
      return;
    }
    Select<Persona> persona = new Select<>();
    persona.setLabel("Persona");
    persona.setItems(all);
    persona.setItemLabelGenerator(Persona::name);
    persona.setValue(all.get(0));
    persona.setId("draft-persona");
    Button write = new Button("Write draft", VaadinIcon.MAGIC.create());
    write.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    write.setId("draft-write");
    Div controls = new Div(persona, write);
    controls.addClassName("omni-lead-draft-controls");

    TextField subject = new TextField("Subject");
    subject.setWidthFull();
    subject.setId("draft-subject");
    TextArea body = new TextArea("Body");
    body.setWidthFull();
    body.setMinHeight("220px");
    body.setId("draft-body");
    Span generator = new Span();
    generator.setId("draft-generator");
    generator.getElement().getThemeList().add("badge pill");
    Paragraph rationale = new Paragraph();
    rationale.addClassName("omni-muted");
    Paragraph error = new Paragraph();
    error.addClassName("omni-error");
    Div result = new Div(generator, subject, body, rationale);
    result.addClassName("omni-lead-draft-result");
    result.setVisible(false);
    error.setVisible(false);
    add(controls, error, result);

    write.addClickListener(
        e -> {
          try {
            Draft draft = generation.generate(tenant, lead, persona.getValue(), actor);
            subject.setValue(draft.subject());
            body.setValue(draft.body());
            generator.setText(
                Draft.OFFLINE.equals(draft.generator())
                    ? "Offline generator (no AI key configured)"
                    : "Written by " + draft.generator() + (draft.cached() ? " · from cache" : ""));
            rationale.setText(draft.rationale() == null ? "" : draft.rationale());
            result.setVisible(true);
            error.setVisible(false);
          } catch (AiException | DomainException ex) {
            error.setText(ex.getMessage());
            error.setVisible(true);
          }
        });
  }
}
