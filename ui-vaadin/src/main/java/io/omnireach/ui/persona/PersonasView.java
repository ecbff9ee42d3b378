package io.omnireach.ui.persona;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.omnireach.ai.GenerationService;
import io.omnireach.ai.VoiceAnalyst;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.block.BlockKind;
import io.omnireach.block.Blocks;
import io.omnireach.common.DomainException;
import io.omnireach.lead.LeadRepository;
import io.omnireach.marketplace.Marketplace;
import io.omnireach.persona.Persona;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The tenant's personas as cards, with an editor; Viewers read, Admin and Sales write. */
@Route(value = "personas", layout = MainLayout.class)
@PageTitle("Personas")
@Requires(Permission.PERSONAS_READ)
public class PersonasView extends Div {

  /** Ten samples of 4000 characters and the rest fit easily; anything bigger is not a block. */
  private static final int IMPORT_MAX_BYTES = 256 * 1024;

  private final PersonaRepository personas;
  private final LeadRepository leads;
  private final GenerationService generation;
  private final VoiceAnalyst voices;
  private final Marketplace marketplace;
  private final AuthenticatedUser user;
  private final boolean canWrite;
  private final Div content = new Div();
  private final Span summary = new Span();
  private Div toolbar;
  private List<Persona> current = List.of();

  @Inject
  public PersonasView(
      PersonaRepository personas,
      LeadRepository leads,
      GenerationService generation,
      VoiceAnalyst voices,
      Marketplace marketplace) {
    this.personas = personas;
    this.marketplace = marketplace;
    this.leads = leads;
    this.generation = generation;
    this.voices = voices;
    this.user = UiSession.require();
    this.canWrite = UiSession.can(user, io.omnireach.user.Permission.PERSONAS_MANAGE);
    addClassName("omni-page");
    if (user.tenant() == null) {
      add(
          new EmptyState(
              VaadinIcon.USER_CARD,
              "No workspace selected",
              "Sign in with a tenant to see its personas."));
      return;
    }
    content.addClassName("omni-persona-content");
    toolbar = toolbar();
    add(toolbar, content);
    updateList();
  }

  private TenantRef tenant() {
    return user.tenant().ref();
  }

  private Div toolbar() {
    H2 title = new H2("Voices your AI writes in");
    summary.addClassName("omni-muted");
    Div text = new Div(title, summary);
    Button create = newPersonaButton("new-persona");
    Div actions = new Div(importUpload(), create);
    actions.addClassName("omni-persona-actions");
    Div bar = new Div(text, actions);
    bar.addClassName("omni-persona-toolbar");
    return bar;
  }

  private Button newPersonaButton(String id) {
    Button create = new Button("New persona", VaadinIcon.PLUS.create(), e -> openEditor(null));
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId(id);
    create.setVisible(canWrite);
    return create;
  }

  /** "Import" takes a JSON block as the Personas API exports it (the marketplace format). */
  private Upload importUpload() {
    UI ui = UI.getCurrent();
    Upload upload = new Upload();
    upload.setUploadHandler(
        UploadHandler.inMemory(
            (metadata, bytes) ->
                ui.access(
                    () -> {
                      try {
                        String text = new String(bytes, StandardCharsets.UTF_8);
                        // a block file is checked (hash, signature) like any import
                        String content =
                            Marketplace.isBlockFile(text)
                                ? marketplace
                                    .checkedContent(tenant(), bytes, BlockKind.PERSONA)
                                    .toString()
                                : text;
                        Persona imported = personas.importBlock(tenant(), content, user.email());
                        updateList();
                        toast("Imported “" + imported.name() + "”.", false);
                      } catch (DomainException ex) {
                        toast("Not imported: " + ex.getMessage(), true);
                      }
                      // one file at a time: an emptied list enables the button again
                      upload.clearFileList();
                    })));
    upload.setId("persona-import");
    upload.addClassName("omni-persona-import");
    upload.setMaxFiles(1);
    upload.setMaxFileSize(IMPORT_MAX_BYTES);
    upload.setAcceptedFileTypes("application/json", ".json");
    upload.setDropAllowed(false);
    Button choose = new Button("Import", VaadinIcon.UPLOAD.create());
    upload.setUploadButton(choose);
    upload.addFileRejectedListener(e -> toast(e.getErrorMessage(), true));
    upload.setVisible(canWrite);
    return upload;
  }

  private void updateList() {
    current = personas.list(tenant());
    content.removeAll();
    content.removeClassName("omni-persona-grid");
    toolbar.setVisible(!current.isEmpty());
    summary.setText(
        current.size()
            + (current.size() == 1 ? " persona" : " personas")
            + " · tone, samples and value propositions the AI writes with");
    if (current.isEmpty()) {
      content.add(
          canWrite
              ? new EmptyState(
                  VaadinIcon.USER_CARD,
                  "Give your outreach a voice",
                  "Create a persona with a tone, a few real writing samples and your value"
                      + " propositions, so every AI-written message sounds like your best rep.",
                  newPersonaButton("new-persona-empty"))
              : new EmptyState(
                  VaadinIcon.USER_CARD,
                  "No personas yet",
                  "Admins and Sales create personas: tone, writing samples, value propositions"
                      + " and a signature the AI writes with."));
      return;
    }
    content.addClassName("omni-persona-grid");
    for (Persona p : current) {
      content.add(new PersonaCard(p, () -> openEditor(p)));
    }
  }

  private void openEditor(Persona persona) {
    Set<String> industries = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    current.forEach(p -> industries.addAll(p.industryFocus()));
    // the live preview generates like a draft, which Viewers may not do
    PersonaEditor editor =
        new PersonaEditor(
            persona,
            canWrite,
            industries,
            persona == null ? null : voices.profile(tenant(), persona),
            persona == null || !canWrite
                ? null
                : new PersonaPreview.Studio(tenant(), user.email(), leads, generation, current),
            p -> Blocks.write(marketplace.export(tenant(), BlockKind.PERSONA, p.id(), null)));
    editor.addSaveListener(
        e -> {
          try {
            Persona saved =
                e.persona() == null
                    ? personas.create(tenant(), e.draft(), user.email())
                    : personas.update(tenant(), e.persona().id(), e.draft(), user.email());
            editor.close();
            updateList();
            toast((e.persona() == null ? "Created " : "Saved ") + "“" + saved.name() + "”.", false);
          } catch (DomainException ex) {
            editor.showError(ex);
          }
        });
    editor.addDeleteListener(e -> confirmDelete(editor, e.persona()));
    editor.open();
  }

  private void confirmDelete(PersonaEditor editor, Persona persona) {
    ConfirmDialog dialog =
        new ConfirmDialog(
            "Delete “" + persona.name() + "”?",
            "Its tone, samples and value propositions are removed for everyone in this workspace."
                + " This cannot be undone.",
            "Delete",
            e -> {
              try {
                personas.delete(tenant(), persona.id(), user.email());
                editor.close();
                toast("Deleted “" + persona.name() + "”.", false);
              } catch (DomainException ex) {
                toast(ex.getMessage(), true);
              }
              updateList();
            });
    dialog.setCancelable(true);
    dialog.setConfirmButtonTheme("error primary");
    dialog.open();
  }

  private static void toast(String message, boolean error) {
    Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_END);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
