package io.omnireach.ui.persona;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import io.omnireach.common.DomainException;
import io.omnireach.knowledge.SampleFiles;
import io.omnireach.persona.Channel;
import io.omnireach.persona.Persona;
import io.omnireach.persona.PersonaDraft;
import io.omnireach.persona.Tone;
import io.omnireach.persona.VoiceProfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates or edits one persona (read-only for Viewers). It validates nothing itself: it raises a
 * {@link SaveEvent} with a draft, and shows the domain's answer on the field it names.
 */
final class PersonaEditor extends Dialog {

  private static final SampleFiles SAMPLE_FILES = new SampleFiles();

  /** Save pressed; {@code persona} is null for a new one. */
  static final class SaveEvent extends ComponentEvent<PersonaEditor> {
    private final Persona persona;
    private final PersonaDraft draft;

    SaveEvent(PersonaEditor source, Persona persona, PersonaDraft draft) {
      super(source, false);
      this.persona = persona;
      this.draft = draft;
    }

    Persona persona() {
      return persona;
    }

    PersonaDraft draft() {
      return draft;
    }
  }

  /** Delete pressed (and confirmed by the view). */
  static final class DeleteEvent extends ComponentEvent<PersonaEditor> {
    private final Persona persona;

    DeleteEvent(PersonaEditor source, Persona persona) {
      super(source, false);
      this.persona = persona;
    }

    Persona persona() {
      return persona;
    }
  }

  static final List<String> SUGGESTED_INDUSTRIES =
      List.of(
          "SaaS",
          "Fintech",
          "Healthcare",
          "Logistics",
          "Manufacturing",
          "Retail",
          "E-commerce",
          "Education",
          "Real estate",
          "Media",
          "Energy",
          "Public sector",
          "Professional services");

  private final Persona persona;
  private final TextField name = new TextField("Name");
  private final TextField role = new TextField("Role or title");
  private final Map<ToneScale, ToneSlider> sliders = new EnumMap<>(ToneScale.class);
  private final MultiSelectComboBox<String> industries =
      new MultiSelectComboBox<>("Industry focus");
  private final Select<Channel> channel = new Select<>();
  private final ComboBox<String> language = new ComboBox<>("Language");
  private final TextListEditor valuePropositions =
      new TextListEditor(
          "persona-value-props",
          "Value propositions",
          "Why a lead should care, in this persona's words.",
          "value proposition",
          "e.g. Most teams are live in under two weeks, without writing any code.",
          10,
          500);
  private final TextListEditor writingSamples =
      new TextListEditor(
          "persona-samples",
          "Writing samples",
          "Messages this persona would really send; the AI mirrors their voice."
              + " Placeholders like {{first_name}} are fine.",
          "writing sample",
          "Hi {{first_name}}, …",
          10,
          4000);
  private final TextArea signature = new TextArea("Signature");
  private final java.util.function.Function<Persona, String> blockOf;

  /**
   * {@code voice}: the saved persona's profile (null for a new one); {@code studio}: what the live
   * preview needs (null: no preview, as for a new persona or a Viewer); {@code blockOf}: the
   * persona as a signed block file (the export).
   */
  PersonaEditor(
      Persona persona,
      boolean canWrite,
      Set<String> knownIndustries,
      VoiceProfile voice,
      PersonaPreview.Studio studio,
      java.util.function.Function<Persona, String> blockOf) {
    this.persona = persona;
    this.blockOf = blockOf;
    addClassName("omni-persona-editor");
    setId("persona-editor");
    setWidth("min(1040px, 96vw)");
    setMaxHeight("92vh");
    setDraggable(false);
    setHeaderTitle(persona == null ? "New persona" : persona.name());
    Button close = new Button(VaadinIcon.CLOSE.create(), e -> close());
    close.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
    close.setAriaLabel("Close");
    getHeader().add(close);

    configureFields(knownIndustries);
    writingSamples.addAction(sampleUpload());
    boolean withPreview = persona != null && studio != null;
    // with the live preview on top, the tone sliders come first: right below the two messages
    Div left =
        withPreview
            ? new Div(tone(), identity(), audience())
            : new Div(identity(), tone(), audience());
    left.addClassName("omni-persona-column");
    Div right = new Div(valuePropositions, writingSamples, signatureSection());
    if (persona != null && voice != null) {
      right.addComponentAtIndex(2, voiceCard(voice));
    }
    right.addClassName("omni-persona-column");
    Div form = new Div(left, right);
    form.addClassName("omni-persona-form");
    if (withPreview) {
      PersonaPreview preview = new PersonaPreview(studio, persona, this::currentTone);
      sliders.values().forEach(s -> s.addSettledListener(600, preview::toneChanged));
      add(preview);
    }
    add(form);
    footer(canWrite);

    fill(persona);
    setReadOnly(!canWrite);
  }

  Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  Registration addDeleteListener(ComponentEventListener<DeleteEvent> listener) {
    return addListener(DeleteEvent.class, listener);
  }

