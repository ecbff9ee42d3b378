package io.omnireach.ui.persona;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import io.omnireach.ai.AiException;
import io.omnireach.ai.Draft;
import io.omnireach.ai.GenerationService;
import io.omnireach.common.DomainException;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadQuery;
import io.omnireach.lead.LeadRepository;
import io.omnireach.persona.Persona;
import io.omnireach.persona.Tone;
import io.omnireach.tenant.TenantRef;
import java.util.List;
import java.util.function.Supplier;

/**
 * The studio's live preview: for a lead picked here, the message this persona would write (with the
 * editor's current, possibly unsaved, tone) next to the one another persona would write. Both come
 * from {@link GenerationService} exactly as a lead page's draft does; nothing is saved or sent.
 */
final class PersonaPreview extends Div {

  /** Everything the preview needs from the page. */
  record Studio(
      TenantRef tenant,
      String actor,
      LeadRepository leads,
      GenerationService generation,
      List<Persona> personas) {}

  private final Studio studio;
  private final Persona persona;
  private final Supplier<Tone> tone;
  private final ComboBox<Lead> lead = new ComboBox<>("Lead");
  private final Select<Persona> other = new Select<>();
  private final Card mine;
  private final Card theirs;

  PersonaPreview(Studio studio, Persona persona, Supplier<Tone> tone) {
    this.studio = studio;
    this.persona = persona;
    this.tone = tone;
    addClassName("omni-persona-preview");
    setId("persona-preview");

    Span help =
        new Span(
            "What this persona would write to a lead, next to another persona. Moving a tone"
                + " slider rewrites its side with the unsaved values. Nothing is saved or sent.");
    help.addClassName("omni-persona-hint");
    Div head = new Div(new H4("Live preview"));
    head.addClassName("omni-persona-section-head");

    lead.setId("persona-preview-lead");
    lead.setPlaceholder("Search by name, email or company");
    lead.setItems(
        q ->
            studio
                .leads()
                .slice(
                    studio.tenant(),
                    LeadQuery.all().withText(q.getFilter().orElse("")),
                    q.getOffset(),
                    q.getLimit())
                .stream());
    lead.setItemLabelGenerator(
        l -> l.fullName() + (l.company() == null ? "" : " · " + l.company()));
    lead.addValueChangeListener(e -> regenerate());

    List<Persona> others = studio.personas().stream().filter(p -> p.id() != persona.id()).toList();
    other.setLabel("Compare with");
    other.setId("persona-preview-other");
    other.setItems(others);
    other.setItemLabelGenerator(Persona::name);
    other.setEmptySelectionAllowed(false);
    if (!others.isEmpty()) {
      other.setValue(others.get(0));
    }
    other.setEnabled(!others.isEmpty());
    other.addValueChangeListener(e -> writeTheirs());

    Button again = new Button("Regenerate", VaadinIcon.REFRESH.create(), e -> regenerate());
    again.setId("persona-preview-regenerate");
    again.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
    Div controls = new Div(lead, other, again);
    controls.addClassName("omni-persona-preview-controls");

    mine = new Card("persona-preview-mine", persona.name(), "This persona");
    theirs =
        new Card(
            "persona-preview-other-card",
            others.isEmpty() ? "No other persona" : others.get(0).name(),
            "Compared with");
    Div cards = new Div(mine, theirs);
    cards.addClassName("omni-persona-preview-cards");
    add(head, help, controls, cards);
    mine.empty("Pick a lead to see what this persona would write.");
    theirs.empty(
        others.isEmpty()
            ? "Create another persona to compare voices side by side."
            : "Pick a lead to compare with " + others.get(0).name() + ".");
  }

  /** The editor's sliders settled: rewrite this persona's side with their values. */
  void toneChanged() {
    if (lead.getValue() != null) {
      writeMine();
    }
  }

  private void regenerate() {
    writeMine();
    writeTheirs();
  }

  private void writeMine() {
    Lead l = lead.getValue();
    if (l == null) {
      mine.empty("Pick a lead to see what this persona would write.");
      return;
    }
    Tone t = tone.get();
    mine.show(() -> write(l, persona.withTone(t)), t, !t.equals(persona.tone()));
  }

  private void writeTheirs() {
    Lead l = lead.getValue();
    Persona p = other.getValue();
    if (p == null) {
      return;
    }
    theirs.title(p.name());
    if (l == null) {
      theirs.empty("Pick a lead to compare with " + p.name() + ".");
      return;
    }
    theirs.show(() -> write(l, p), p.tone(), false);
  }

  private Draft write(Lead l, Persona p) {
    return studio.generation().generate(studio.tenant(), l, p, studio.actor());
  }

  /** One side: whose voice, which writer and tone values, then the message. */
  private static final class Card extends Div {
    private final Span name = new Span();
    private final Span writer = new Span();
    private final Div tones = new Div();
    private final Div subject = new Div();
    private final Div body = new Div();
    private final Span message = new Span();

    Card(String id, String title, String kicker) {
      setId(id);
      addClassName("omni-persona-preview-card");
      Span k = new Span(kicker);
      k.addClassName("omni-persona-preview-kicker");
      name.addClassName("omni-persona-preview-name");
      Div who = new Div(k, name);
      who.addClassName("omni-persona-preview-who");
      writer.addClassName("omni-persona-preview-writer");
      writer.setVisible(false);
      Div top = new Div(who, writer);
      top.addClassName("omni-persona-preview-top");
      tones.addClassName("omni-persona-preview-tones");
      subject.addClassName("omni-persona-preview-subject");
      body.addClassName("omni-persona-preview-body");
      message.addClassName("omni-persona-preview-message");
      add(top, tones, subject, body, message);
      title(title);
    }

    void title(String title) {
      name.setText(title == null ? "" : title);
    }

    void empty(String text) {
      writer.setVisible(false);
      tones.setVisible(false);
      subject.setVisible(false);
      body.setVisible(false);
      message.setText(text);
      message.removeClassName("omni-error");
      message.setVisible(true);
    }

    void show(Supplier<Draft> writing, Tone tone, boolean unsaved) {
      tones.removeAll();
      tones.add(
          chip("Formality " + tone.formality()),
          chip("Detail " + tone.detail()),
          chip("Warmth " + tone.warmth()));
      if (unsaved) {
        Span u = chip("unsaved");
        u.addClassName("omni-persona-preview-unsaved");
        tones.add(u);
      }
      tones.setVisible(true);
      try {
        Draft d = writing.get();
        writer.setText(
            d.offline() ? "Offline writer" : d.generator() + (d.cached() ? " · cached" : ""));
        writer
            .getElement()
            .setAttribute(
                "title",
                d.offline()
                    ? "No AI key in Settings → AI: written from templates"
                    : "Written by the workspace's AI model");
        writer.getElement().setAttribute("data-writer", d.generator());
        writer.setVisible(true);
        subject.setText(d.subject());
        body.setText(d.body());
        subject.setVisible(true);
        body.setVisible(true);
        message.setVisible(false);
      } catch (AiException | DomainException e) {
        writer.setVisible(false);
        subject.setVisible(false);
        body.setVisible(false);
        message.setText(e.getMessage());
        message.addClassName("omni-error");
        message.setVisible(true);
      }
    }

    private static Span chip(String text) {
      Span s = new Span(text);
      s.addClassName("omni-persona-preview-tone");
      return s;
    }
  }
}
