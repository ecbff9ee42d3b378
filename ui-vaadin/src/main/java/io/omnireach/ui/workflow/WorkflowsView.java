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
import io.omnireach.block.BlockKind;
import io.omnireach.block.Blocks;
import io.omnireach.common.DomainException;
import io.omnireach.marketplace.Marketplace;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.workflow.WorkflowJson;
import io.omnireach.workflow.WorkflowRef;
import io.omnireach.workflow.WorkflowStatus;
import io.omnireach.workflow.WorkflowSummary;
import io.omnireach.workflow.WorkflowTemplate;
import io.omnireach.workflow.Workflows;
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
@Requires(Permission.WORKFLOWS_READ)
public class WorkflowsView extends Div {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

  private final Workflows workflows;
  private final Marketplace marketplace;
  private final AuthenticatedUser user;
  private final boolean canWrite;
  private final Div content = new Div();
  private final Span summary = new Span();

  @Inject
  public WorkflowsView(Workflows workflows, Marketplace marketplace) {
    this.marketplace = marketplace;
    this.user = UiSession.require();
    this.canWrite = UiSession.can(user, io.omnireach.user.Permission.WORKFLOWS_EDIT);
    this.workflows = workflows;
    addClassNames("omni-page", "omni-workflows");
    if (user.tenant() == null) {
      add(
          new EmptyState(
              VaadinIcon.CONNECT,
              "No workspace selected",
              "Sign in with a tenant to see its workflows."));
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
    List<WorkflowSummary> all = workflows.list(tenant(), false);
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
    Grid<WorkflowSummary> grid = new Grid<>();
    grid.setId("workflows-grid");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.addComponentColumn(this::nameCell).setHeader("Name").setFlexGrow(3);
    grid.addComponentColumn(WorkflowsView::statusBadge).setHeader("Status").setAutoWidth(true);
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

  private Component nameCell(WorkflowSummary w) {
    Icon icon = VaadinIcon.CONNECT.create();
    icon.addClassName("omni-workflow-row-icon");
    Anchor name = new Anchor("workflows/" + w.id() + "/edit", w.name());
    name.addClassName("omni-workflow-row-name");
    name.setId("workflow-" + w.id());
    Div cell = new Div(icon, name);
    cell.addClassName("omni-workflow-row");
    return cell;
  }

  /** "Draft", "Published v3" or "Paused v3". */
  static Span statusBadge(WorkflowSummary w) {
    Span badge = new Span(statusText(w.status(), w.publishedVersion()));
    badge.getElement().getThemeList().add("badge pill");
    if (w.status() == WorkflowStatus.PUBLISHED) {
      badge.getElement().getThemeList().add("success");
    } else if (w.status() == WorkflowStatus.PAUSED) {
      badge.getElement().getThemeList().add("contrast");
    }
    return badge;
  }

  static String statusText(WorkflowStatus status, Integer publishedVersion) {
    String v = publishedVersion == null ? "" : " v" + publishedVersion;
    return switch (status) {
      case DRAFT -> publishedVersion == null ? "Draft" : "Draft" + v;
      case PUBLISHED -> "Published" + v;
      case PAUSED -> "Paused" + v;
      case ARCHIVED -> "Archived" + v;
    };
  }

  private Component actions(WorkflowSummary w) {
    Button edit = new Button(canWrite ? "Edit" : "Open", e -> edit(w.id()));
    edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    DownloadHandler json =
        event -> {
          event.setFileName(fileName(w.name()));
          event.setContentType("application/json");
          event
              .getOutputStream()
              .write(
                  Blocks.write(marketplace.export(tenant(), BlockKind.WORKFLOW, w.id(), null))
                      .getBytes(StandardCharsets.UTF_8));
        };
    Anchor export = new Anchor(json, "");
    export.add(VaadinIcon.DOWNLOAD_ALT.create());
    export.getElement().setAttribute("title", "Export as block");
    export.getElement().setAttribute("aria-label", "Export " + w.name() + " as a block");
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
      // a block file is checked (hash, signature) like any import
      String content =
          Marketplace.isBlockFile(json)
              ? marketplace
                  .checkedContent(
                      tenant(), json.getBytes(StandardCharsets.UTF_8), BlockKind.WORKFLOW)
                  .toString()
              : json;
      WorkflowRef ref = workflows.importJson(tenant(), content, user.email());
      toast("Imported “" + workflows.summary(tenant(), ref.id()).name() + "” as a draft.", false);
      edit(ref.id());
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
    for (WorkflowTemplate t : workflows.templates()) {
      cards.add(templateCard(t.id(), t.name(), t.description(), chosen));
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
                    .filter(t -> t.id().equals(key))
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
              try {
                String wanted = name.getValue().trim();
                long id;
                if (chosen[0] == null) {
                  id =
                      workflows
                          .create(
                              tenant(),
                              WorkflowJson.parse(WorkflowGraphJson.blank(wanted).toJson()),
                              user.email())
                          .id();
                } else {
                  id = workflows.createFromTemplate(tenant(), chosen[0], user.email()).id();
                  var created = workflows.get(tenant(), id);
                  if (!created.summary().name().equals(wanted)) {
                    workflows.saveDraft(
                        tenant(), id, created.draft().withName(wanted), user.email());
                  }
                }
                dialog.close();
                edit(id);
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