  /** Shows a refusal from the domain on the field it names, or as a notification. */
  void showError(DomainException e) {
    String field = e.field() == null ? "" : e.field();
    switch (field) {
      case "name" -> invalid(name, e.getMessage());
      case "role" -> invalid(role, e.getMessage());
      case "industryFocus" -> invalid(industries, e.getMessage());
      case "defaultChannel" -> invalid(channel, e.getMessage());
      case "language" -> invalid(language, e.getMessage());
      case "signature" -> invalid(signature, e.getMessage());
      case "valuePropositions" -> valuePropositions.setError(e.getMessage());
      case "writingSamples" -> writingSamples.setError(e.getMessage());
      default -> {
        ToneScale scale =
            ToneScale.ALL.stream().filter(s -> s.field().equals(field)).findFirst().orElse(null);
        if (scale != null) {
          sliders.get(scale).setError(e.getMessage());
        } else {
          Notification.show(e.getMessage(), 5000, Notification.Position.BOTTOM_END)
              .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
      }
    }
  }

  private void configureFields(Set<String> knownIndustries) {
    name.setId("persona-name");
    name.setRequiredIndicatorVisible(true);
    name.setMaxLength(80);
    name.setPlaceholder("e.g. Friendly SDR");
    role.setId("persona-role");
    role.setMaxLength(120);
    role.setPlaceholder("e.g. Sales Development Representative");

    Set<String> options = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    options.addAll(SUGGESTED_INDUSTRIES);
    options.addAll(knownIndustries);
    if (persona != null) {
      options.addAll(persona.industryFocus());
    }
    industries.setId("persona-industries");
    industries.setItems(new ArrayList<>(options));
    industries.setAllowCustomValue(true);
    industries.setPlaceholder("Pick or type industries");
    industries.setSelectedItemsOnTop(true);
    industries.addCustomValueSetListener(
        e -> {
          String typed = e.getDetail().strip();
          if (typed.isEmpty()) {
            return;
          }
          options.add(typed);
          Set<String> selected = new LinkedHashSet<>(industries.getSelectedItems());
          industries.setItems(new ArrayList<>(options));
          selected.add(typed);
          industries.select(selected);
        });

    channel.setId("persona-channel");
    channel.setLabel("Default channel");
    channel.setItems(Channel.values());
    channel.setItemLabelGenerator(Channel::label);

    List<String> codes = new ArrayList<>(Languages.COMMON);
    language.setId("persona-language");
    language.setItems(codes);
    language.setItemLabelGenerator(Languages::label);
    language.setAllowCustomValue(true);
    language.setHelperText("ISO 639-1 code, e.g. en");
    language.addCustomValueSetListener(
        e -> {
          String code = e.getDetail().strip().toLowerCase(Locale.ROOT);
          if (!codes.contains(code)) {
            codes.add(code);
            language.setItems(codes);
          }
          language.setValue(code);
        });

    signature.setId("persona-signature");
    signature.setMaxLength(1000);
    signature.setPlaceholder("Best,\nAlex Chen\nCo-Founder, Acme");
    signature.setWidthFull();
    signature.addClassName("omni-persona-signature");

    for (var field : List.of(name, role, signature)) {
      field.setManualValidation(true);
      field.setWidthFull();
    }
    industries.setManualValidation(true);
    industries.setWidthFull();
    channel.setManualValidation(true);
    language.setManualValidation(true);
    // an error shown for a field goes as soon as that field changes
    name.addValueChangeListener(e -> name.setInvalid(false));
    role.addValueChangeListener(e -> role.setInvalid(false));
    signature.addValueChangeListener(e -> signature.setInvalid(false));
    industries.addValueChangeListener(e -> industries.setInvalid(false));
    channel.addValueChangeListener(e -> channel.setInvalid(false));
    language.addValueChangeListener(e -> language.setInvalid(false));
  }

  private Div identity() {
    Div grid = new Div(name, role);
    grid.addClassName("omni-persona-grid-2");
    return section("Identity", null, grid);
  }

  private Div tone() {
    Div list = new Div();
    list.addClassName("omni-persona-sliders");
    for (ToneScale scale : ToneScale.ALL) {
      ToneSlider slider = new ToneSlider(scale);
      sliders.put(scale, slider);
      list.add(slider);
    }
    return section("Tone", "How the AI should sound. The extremes are 0 and 100.", list);
  }

  private Div audience() {
    Div grid = new Div(channel, language);
    grid.addClassName("omni-persona-grid-2");
    return section("Audience and delivery", null, industries, grid);
  }

  /** The tone the sliders show now, saved or not (what the live preview writes with). */
  private Tone currentTone() {
    return new Tone(
        sliders.get(ToneScale.FORMALITY).getValue(),
        sliders.get(ToneScale.DETAIL).getValue(),
        sliders.get(ToneScale.WARMTH).getValue());
  }

  /** The voice of the saved samples (what GET /personas/{id}/voice answers). */
  private static Div voiceCard(VoiceProfile v) {
    boolean llm = VoiceProfile.LLM.equals(v.source());
    Span badge = new Span(llm ? "AI analysis · " + v.model() : "Offline analysis");
    badge.addClassName("omni-persona-voice-source");
    badge.setId("persona-voice-source");
    badge.getElement().setAttribute("data-source", v.source());
    badge
        .getElement()
        .setAttribute(
            "title",
            llm
                ? "Described by the workspace's AI model from the saved writing samples"
                : "Text statistics of the saved writing samples");
    Div head = new Div(new H4("Voice profile"), badge);
    head.addClassName("omni-persona-section-head");
    Div card = new Div(head);
    card.addClassName("omni-persona-voice");
    card.setId("persona-voice");
    if (v.samples() == 0) {
      Span none = new Span("Save a writing sample to see how this persona writes.");
      none.addClassName("omni-persona-hint");
      card.add(none);
      return card;
    }
    card.add(
        voiceRow("Sentences", "about " + Math.round(v.avgSentenceWords()) + " words"),
        voiceRow("Formality", v.formalityLabel() + " (" + v.formality() + ")"),
        voiceRow("Greets with", joined(v.greetings())),
        voiceRow("Signs off with", joined(v.signOffs())),
        voiceRow("Favourite words", joined(v.favouriteWords())),
        voiceRow("Never uses", joined(v.avoidedWords())));
    Span from =
        new Span("From " + v.samples() + (v.samples() == 1 ? " saved sample" : " saved samples"));
    from.addClassName("omni-persona-hint");
    card.add(from);
    if (v.note() != null) {
      Span note = new Span(v.note());
      note.addClassName("omni-persona-hint");
      note.setId("persona-voice-note");
      card.add(note);
    }
    return card;
  }

  private static Div voiceRow(String label, String value) {
    Span l = new Span(label);
    l.addClassName("omni-persona-voice-label");
    Div row = new Div(l, new Span(value));
    row.addClassName("omni-persona-voice-row");
    return row;
  }

  private static String joined(List<String> values) {
    return values.isEmpty() ? "–" : String.join(", ", values);
  }

  private Div signatureSection() {
    return section("Signature", "Added below every message this persona writes.", signature);
  }

  private static Div section(
      String title, String hint, com.vaadin.flow.component.Component... body) {
    Div head = new Div(new H4(title));
    head.addClassName("omni-persona-section-head");
    Div section = new Div(head);
    section.addClassName("omni-persona-section");
    if (hint != null) {
      Span help = new Span(hint);
      help.addClassName("omni-persona-hint");
      section.add(help);
    }
    section.add(body);
    return section;
  }

  private void footer(boolean canWrite) {
    if (persona != null) {
      getFooter().add(exportLink(persona, blockOf));
    }
    if (!canWrite) {
      Span note = new Span("Read only: Viewers cannot change personas.");
      note.addClassName("omni-persona-readonly-note");
      Button done = new Button("Close", e -> close());
      done.setId("persona-close");
      getFooter().add(note, done);
      return;
    }
    if (persona != null) {
      Button delete =
          new Button(
              "Delete", VaadinIcon.TRASH.create(), e -> fireEvent(new DeleteEvent(this, persona)));
      delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
      delete.setId("persona-delete");
      delete.addClassName("omni-persona-delete");
      getFooter().add(delete);
    }
    Button cancel = new Button("Cancel", e -> close());
    Button save = new Button(persona == null ? "Create persona" : "Save changes", e -> save());
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("persona-save");
    getFooter().add(cancel, save);
  }

  /** "From file": the text of a .txt, .docx, .pdf or .eml file becomes a new writing sample. */
  private Upload sampleUpload() {
    UI ui = UI.getCurrent();
    Upload upload = new Upload();
    upload.setUploadHandler(
        UploadHandler.inMemory(
            (metadata, bytes) ->
                ui.access(
                    () -> {
                      try {
                        String text = SAMPLE_FILES.text(metadata.fileName(), bytes);
                        writingSamples.setError(
                            writingSamples.append(text)
                                ? null
                                : "A persona holds at most 10 writing samples.");
                      } catch (DomainException ex) {
                        writingSamples.setError(ex.getMessage());
                      }
                      // one file at a time: an emptied list enables the button again
                      upload.clearFileList();
                    })));
    upload.setId("persona-sample-upload");
    upload.addClassName("omni-persona-sample-upload");
    upload.setMaxFiles(1);
    upload.setMaxFileSize(SampleFiles.MAX_BYTES);
    upload.setAcceptedFileTypes(".txt", ".docx", ".pdf", ".eml");
    upload.setDropAllowed(false);
    Button choose = new Button("From file", VaadinIcon.UPLOAD.create());
    choose.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    upload.setUploadButton(choose);
    upload.addFileRejectedListener(e -> writingSamples.setError(e.getErrorMessage()));
    return upload;
  }

  /**
   * "Export as block": downloads the persona as a signed block file, which POST /blocks/import,
   * POST /personas/import and the Import button read.
   */
  private static Anchor exportLink(
      Persona p, java.util.function.Function<Persona, String> blockOf) {
    DownloadHandler block =
        (DownloadEvent event) -> {
          String file = p.name().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
          event.setFileName("persona-" + (file.isEmpty() ? p.id() : file) + ".json");
          event.setContentType("application/json");
          event.getOutputStream().write(blockOf.apply(p).getBytes(StandardCharsets.UTF_8));
        };
    Anchor export = new Anchor(block, AttachmentType.DOWNLOAD, "");
    export.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("Export as block"));
    export.setId("persona-export");
    export.addClassName("omni-persona-export");
    return export;
  }

