package io.omnireach.ui.run;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.channel.Mailboxes;
import io.omnireach.common.DomainException;
import io.omnireach.lead.LeadRepository;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.chart.Chart;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.ui.workflow.WorkflowCanvas;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.user.UserDirectory;
import io.omnireach.workflow.WorkflowDetail;
import io.omnireach.workflow.WorkflowGraph;
import io.omnireach.workflow.WorkflowJson;
import io.omnireach.workflow.WorkflowStatus;
import io.omnireach.workflow.WorkflowSummary;
import io.omnireach.workflow.Workflows;
import io.omnireach.workflow.engine.Enrollments;
import io.omnireach.workflow.engine.NodeStats;
import io.omnireach.workflow.engine.RunControl;
import io.omnireach.workflow.engine.Runs;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A workflow's results: runs by status, the funnel from entered to meetings, each step's figures
 * (and each A/B variant's) in a table and as badges on the read-only graph; enrol leads, pause or
 * resume the whole workflow. Per-step figures count every run of every version.
 */
@Route(value = "workflows/:id/results", layout = MainLayout.class)
@Requires(Permission.WORKFLOWS_READ)
public class WorkflowResultsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  private final Workflows workflows;
  private final Runs runs;
  private final RunControl control;
  private final Enrollments enrollments;
  private final LeadRepository leads;
  private final PersonaRepository personas;
  private final Mailboxes mailboxes;
  private final UserDirectory users;
  private final AuthenticatedUser user;
  private final boolean writer;
  private final WorkflowCanvas canvas = new WorkflowCanvas();
  private final Div body = new Div();
  private final Div head = new Div();
  private WorkflowSummary summary;
  private WorkflowGraph graph;
  private String title = "Results";

  @Inject
  public WorkflowResultsView(
      Workflows workflows,
      Runs runs,
      RunControl control,
      Enrollments enrollments,
      LeadRepository leads,
      PersonaRepository personas,
      Mailboxes mailboxes,
      UserDirectory users) {
    this.workflows = workflows;
    this.runs = runs;
    this.control = control;
    this.enrollments = enrollments;
    this.leads = leads;
    this.personas = personas;
    this.mailboxes = mailboxes;
    this.users = users;
    this.user = UiSession.require();
    this.writer = UiSession.can(user, io.omnireach.user.Permission.WORKFLOWS_RUN);
    addClassNames("omni-page", "omni-results");
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
    WorkflowDetail detail;
    try {
      detail = workflows.get(tenant(), id);
    } catch (DomainException e) {
      add(notFound());
      return;
    }
    summary = detail.summary();
    title = summary.name() + " · results";
    Integer v = summary.publishedVersion();
    graph = v == null ? detail.draft() : workflows.version(tenant(), id, v).graph();
    canvas.setId("results-canvas");
    canvas.setReadOnly(true);
    canvas.setGraph(WorkflowJson.write(graph));
    canvas.setLookups(GraphLookups.of(tenant(), personas, mailboxes, users));
    canvas.addClassName("omni-run-canvas");
    canvas.setWidthFull();
    canvas.setHeight("420px"); // the element fits the graph to the size it has when it mounts
    body.setId("results-body");
    add(header(), body);
    show();
  }

  @Override
  public String getPageTitle() {
    return title;
  }

  private TenantRef tenant() {
    return user.tenant().ref();
  }

  private Component notFound() {
    EmptyState empty =
        new EmptyState(
            VaadinIcon.CONNECT,
            "Workflow not found",
            "It may have been deleted, or it belongs to another workspace.",
            RunsView.link("workflows", "Back to workflows"));
    empty.setId("results-not-found");
    return empty;
  }

  private Component header() {
    head.setId("results-head");
    head.addClassName("omni-results-head");
    head.add(headerContent());
    return head;
  }

  private Component[] headerContent() {
    Anchor back = new Anchor("workflows", "");
    back.add(VaadinIcon.ARROW_LEFT.create());
    back.addClassName("omni-icon-link");
    back.getElement().setAttribute("aria-label", "Back to workflows");
    H2 name = new H2(summary.name());
    Span status = statusBadge(summary);
    status.setId("results-status");
    Div titleRow = new Div(back, name, status);
    titleRow.addClassName("omni-results-title");
    Span sub =
        new Span(
            "Every run of every version: how far leads got, step by step and per A/B variant.");
    sub.addClassName("omni-muted");
    Div text = new Div(titleRow, sub);

    Div actions = new Div();
    actions.addClassName("omni-results-actions");
    Anchor edit = new Anchor("workflows/" + summary.id() + "/edit", "");
    edit.add(
        VaadinIcon.EDIT.create(),
        new Span(
            UiSession.can(user, io.omnireach.user.Permission.WORKFLOWS_EDIT)
                ? "Edit"
                : "Open builder"));
    edit.addClassName("omni-lead-export");
    edit.setId("results-edit");
    Anchor list = new Anchor("runs?workflow=" + summary.id(), "");
    list.add(VaadinIcon.LIST.create(), new Span("Runs"));
    list.addClassName("omni-lead-export");
    list.setId("results-runs");
    actions.add(edit, list);
    if (writer) {
      if (summary.status() == WorkflowStatus.PUBLISHED) {
        Button pause =
            new Button("Pause workflow", VaadinIcon.PAUSE.create(), e -> pauseOrResume(true));
        pause.setId("results-pause");
        actions.add(pause);
      } else if (summary.status() == WorkflowStatus.PAUSED) {
        Button resume =
            new Button("Resume workflow", VaadinIcon.PLAY.create(), e -> pauseOrResume(false));
        resume.setId("results-resume");
        actions.add(resume);
      }
      Button enrol = new Button("Enrol leads", VaadinIcon.USERS.create(), e -> openEnrol());
      enrol.setId("results-enrol");
      enrol.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      enrol.setEnabled(summary.status() == WorkflowStatus.PUBLISHED);
      if (summary.status() != WorkflowStatus.PUBLISHED) {
        enrol.setTooltipText(
            summary.publishedVersion() == null
                ? "Publish the workflow first"
                : "Resume the workflow to enrol leads");
      }
      actions.add(enrol);
    }
    return new Component[] {text, actions};
  }

  static Span statusBadge(WorkflowSummary w) {
    String v = w.publishedVersion() == null ? "" : " v" + w.publishedVersion();
    String text =
        switch (w.status()) {
          case DRAFT -> w.publishedVersion() == null ? "Draft, not published" : "Draft" + v;
          case PUBLISHED -> "Published" + v;
          case PAUSED -> "Paused" + v;
          case ARCHIVED -> "Archived" + v;
        };
    Span badge = new Span(text);
    badge.getElement().getThemeList().add("badge pill");
    if (w.status() == WorkflowStatus.PUBLISHED) {
      badge.getElement().getThemeList().add("success");
    } else if (w.status() == WorkflowStatus.PAUSED) {
      badge.getElement().getThemeList().add("contrast");
    }
    return badge;
  }

  /** Reads the figures again and shows them. */
  private void show() {
    body.removeAll();
    Map<String, Integer> counts = runs.list(tenant(), summary.id(), null, null, null, 1).counts();
    List<NodeStats> stats = runs.analytics(tenant(), summary.id());
    canvas.setNodeStates(StepFacts.resultStates(stats));
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    if (total == 0) {
      Div graphPanel = new Div(new H3("Graph"), canvas);
      graphPanel.addClassNames("omni-panel", "omni-results-graph");
      EmptyState empty =
          new EmptyState(
              VaadinIcon.USERS,
              "No lead has entered this workflow yet",
              summary.publishedVersion() == null
                  ? "Publish the workflow in the builder, then enrol leads: their runs and each"
                      + " step's results show up here."
                  : "Enrol leads and follow them here: how many entered each step, emails sent,"
                      + " opened, clicked, replied and meetings, per step and per A/B variant.");
      empty.setId("results-empty");
      empty.addClassName("omni-results-empty");
      body.add(empty, graphPanel);
      return;
    }
    ResultsCharts.Funnel funnel = ResultsCharts.funnel(stats);
    body.add(cards(counts, total, funnel));
    Chart chart = new Chart().setOption(ResultsCharts.funnelOption(funnel));
    chart.setId("results-funnel");
    chart.setHeight("300px");
    Div graphPanel = new Div(new H3("Graph · where leads are"), canvas);
    graphPanel.addClassNames("omni-panel", "omni-results-graph");
    Div funnelPanel = new Div(new H3("Funnel"), chart);
    funnelPanel.addClassName("omni-panel");
    Div row = new Div(graphPanel, funnelPanel);
    row.addClassName("omni-results-row");
    body.add(row, stepTable(stats));
    if (ResultsCharts.hasVariants(stats)) {
      Chart variants = new Chart().setOption(ResultsCharts.variantOption(stats, this::variantName));
      variants.setId("results-variants");
      variants.setHeight("260px");
      Div panel = new Div(new H3("A/B variants"), variants);
      panel.addClassName("omni-panel");
      body.add(panel);
    }
  }

  private Component cards(Map<String, Integer> counts, int total, ResultsCharts.Funnel f) {
    int active =
        counts.getOrDefault("pending", 0)
            + counts.getOrDefault("running", 0)
            + counts.getOrDefault("waiting", 0);
    Div grid =
        new Div(
            card("runs", VaadinIcon.USERS, "Entered", total, "runs of every version"),
            card("active", VaadinIcon.PLAY_CIRCLE_O, "In progress", active, paused(counts)),
            card(
                "completed",
                VaadinIcon.CHECK_CIRCLE_O,
                "Completed",
                counts.getOrDefault("succeeded", 0),
                RunUi.pct(counts.getOrDefault("succeeded", 0), total) + " of entered"),
            card(
                "failed",
                VaadinIcon.WARNING,
                "Failed",
                counts.getOrDefault("failed", 0),
                counts.getOrDefault("cancelled", 0) + " cancelled"),
            card("sent", VaadinIcon.PAPERPLANE, "Emails sent", f.sent(), ""),
            card(
                "replied",
                VaadinIcon.REPLY,
                "Replied",
                f.replied(),
                RunUi.pct(f.replied(), f.sent()) + " of sent · " + f.meetings() + " meetings"));
    grid.addClassNames("omni-cards", "omni-cards-compact", "omni-results-cards");
    return grid;
  }

  private static String paused(Map<String, Integer> counts) {
    int p = counts.getOrDefault("paused", 0);
    return p == 0 ? "none paused" : p + " paused";
  }

  private static Component card(String id, VaadinIcon icon, String label, long value, String hint) {
    Icon glyph = icon.create();
    glyph.addClassName("omni-card-icon");
    Span number = new Span(String.format(Locale.ENGLISH, "%,d", value));
    number.addClassName("omni-card-value");
    number.setId("results-kpi-" + id);
    Span title = new Span(label);
    title.addClassName("omni-card-label");
    Span sub = new Span(hint);
    sub.addClassName("omni-card-hint");
    Div card = new Div(glyph, title, number, sub);
    card.addClassName("omni-card");
    return card;
  }

  private Component stepTable(List<NodeStats> stats) {
    Grid<NodeStats> grid = new Grid<>();
    grid.setId("results-steps");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.addColumn(
            LitRenderer.<NodeStats>of(
                    "<div class=\"omni-results-step ${item.variant ? 'is-variant' : ''}\">"
                        + "<span class=\"omni-results-dot\" style=\"background:${item.color}\">"
                        + "</span><span>${item.name}</span></div>")
                .withProperty("name", this::rowName)
                .withProperty("variant", n -> n.variant() != null)
                .withProperty("color", n -> RunUi.kind(n.nodeType()).color()))
        .setHeader("Step")
        .setFlexGrow(3);
    grid.addColumn(n -> n.variant() == null ? n.entered() : "").setHeader("Entered");
    grid.addColumn(n -> n.variant() == null ? n.succeeded() : "").setHeader("Done");
    grid.addColumn(n -> n.variant() == null ? n.failed() : "").setHeader("Failed");
    grid.addColumn(n -> send(n) ? Long.toString(n.sent()) : "").setHeader("Sent");
    grid.addColumn(n -> send(n) ? rate(n.opened(), n.sent()) : "").setHeader("Opened");
    grid.addColumn(n -> send(n) ? rate(n.clicked(), n.sent()) : "").setHeader("Clicked");
    grid.addColumn(n -> send(n) ? rate(n.replied(), n.sent()) : "").setHeader("Replied");
    grid.addColumn(n -> send(n) ? Long.toString(n.meetings()) : "").setHeader("Meetings");
    grid.setItems(ordered(stats));
    Div panel = new Div(new H3("Per step"), grid);
    panel.addClassName("omni-panel");
    return panel;
  }

  /** Each node's row followed by its variants' rows. */
  static List<NodeStats> ordered(List<NodeStats> stats) {
    List<NodeStats> out = new java.util.ArrayList<>();
    for (NodeStats n : stats) {
      if (n.variant() == null) {
        out.add(n);
        stats.stream()
            .filter(v -> v.variant() != null && v.nodeId().equals(n.nodeId()))
            .forEach(out::add);
      }
    }
    return out;
  }

  private String rowName(NodeStats n) {
    String step = RunUi.stepName(graph, n.nodeId(), n.nodeType());
    return n.variant() == null ? step : "Variant " + n.variant();
  }

  private String variantName(NodeStats n) {
    return RunUi.stepName(graph, n.nodeId(), n.nodeType()) + " · " + n.variant();
  }

  private static boolean send(NodeStats n) {
    return "send_email".equals(n.nodeType());
  }

  private static String rate(long part, long whole) {
    return part + (whole == 0 ? "" : " · " + RunUi.pct(part, whole));
  }

  private void openEnrol() {
    new EnrolDialog(
            enrollments, leads, tenant(), summary.id(), summary.name(), user.email(), this::show)
        .open();
  }

  private void pauseOrResume(boolean pause) {
    try {
      if (pause) {
        control.pauseWorkflow(tenant(), summary.id(), user.email());
        RunUi.toast("Workflow paused: its runs wait until you resume it.", false);
      } else {
        control.resumeWorkflow(tenant(), summary.id(), user.email());
        RunUi.toast("Workflow resumed: its runs go on.", false);
      }
    } catch (DomainException e) {
      RunUi.toast(e.getMessage(), true);
    }
    summary = workflows.summary(tenant(), summary.id());
    head.removeAll();
    head.add(headerContent());
    show();
  }
}
