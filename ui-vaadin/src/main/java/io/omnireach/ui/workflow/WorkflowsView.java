package io.omnireach.ui.workflow;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The tenant's workflows: name, status (draft, or published version with unpublished changes), runs
 * and last change; new (blank or from a template), edit, export and import as JSON.
 */
@Route(value = "workflows", layout = MainLayout.class)
@PageTitle("Workflows")
@PermitAll
public class WorkflowsView extends Div {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

  private final WorkflowBackend workflows;
  private final AuthenticatedUser user;
  private final boolean canWrite;
  private final Div content = new Div();
  private final Span summary = new Span();

  @Inject
  public WorkflowsView(Instance<WorkflowBackend> backend) {
    this.user = UiSession.require();
    this.canWrite = user.canWrite();
    this.workflows = backend.isResolvable() ? backend.get() : null;
    addClassNames("omni-page", "omni-workflows");
    if (user.tenant() == null || workflows == null) {
      add(
          new EmptyState(
              VaadinIcon.CONNECT,
              user.tenant() == null ? "No workspace selected" : "Workflows are not available",
              user.tenant() == null
                  ? "Sign in with a tenant to see its workflows."
                  : "This server runs without the workflow engine."));
      return;
    }
    add(toolbar(), content);
    updateList();
  }

  private TenantRef tenant() {
    return user.tenant().ref();
  }

  private Component toolbar() {
    H2 title = new H2("Workflows");
    summary.addClassName("omni-muted");
    Div text = new Div(title, summary);
    UI ui = UI.getCurrent();
    Upload upload =
        new Upload(
            UploadHandler.inMemory(
                (meta, bytes) ->
                    ui.access(() -> importJson(new String(bytes, StandardCharsets.UTF_8)))));
    upload.setId("workflow-import");
    upload.setAcceptedFileTypes(".json", "application/json");
    upload.setMaxFiles(1);
    upload.setMaxFileSize(1024 * 1024);
    upload.setDropAllowed(false);
    Button importButton = new Button("Import JSON", VaadinIcon.UPLOAD_ALT.create());
    upload.setUploadButton(importButton);
    upload.addClassName("omni-workflow-import");
    upload.setVisible(canWrite);
    Button create = newButton("workflow-new");
    Div actions = new Div(upload, create);
    actions.addClassName("omni-workflows-actions");
    Div bar = new Div(text, actions);
    bar.addClassName("omni-persona-toolbar");
    return bar;
  }

  private Button newButton(String id) {
    Button create = new Button("New workflow", VaadinIcon.PLUS.create(), e -> openNewDialog());
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId(id);
    create.setVisible(canWrite);
    return create;
  }

  private void updateList() {
    List<WorkflowBackend.Summary> all = workflows.list(tenant());
    content.removeAll();
    summary.setText(
        all.size()
            + (all.size() == 1 ? " workflow" : " workflows")
            + " · drafts autosave; publishing freezes a version");
    if (all.isEmpty()) {
      content.add(
          new EmptyState(
              VaadinIcon.CONNECT,
              "Draw your first sequence",
              "Drag touches, waits and decisions onto a canvas, or start from a template."
                  + " Published workflows run for thousands of leads and survive restarts.",
              newButton("workflow-new-empty")));
      return;
    }
    Grid<WorkflowBackend.Summary> grid = new Grid<>();
    grid.setId("workflows-grid");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.addComponentColumn(this::nameCell).setHeader("Name").setFlexGrow(3);
    grid.addComponentColumn(WorkflowsView::statusBadge).setHeader("Status").setAutoWidth(true);
    grid.addColumn(w -> String.format(Locale.ENGLISH, "%,d", w.runs()))
        .setHeader("Runs")
        .setAutoWidth(true);
    grid.addColumn(w -> w.updatedAt() == null ? "" : WHEN.format(w.updatedAt()))
        .setHeader("Updated")
        .setAutoWidth(true);
    grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
    grid.setItems(all);
    grid.addItemDoubleClickListener(e -> edit(e.getItem().id()));
    Div card = new Div(grid);
    card.addClassName("omni-panel");
    content.add(card);
  }

  private Component nameCell(WorkflowBackend.Summary w) {
    Icon icon = VaadinIcon.CONNECT.create();
    icon.addClassName("omni-workflow-row-icon");
    Anchor name = new Anchor("workflows/" + w.id() + "/edit", w.name());
    name.addClassName("omni-workflow-row-name");
    name.setId("workflow-" + w.id());
    Div cell = new Div(icon, name);
    cell.addClassName("omni-workflow-row");
    return cell;
  }

  /** "Draft", "Published v3" or "v3 · changes not published". */
  static Span statusBadge(WorkflowBackend.Summary w) {
    Span badge = new Span(statusText(w));
    badge.getElement().getThemeList().add("badge pill");
    if (w.publishedVersion() != null) {
      badge.getElement().getThemeList().add(w.draftChanged() ? "contrast" : "success");
    }
    return badge;
  }