  private void fill(Persona p) {
    Tone tone = p == null ? Tone.BALANCED : p.tone();
    sliders.forEach((scale, slider) -> slider.setValue(scale.of(tone)));
    channel.setValue(p == null ? Channel.EMAIL : p.defaultChannel());
    language.setValue(p == null ? "en" : p.language());
    if (p == null) {
      writingSamples.setValues(List.of(""));
      return;
    }
    name.setValue(p.name());
    role.setValue(p.role() == null ? "" : p.role());
    industries.select(p.industryFocus());
    valuePropositions.setValues(p.valuePropositions());
    writingSamples.setValues(p.writingSamples());
    signature.setValue(p.signature() == null ? "" : p.signature());
  }

  private void setReadOnly(boolean readOnly) {
    name.setReadOnly(readOnly);
    role.setReadOnly(readOnly);
    industries.setReadOnly(readOnly);
    channel.setReadOnly(readOnly);
    language.setReadOnly(readOnly);
    signature.setReadOnly(readOnly);
    sliders.values().forEach(s -> s.setReadOnly(readOnly));
    valuePropositions.setReadOnly(readOnly);
    writingSamples.setReadOnly(readOnly);
  }

  private void save() {
    clearErrors();
    PersonaDraft draft =
        new PersonaDraft(
            name.getValue(),
            role.getValue(),
            new PersonaDraft.ToneDraft(
                sliders.get(ToneScale.FORMALITY).getValue(),
                sliders.get(ToneScale.DETAIL).getValue(),
                sliders.get(ToneScale.WARMTH).getValue()),
            new ArrayList<>(industries.getSelectedItems()),
            valuePropositions.getValues(),
            writingSamples.getValues(),
            signature.getValue(),
            channel.getValue(),
            language.getValue());
    fireEvent(new SaveEvent(this, persona, draft));
  }

  private void clearErrors() {
    for (HasValidation field : List.of(name, role, industries, channel, language, signature)) {
      field.setInvalid(false);
    }
    sliders.values().forEach(s -> s.setError(null));
    valuePropositions.setError(null);
    writingSamples.setError(null);
  }

  private static void invalid(HasValidation field, String message) {
    field.setErrorMessage(message);
    field.setInvalid(true);
    if (field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
      focusable.focus();
    }
  }
}
