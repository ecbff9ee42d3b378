package io.omnireach.ui.run;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.channel.Mailboxes;
import io.omnireach.common.DomainException;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.ui.workflow.WorkflowCanvas;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.user.UserDirectory;
import io.omnireach.workflow.WorkflowGraph;
import io.omnireach.workflow.WorkflowJson;
import io.omnireach.workflow.Workflows;
import io.omnireach.workflow.engine.NodeRunView;
import io.omnireach.workflow.engine.RunControl;
import io.omnireach.workflow.engine.RunDetail;
import io.omnireach.workflow.engine.RunView;
import io.omnireach.workflow.engine.Runs;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * One run: who and which workflow version, its status with pause/resume/cancel, the version's graph
 * read-only with each node's state, and the step log. While the run is active the page polls every
 * few seconds, so a step that finishes shows up without a reload. Runs of another workspace are
 * "not found" (core reads inside the signed-in tenant's schema only).
 */
@Route(value = "runs/:id", layout = MainLayout.class)
@Requires(Permission.WORKFLOWS_READ)
public class RunDetailView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  static final int POLL_MS = 2000;

  private final Runs runs;
  private final RunControl control;
  private final Workflows workflows;
  private final PersonaRepository personas;
  private final Mailboxes mailboxes;
  private final UserDirectory users;
  private final AuthenticatedUser user;
  private final boolean writer;
  private final Div hero = new Div();
  private final Div log = new Div();
  private final WorkflowCanvas canvas = new WorkflowCanvas();
  private RunDetail detail;
  private WorkflowGraph graph;
  private StepLog steps;
  private String title = "Run";
  private Registration poll;

  @Inject
  public RunDetailView(
      Runs runs,
      RunControl control,
      Workflows workflows,
      PersonaRepository personas,
      Mailboxes mailboxes,
      UserDirectory users) {
    this.runs = runs;
    this.control = control;
    this.workflows = workflows;
    this.personas = personas;
    this.mailboxes = mailboxes;
    this.users = users;
    this.user = UiSession.require();
    this.writer = UiSession.can(user, io.omnireach.user.Permission.WORKFLOWS_RUN);
    addClassNames("omni-page", "omni-run-page");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    long id = parse(event.getRouteParameters().get("id").orElse(""));
    if (user.tenant() == null || id < 0) {
      add(notFound());
      return;
    }
    try {
      detail = runs.get(tenant(), id);
    } catch (DomainException e) {
      add(notFound());
      return;
    }
    RunView run = detail.run();
    title = "Run #" + run.id() + " · " + RunsView.leadName(run);
    try {
      graph = workflows.version(tenant(), run.workflowId(), run.version()).graph();
    } catch (DomainException e) {
      graph = null;
    }
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
    EmptyState empty =
        new EmptyState(
            VaadinIcon.PLAY_CIRCLE_O,
            "Run not found",
            "It may have been deleted, or it belongs to another workspace.",
            RunsView.link("runs", "Back to runs"));
    empty.setId("run-not-found");
    return empty;
  }

  private void build() {
    hero.setId("run-header");
    hero.addClassNames("omni-panel", "omni-run-hero");
    canvas.setId("run-canvas");
    canvas.setReadOnly(true);
    canvas.addClassName("omni-run-canvas");
    canvas.setWidthFull();
    canvas.setHeight("560px"); // the element fits the graph to the size it has when it mounts
    if (graph != null) {
      canvas.setGraph(WorkflowJson.write(graph));
      canvas.setLookups(GraphLookups.of(tenant(), personas, mailboxes, users));
    }
    canvas.addNodeSelectedListener(e -> e.getNodeId().ifPresent(id -> steps.reveal(id)));
    Div graphPanel =
        new Div(
            panelHead(
                "Graph · version " + detail.run().version(), "Click a step to find it in the log"),
            canvas);
    graphPanel.addClassNames("omni-panel", "omni-run-graph");
    log.addClassNames("omni-panel", "omni-run-log");
    Div columns = new Div(graphPanel, log);
    columns.addClassName("omni-run-columns");
    add(hero, columns);
    render();
  }

  private void render() {
    RunView run = detail.run();
    hero.removeAll();
    hero.add(heroContent(run));
    canvas.setNodeStates(StepFacts.runStates(detail.steps()));
    steps = new StepLog(run, detail.steps(), graph, writer, this::retry);
    log.removeAll();
    int n = detail.steps().size();
    log.add(panelHead("Step log", n == 1 ? "1 step" : n + " steps"), steps);
    schedulePoll();
  }

  private Component heroContent(RunView run) {
    Avatar avatar = new Avatar(RunsView.leadName(run));
    avatar.setColorIndex((int) Math.floorMod(run.leadId(), 7));
    Anchor lead = new Anchor("leads/" + run.leadId(), RunsView.leadName(run));
    lead.setId("run-lead");
    lead.addClassName("omni-run-lead");
    H2 name = new H2(lead);
    Anchor wf = new Anchor("workflows/" + run.workflowId() + "/results", run.workflowName());
    wf.setId("run-workflow");
    Span sub = new Span("Run #" + run.id() + " of ");
    sub.addClassName("omni-muted");
    Span version = new Span(" · version " + run.version());
    version.addClassName("omni-muted");
    Div line = new Div(sub, wf, version);
    line.addClassName("omni-run-line");
    Span status = RunUi.runBadge(run.status());
    status.setId("run-status");
    Div badges = new Div(status);
    badges.addClassName("omni-run-badges");
    if (run.stopReason() != null && !run.stopReason().isBlank()) {
      Span reason = new Span(run.stopReason());
      reason.setId("run-stop-reason");
      reason.addClassName("omni-run-reason");
      badges.add(reason);
    }
    if (run.pausedUntil() != null) {
      Span until = new Span("Resumes " + RunUi.time(run.pausedUntil()));
      until.addClassName("omni-run-reason");
      badges.add(until);
    }
    Div text = new Div(name, line, badges);
    text.addClassName("omni-run-hero-text");

    Div facts =
        new Div(
            fact("Enrolled", RunUi.time(run.createdAt())),
            fact("Updated", RunUi.time(run.updatedAt())),
            fact("Finished", run.finishedAt() == null ? "—" : RunUi.time(run.finishedAt())));
    facts.addClassName("omni-run-facts");

    Div actions = new Div();
    actions.addClassName("omni-run-actions");
    if (writer) {
      if (RunUi.ACTIVE.contains(run.status())) {
        actions.add(action("run-pause", "Pause", VaadinIcon.PAUSE, () -> act("pause")));
      }
      if ("paused".equals(run.status())) {
        Button resume = action("run-resume", "Resume", VaadinIcon.PLAY, () -> act("resume"));
        resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        actions.add(resume);
      }
      if (RunUi.ACTIVE.contains(run.status()) || "paused".equals(run.status())) {
        Button cancel =
            action("run-cancel", "Cancel run", VaadinIcon.CLOSE_CIRCLE_O, this::confirmCancel);
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.add(cancel);
      }
    }
    Button refresh = new Button(VaadinIcon.REFRESH.create(), e -> reload(true));
    refresh.setId("run-refresh");
    refresh.setAriaLabel("Refresh");
    refresh.setTooltipText("Refresh");
    refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
    actions.add(refresh);

    Div top = new Div(avatar, text, actions);
    top.addClassName("omni-run-hero-top");
    Div hero = new Div(top);
    failedStep().ifPresent(s -> hero.add(failure(s)));
    hero.add(facts);
    return hero;
  }

  /** The failed step a person should look at: the newest one that was not retried since. */
  private java.util.Optional<NodeRunView> failedStep() {
    java.util.Map<String, NodeRunView> latest = new java.util.LinkedHashMap<>();
    detail.steps().forEach(s -> latest.put(s.nodeId(), s));
    return latest.values().stream().filter(s -> "failed".equals(s.status())).reduce((a, b) -> b);
  }

  /** A callout at the top: which step failed, why, and "Retry this step". */
  private Component failure(NodeRunView s) {
    Span what = new Span("“" + RunUi.stepName(graph, s.nodeId(), s.nodeType()) + "” failed");
    what.addClassName("omni-run-failure-title");
    Span why = new Span(s.error() == null ? "No reason was recorded." : s.error());
    why.addClassName("omni-run-failure-text");
    Div text = new Div(what, why);
    Div box = new Div(VaadinIcon.WARNING.create(), text);
    box.setId("run-failure");
    box.addClassName("omni-run-failure");
    if (writer) {
      Button again = new Button("Retry this step", VaadinIcon.ROTATE_LEFT.create(), e -> retry(s));
      again.setId("run-retry");
      again.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
      box.add(again);
    }
    return box;
  }

  private static Div fact(String label, String value) {
    Span l = new Span(label);
    l.addClassName("omni-run-fact-label");
    Span v = new Span(value);
    v.addClassName("omni-run-fact-value");
    Div d = new Div(l, v);
    d.addClassName("omni-run-fact");
    return d;
  }

  private static Button action(String id, String text, VaadinIcon icon, Runnable r) {
    Button b = new Button(text, icon.create(), e -> r.run());
    b.setId(id);
    return b;
  }

  private static Component panelHead(String title, String hint) {
    Span h = new Span(hint);
    h.addClassName("omni-muted");
    Div head = new Div(new H3(title), h);
    head.addClassName("omni-panel-head");
    return head;
  }

  private void confirmCancel() {
    ConfirmDialog dialog =
        new ConfirmDialog(
            "Cancel this run?",
            "The lead leaves the workflow now; steps not yet run are cancelled. This cannot be"
                + " undone, but the lead can be enrolled again.",
            "Cancel run",
            e -> act("cancel"));
    dialog.setCancelable(true);
    dialog.setCancelText("Keep it");
    dialog.setConfirmButtonTheme("error primary");
    dialog.setId("run-cancel-confirm");
    dialog.open();
  }

  private void act(String action) {
    long id = detail.run().id();
    try {
      switch (action) {
        case "pause" -> control.pause(tenant(), id, user.email());
        case "resume" -> control.resume(tenant(), id, user.email());
        default -> control.cancel(tenant(), id, user.email());
      }
      RunUi.toast(
          switch (action) {
            case "pause" -> "Run paused. No step runs until you resume it.";
            case "resume" -> "Run resumed where it stopped.";
            default -> "Run cancelled.";
          },
          false);
    } catch (DomainException e) {
      RunUi.toast(e.getMessage(), true);
    }
    reload(true);
  }

  private void retry(NodeRunView step) {
    try {
      control.retryNode(tenant(), detail.run().id(), step.nodeId(), user.email());
      RunUi.toast("Step queued again from attempt 1.", false);
    } catch (DomainException e) {
      RunUi.toast(e.getMessage(), true);
    }
    reload(true);
  }

  /** Reads the run again; renders only when something changed (or when asked to). */
  private void reload(boolean always) {
    RunDetail fresh;
    try {
      fresh = runs.get(tenant(), detail.run().id());
    } catch (DomainException e) {
      removeAll();
      add(notFound());
      stopPoll();
      return;
    }
    if (always || !Objects.equals(fingerprint(fresh), fingerprint(detail))) {
      detail = fresh;
      render();
    }
  }

  static String fingerprint(RunDetail d) {
    StringBuilder b = new StringBuilder(d.run().status()).append(d.run().updatedAt());
    for (NodeRunView s : d.steps()) {
      b.append('|').append(s.id()).append(s.status()).append(s.attempt()).append(s.finishedAt());
    }
    return b.toString();
  }

  /** Polls while the run can still change by itself (active, or paused until a date). */
  private void schedulePoll() {
    boolean live =
        RunUi.ACTIVE.contains(detail.run().status()) || detail.run().pausedUntil() != null;
    UI ui = UI.getCurrent();
    if (ui == null) {
      return;
    }
    if (live && poll == null) {
      ui.setPollInterval(POLL_MS);
      poll = ui.addPollListener(e -> reload(false));
    } else if (!live) {
      stopPoll();
    }
  }

  private void stopPoll() {
    if (poll != null) {
      poll.remove();
      poll = null;
      getUI()
          .or(() -> java.util.Optional.ofNullable(UI.getCurrent()))
          .ifPresent(ui -> ui.setPollInterval(-1));
    }
  }

  @Override
  protected void onAttach(AttachEvent event) {
    if (detail != null) {
      schedulePoll();
    }
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (poll != null) {
      poll.remove();
      poll = null;
      event.getUI().setPollInterval(-1);
    }
  }

  private static long parse(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