  static String statusText(WorkflowBackend.Summary w) {
    if (w.publishedVersion() == null) {
      return "Draft";
    }
    return w.draftChanged()
        ? "v" + w.publishedVersion() + " · unpublished changes"
        : "Published v" + w.publishedVersion();
  }

  private Component actions(WorkflowBackend.Summary w) {
    Button edit = new Button(canWrite ? "Edit" : "Open", e -> edit(w.id()));
    edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    DownloadHandler json =
        event -> {
          event.setFileName(fileName(w.name()));
          event.setContentType("application/json");
          event
              .getOutputStream()
              .write(workflows.exportJson(tenant(), w.id()).getBytes(StandardCharsets.UTF_8));
        };
    Anchor export = new Anchor(json, "");
    export.add(VaadinIcon.DOWNLOAD_ALT.create());
    export.getElement().setAttribute("title", "Export JSON");
    export.getElement().setAttribute("aria-label", "Export " + w.name() + " as JSON");
    export.setId("workflow-export-" + w.id());
    export.addClassName("omni-icon-link");
    Div cell = new Div(edit, export);
    cell.addClassName("omni-workflow-actions");
    return cell;
  }

  static String fileName(String name) {
    String slug =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return (slug.isEmpty() ? "workflow" : slug) + ".json";
  }

  private void edit(long id) {
    getUI().ifPresent(ui -> ui.navigate("workflows/" + id + "/edit"));
  }

  private void importJson(String json) {
    try {
      WorkflowBackend.Definition d = workflows.importJson(tenant(), json, user.email());
      toast("Imported “" + d.name() + "” as a draft.", false);
      edit(d.id());
    } catch (DomainException | IllegalArgumentException e) {
      toast("Could not import: " + e.getMessage(), true);
    }
  }

  private void openNewDialog() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("New workflow");
    dialog.setId("workflow-new-dialog");
    dialog.setWidth("640px");
    TextField name = new TextField("Name");
    name.setId("workflow-new-name");
    name.setWidthFull();
    name.setValue("Untitled workflow");
    Div templates = new Div();
    templates.addClassName("omni-template-grid");
    String[] chosen = {null};
    Runnable[] refresh = new Runnable[1];
    List<Div> cards = new java.util.ArrayList<>();
    Div blank = templateCard("blank", "Blank canvas", "Start with a single start step.", chosen);
    cards.add(blank);
    for (WorkflowBackend.Template t : workflows.templates()) {
      cards.add(templateCard(t.key(), t.name(), t.description(), chosen));
    }
    refresh[0] =
        () ->
            cards.forEach(
                c ->
                    c.setClassName(
                        "is-chosen",
                        c.getElement()
                            .getAttribute("data-key")
                            .equals(chosen[0] == null ? "blank" : chosen[0])));
    cards.forEach(
        c -> {
          c.addClickListener(
              e -> {
                String key = c.getElement().getAttribute("data-key");
                chosen[0] = key.equals("blank") ? null : key;
                workflows.templates().stream()
                    .filter(t -> t.key().equals(key))
                    .findFirst()
                    .ifPresent(t -> name.setValue(t.name()));
                refresh[0].run();
              });
          templates.add(c);
        });
    refresh[0].run();
    Span pick = new Span("Start from");
    pick.addClassName("omni-field-label");
    dialog.add(new Div(name), pick, templates);
    Button cancel = new Button("Cancel", e -> dialog.close());
    Button create =
        new Button(
            "Create and open",
            e -> {
              if (name.getValue().isBlank()) {
                name.setInvalid(true);
                name.setErrorMessage("Give it a name.");
                return;
              }
              String graph =
                  chosen[0] == null
                      ? WorkflowGraphJson.blank(name.getValue().trim()).toJson()
                      : WorkflowGraphJson.withName(
                              WorkflowGraphJson.parse(
                                  workflows.templates().stream()
                                      .filter(t -> t.key().equals(chosen[0]))
                                      .findFirst()
                                      .orElseThrow()
                                      .graph()),
                              name.getValue().trim())
                          .toJson();
              try {
                WorkflowBackend.Definition d = workflows.create(tenant(), graph, user.email());
                dialog.close();
                edit(d.id());
              } catch (DomainException ex) {
                toast(ex.getMessage(), true);
              }
            });
    create.setId("workflow-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(cancel, create);
    dialog.open();
    name.focus();
  }

  private static Div templateCard(String key, String title, String text, String[] chosen) {
    Span t = new Span(title);
    t.addClassName("omni-template-title");
    Span d = new Span(text == null ? "" : text);
    d.addClassName("omni-template-text");
    Div card = new Div(t, d);
    card.addClassName("omni-template-card");
    card.getElement().setAttribute("data-key", key);
    card.getElement().setAttribute("tabindex", "0");
    card.setId("template-" + key);
    return card;
  }

  private static void toast(String message, boolean error) {
    Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_END);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
