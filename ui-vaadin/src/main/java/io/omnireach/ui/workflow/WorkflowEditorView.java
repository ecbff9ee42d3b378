package io.omnireach.ui.workflow;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.channel.Mailboxes;
import io.omnireach.common.DomainException;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.user.UserDirectory;
import io.omnireach.workflow.ValidationError;
import io.omnireach.workflow.WorkflowDetail;
import io.omnireach.workflow.WorkflowInvalidException;
import io.omnireach.workflow.WorkflowJson;
import io.omnireach.workflow.WorkflowStatus;
import io.omnireach.workflow.Workflows;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The workflow builder: a header (name, version, save state, Validate, Publish), the canvas with
 * its palette, and the settings of the selected step. Drafts save themselves on every change the
 * canvas reports; validation messages appear on the steps they name.
 */
@Route(value = "workflows/:id/edit", layout = MainLayout.class)
@Requires(Permission.WORKFLOWS_READ)
public class WorkflowEditorView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  private final Workflows workflows;
  private final PersonaRepository personas;
  private final Mailboxes mailboxes;
  private final UserDirectory users;
  private final io.omnireach.simulation.Simulations simulations;
  private final io.omnireach.lead.LeadRepository leads;
  private final AuthenticatedUser user;
  private final boolean canWrite;
  private final WorkflowCanvas canvas = new WorkflowCanvas();
  private final TextField name = new TextField();
  private final Span version = new Span();
  private final Span saveState = new Span();
  private final Div side = new Div();
  private WorkflowNodePanel panel;
  private WorkflowDetail definition;
  private String savedGraph;
  private boolean showIssues;
  // A node selected before the (debounced) change that created it arrived: open it then.
  private String pendingSelection;
  private String title = "Workflow";

  @Inject
  public WorkflowEditorView(
      Workflows workflows,
      PersonaRepository personas,
      Mailboxes mailboxes,
      UserDirectory users,
      io.omnireach.simulation.Simulations simulations,
      io.omnireach.lead.LeadRepository leads) {
    this.simulations = simulations;
    this.leads = leads;
    this.workflows = workflows;
    this.personas = personas;
    this.mailboxes = mailboxes;
    this.users = users;
    this.user = UiSession.require();
    this.canWrite = UiSession.can(user, io.omnireach.user.Permission.WORKFLOWS_EDIT);
    addClassName("omni-workflow-editor");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    long id;
    try {
      id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
    } catch (NumberFormatException e) {
      id = -1;
    }
    if (user.tenant() == null || id < 0) {
      add(notFound());
      return;
    }
    try {
      definition = workflows.get(tenant(), id);
    } catch (DomainException e) {
      add(notFound());
      return;
    }
    title = definition.summary().name();
    build();
  }

  @Override
  public String getPageTitle() {
    return title;
  }

  private TenantRef tenant() {
    return user.tenant().ref();
  }

  private Component notFound() {
    Anchor back = new Anchor("workflows", "Back to workflows");
    back.addClassName("omni-empty-link");
    return new EmptyState(
        VaadinIcon.CONNECT,
        "Workflow not found",
        "It may have been deleted, or it belongs to another workspace.",
        back);
  }

  private void build() {
    NodeChoices choices =
        new NodeChoices(personas.list(tenant()), mailboxes.list(tenant()), users.members(tenant()));
    panel = new WorkflowNodePanel(choices, canWrite, this::applyConfig, () -> closePanel(true));
    side.addClassName("omni-workflow-side");
    side.add(panel);
    side.setVisible(false);

    canvas.setId("workflow-canvas");
    canvas.setGraph(definition.draftJson());
    canvas.setReadOnly(!canWrite);
    canvas.setLookups(lookups(choices).toJson());
    canvas.addGraphChangedListener(
        e -> {
          changed();
          if (pendingSelection != null) {
            openPanel(pendingSelection);
          }
        });
    canvas.addNodeSelectedListener(
        e ->
            e.getNodeId()
                .ifPresentOrElse(id -> openPanel(id, e.getNode()), () -> closePanel(false)));
    savedGraph = canvas.getGraph();

    Div body = new Div(canvas, side);
    body.addClassName("omni-workflow-body");
    add(header(), body);
  }

  private Component header() {
    Anchor back = new Anchor("workflows", "");
    back.add(VaadinIcon.ARROW_LEFT.create());
    back.addClassName("omni-icon-link");
    back.getElement().setAttribute("aria-label", "Back to workflows");
    back.setId("workflow-back");
    name.setId("workflow-name");
    name.setValue(definition.summary().name());
    name.setReadOnly(!canWrite);
    name.addClassName("omni-workflow-name");
    name.setAriaLabel("Workflow name");
    name.addValueChangeListener(
        e -> {
          if (e.isFromClient() && !e.getValue().isBlank()) {
            title = e.getValue().trim();
            save();
          }
        });
    version.setId("workflow-version");
    saveState.setId("workflow-save-state");
    saveState.addClassName("omni-save-state");
    showVersion();
    showSaved("All changes saved");
    Div left = new Div(back, name, version, saveState);
    left.addClassName("omni-workflow-head-left");

    Button validate = new Button("Validate", VaadinIcon.CHECK_CIRCLE_O.create(), e -> validate());
    validate.setId("workflow-validate");
    Button publish = new Button("Publish", VaadinIcon.ROCKET.create(), e -> publish());
    publish.setId("workflow-publish");
    publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    publish.setVisible(
        canWrite && UiSession.can(user, io.omnireach.user.Permission.WORKFLOWS_PUBLISH));
    // a dry run of what is on the canvas (saved first) or of a published version
    Button simulate =
        new Button(
            "Simulate",
            VaadinIcon.FLASK.create(),
            e -> {
              save();
              new SimulateDialog(
                      simulations,
                      leads,
                      tenant(),
                      user.email(),
                      definition.id(),
                      workflows.get(tenant(), definition.id()).versions())
                  .open();
            });
    simulate.setId("workflow-simulate");
    simulate.setVisible(UiSession.can(user, io.omnireach.user.Permission.WORKFLOWS_RUN));
    Div right = new Div(validate, simulate, publish);
    right.addClassName("omni-workflow-head-right");
    Div head = new Div(left, right);
    head.addClassName("omni-workflow-head");
    return head;
  }

  private void showVersion() {
    WorkflowStatus status = definition.summary().status();
    version.setText(
        WorkflowsView.statusText(status, definition.summary().publishedVersion())
            + " · editing v"
            + definition.summary().draftVersion());
    version.getElement().getThemeList().clear();
    version.getElement().getThemeList().add("badge pill");
    if (status == WorkflowStatus.PUBLISHED) {
      version.getElement().getThemeList().add("success");
    }
  }

  private void showSaved(String text) {
    saveState.setText(text);
    saveState.removeClassName("is-error");
  }

  /** Autosave: every change the canvas reports is stored as the draft. */
  private void changed() {
    if (!canWrite) {
      return;
    }
    save();
    if (showIssues) {
      showIssues(issues());
    }
    if (panel.nodeId() != null
        && WorkflowGraphJson.node(canvas.graph(), panel.nodeId()).isEmpty()) {
      closePanel(false);
    }
  }

  private void save() {
    String graph = WorkflowGraphJson.withName(canvas.graph(), name.getValue().trim()).toJson();
    if (graph.equals(savedGraph)) {
      return;
    }
    try {
      definition =
          workflows.saveDraft(tenant(), definition.id(), WorkflowJson.parse(graph), user.email());
      savedGraph = graph;
      showSaved("All changes saved");
    } catch (DomainException e) {
      saveState.setText("Not saved: " + e.getMessage());
      saveState.addClassName("is-error");
    }
  }

  private void openPanel(String nodeId) {
    openPanel(nodeId, java.util.Optional.empty());
  }

  /**
   * Shows the settings of the selected node: as the server's graph has it, else as the canvas sent
   * it with the selection (a step just added), else once the change that adds it arrives. The panel
   * never goes on showing the previously selected step.
   */
  private void openPanel(String nodeId, java.util.Optional<WorkflowGraphJson.Node> sent) {
    pendingSelection = null;
    WorkflowGraphJson.node(canvas.graph(), nodeId)
        .or(() -> sent)
        .ifPresentOrElse(
            node -> {
              panel.show(node, type -> upstreamHas(canvas.graph(), nodeId, type));
              side.setVisible(true);
            },
            () -> {
              pendingSelection = nodeId;
              side.setVisible(false);
            });
  }

  private void closePanel(boolean deselect) {
    pendingSelection = null;
    side.setVisible(false);
    if (deselect) {
      canvas.selectNode(null);
    }
  }

  private void applyConfig(String nodeId, JsonObject config) {
    canvas.setNodeConfig(nodeId, config.toJson());
    changed();
    toast("Step updated.", false);
  }

  private List<ValidationError> issues() {
    return workflows.validate(tenant(), WorkflowJson.parse(canvas.getGraph()));
  }

  private List<ValidationError> validate() {
    List<ValidationError> issues = issues();
    showIssues = true;
    showIssues(issues);
    if (issues.isEmpty()) {
      toast("Ready to publish: no problems found.", false);
    } else {
      toast(
          issues.size()
              + (issues.size() == 1 ? " problem" : " problems")
              + " to fix, see the steps.",
          true);
    }
    return issues;
  }

  private void showIssues(List<ValidationError> issues) {
    JsonArray arr = Json.createArray();
    for (ValidationError i : issues) {
      JsonObject o = Json.createObject();
      if (i.nodeId() != null) {
        o.put("nodeId", i.nodeId());
      }
      o.put("message", i.message());
      arr.set(arr.length(), o);
    }
    canvas.setIssues(arr.toJson());
  }

  private void publish() {
    save();
    if (!validate().isEmpty()) {
      return;
    }
    try {
      int v = workflows.publish(tenant(), definition.id(), user.email()).version();
      definition = workflows.get(tenant(), definition.id());
      showVersion();
      toast("Published version " + v + ". New enrolments run it.", false);
    } catch (WorkflowInvalidException e) {
      showIssues(e.errors());
      toast(e.getMessage(), true);
    } catch (DomainException e) {
      toast(e.getMessage(), true);
    }
  }

  /** Whether a node of {@code type} comes before {@code nodeId} on some path (edges backwards). */
  static boolean upstreamHas(JsonObject graph, String nodeId, String type) {
    java.util.Map<String, String> types = new java.util.HashMap<>();
    WorkflowGraphJson.nodes(graph).forEach(n -> types.put(n.id(), n.type()));
    JsonArray edges = WorkflowGraphJson.array(graph, "edges");
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(nodeId));
    java.util.Set<String> seen = new java.util.HashSet<>(todo);
    while (!todo.isEmpty()) {
      String current = todo.pop();
      for (int i = 0; i < edges.length(); i++) {
        JsonObject e = edges.getObject(i);
        String source = WorkflowGraphJson.text(e, "source");
        if (WorkflowGraphJson.text(e, "target").equals(current) && seen.add(source)) {
          if (type.equals(types.get(source))) {
            return true;
          }
          todo.push(source);
        }
      }
    }
    return false;
  }

  static JsonObject lookups(NodeChoices choices) {
    JsonObject personas = Json.createObject();
    choices.personas().forEach(p -> personas.put(Long.toString(p.id()), p.name()));
    JsonObject boxes = Json.createObject();
    choices.mailboxes().forEach(m -> boxes.put(Long.toString(m.id()), m.name()));
    JsonObject people = Json.createObject();
    people.put(io.omnireach.ui.workflow.forms.TaskForm.OWNER, "Lead owner");
    choices.members().forEach(m -> people.put(m.email(), m.displayName()));
    JsonObject all = Json.createObject();
    all.put("personas", personas);
    all.put("mailboxes", boxes);
    all.put("users", people);
    return all;
  }

  private static void toast(String message, boolean error) {
    Notification n = Notification.show(message, 3000, Notification.Position.BOTTOM_END);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
