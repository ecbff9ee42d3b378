package io.omnireach.ui.run;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadQuery;
import io.omnireach.lead.LeadRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.workflow.WorkflowGraph;
import io.omnireach.workflow.WorkflowSummary;
import io.omnireach.workflow.Workflows;
import io.omnireach.workflow.engine.RunControl;
import io.omnireach.workflow.engine.RunPage;
import io.omnireach.workflow.engine.RunView;
import io.omnireach.workflow.engine.Runs;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every run of the tenant, newest first: filter by workflow, status (chips with counts) and lead
 * (search), pause, resume or cancel the selected runs, click a row for its run page. Viewers read.
 * Links may preselect filters: {@code runs?workflow=12&status=failed}.
 */
@Route(value = "runs", layout = MainLayout.class)
@PageTitle("Runs")
@Requires(Permission.WORKFLOWS_READ)
public class RunsView extends Div implements BeforeEnterObserver {

  static final int SEARCH_LEADS = 25;
  private static final Pattern RUN_ID = Pattern.compile("#?(\\d{1,18})");

  private final Runs runs;
  private final RunControl control;
  private final Workflows workflows;
  private final LeadRepository leads;
  private final AuthenticatedUser user;
  private final boolean writer;
  private final ComboBox<WorkflowSummary> workflow = new ComboBox<>();
  private final TextField search = new TextField();
  private final Div chips = new Div();
  private final Span total = new Span();
  private final Grid<RunView> grid = new Grid<>(RunView.class, false);
  private final Div bulk = new Div();
  private final Span bulkCount = new Span();
  private final Map<String, WorkflowGraph> graphs = new HashMap<>();
  private String status;
  private RunFeed feed;

  @Inject
  public RunsView(Runs runs, RunControl control, Workflows workflows, LeadRepository leads) {
    this.runs = runs;
    this.control = control;
    this.workflows = workflows;
    this.leads = leads;
    this.user = UiSession.require();
    this.writer = UiSession.can(user, io.omnireach.user.Permission.WORKFLOWS_RUN);
    addClassNames("omni-page", "omni-lead-page", "omni-runs");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    if (user.tenant() == null) {
      add(
          new EmptyState(
              VaadinIcon.PLAY_CIRCLE_O,
              "No workspace selected",
              "Sign in with a tenant to see its workflow runs."));
      return;
    }
    QueryParameters q = event.getLocation().getQueryParameters();
    List<WorkflowSummary> all = workflows.list(tenant(), true);
    Long preselected = number(q.getSingleParameter("workflow").orElse(null));
    String st = q.getSingleParameter("status").orElse(null);
    status = st != null && Runs.STATUSES.contains(st) ? st : null;
    if (all.isEmpty()) {
      add(
          new EmptyState(
              VaadinIcon.PLAY_CIRCLE_O,
              "Nothing is running yet",
              "Build a workflow, publish it and enrol leads: each lead's run appears here with its"
                  + " current step, its log and any retries.",
              link("workflows", "Go to workflows")));
      return;
    }
    build(all, preselected);
  }

  private TenantRef tenant() {
    return user.tenant().ref();
  }

  private void build(List<WorkflowSummary> all, Long preselected) {
    workflow.setId("runs-workflow");
    workflow.setItems(all);
    workflow.setItemLabelGenerator(WorkflowSummary::name);
    workflow.setPlaceholder("All workflows");
    workflow.setClearButtonVisible(true);
    workflow.addClassName("omni-lead-picker");
    workflow.addClassName("omni-runs-workflow");
    all.stream()
        .filter(w -> preselected != null && w.id() == preselected)
        .findFirst()
        .ifPresent(workflow::setValue);
    workflow.addValueChangeListener(e -> refresh());

    search.setId("runs-search");
    search.setPlaceholder("Search leads, or #run");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addClassName("omni-lead-search");
    search.addValueChangeListener(e -> refresh());

    chips.setId("runs-status");
    chips.addClassName("omni-runs-chips");
    Div row = new Div(search, workflow);
    row.addClassName("omni-lead-filter-row");
    Div filters = new Div(row, chips);
    filters.addClassName("omni-lead-filters");

    configureGrid();
    Div card = new Div(filters, grid);
    card.addClassName("omni-lead-card");
    add(header(), card);
    if (writer) {
      add(bulkBar());
    }
    refresh();
  }

  private Component header() {
    H2 title = new H2("Runs");
    total.setId("runs-total");
    total.addClassName("omni-lead-total");
    Span sub =
        new Span(
            writer
                ? "Every lead's way through a workflow. Select runs to pause, resume or cancel them."
                : "Every lead's way through a workflow, step by step.");
    sub.addClassName("omni-muted");
    Div text = new Div(new Div(title, total), sub);
    text.addClassName("omni-lead-title");
    Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
    refresh.setId("runs-refresh");
    refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    Div actions = new Div(refresh);
    actions.addClassName("omni-lead-actions");
    Div header = new Div(text, actions);
    header.addClassName("omni-lead-header");
    return header;
  }

  private void configureGrid() {
    grid.setId("runs-grid");
    grid.addClassNames("omni-lead-grid", "omni-runs-grid");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.setSelectionMode(writer ? Grid.SelectionMode.MULTI : Grid.SelectionMode.NONE);
    grid.setPageSize(50);
    grid.addColumn(
            LitRenderer.<RunView>of(
                    "<a class=\"omni-lead-person\" href=\"runs/${item.id}\" router-link>"
                        + "<vaadin-avatar name=\"${item.name}\" color-index=\"${item.color}\""
                        + " theme=\"small\" aria-hidden=\"true\"></vaadin-avatar>"
                        + "<div class=\"omni-lead-person-text\">"
                        + "<span class=\"omni-lead-name\">${item.name}</span>"
                        + "<span class=\"omni-lead-sub\">${item.email}</span></div></a>")
                .withProperty("id", RunView::id)
                .withProperty("name", RunsView::leadName)
                .withProperty("email", r -> r.leadName() == null ? "" : nz(r.leadEmail()))
                .withProperty("color", r -> (int) Math.floorMod(r.leadId(), 7)))
        .setHeader("Lead")
        .setKey("lead")
        .setFlexGrow(3)
        .setWidth("220px");
    grid.addColumn(
            LitRenderer.<RunView>of(
                    "<div class=\"omni-lead-person-text\">"
                        + "<span class=\"omni-lead-company\">${item.workflow}</span>"
                        + "<span class=\"omni-lead-sub\">Version ${item.version} · run"
                        + " #${item.id}</span></div>")
                .withProperty("workflow", RunView::workflowName)
                .withProperty("version", RunView::version)
                .withProperty("id", RunView::id))
        .setHeader("Workflow")
        .setKey("workflow")
        .setFlexGrow(2)
        .setWidth("190px");
    grid.addColumn(
            LitRenderer.<RunView>of(
                    "<span class=\"omni-run-status omni-run-status-${item.status}\""
                        + " data-status=\"${item.status}\">${item.label}</span>")
                .withProperty("status", RunView::status)
                .withProperty("label", r -> RunUi.runLabel(r.status())))
        .setHeader("Status")
        .setKey("status")
        .setWidth("150px")
        .setFlexGrow(0);
    grid.addColumn(this::stepName)
        .setHeader("Current step")
        .setKey("step")
        .setWidth("140px")
        .setFlexGrow(1);
    grid.addColumn(r -> nz(r.stopReason()))
        .setHeader("Stop reason")
        .setKey("reason")
        .setTooltipGenerator(r -> nz(r.stopReason()))
        .setWidth("200px")
        .setFlexGrow(2);
    grid.addColumn(r -> RunUi.ago(r.updatedAt(), Instant.now()))
        .setHeader("Updated")
        .setKey("updated")
        .setTooltipGenerator(r -> RunUi.time(r.updatedAt()))
        .setWidth("120px")
        .setFlexGrow(0);
    grid.addItemClickListener(
        e -> {
          if (e.getColumn() != null && !"lead".equals(e.getColumn().getKey())) {
            grid.getUI().ifPresent(ui -> ui.navigate("runs/" + e.getItem().id()));
          }
        });
    grid.setEmptyStateComponent(noMatches());
    if (writer) {
      // a grid in SelectionMode.NONE refuses selection listeners (Viewers have no bulk actions)
      grid.addSelectionListener(e -> showBulk(e.getAllSelectedItems().size()));
    }
  }

  private Component noMatches() {
    Span title = new Span("No runs match");
    title.addClassName("omni-lead-nomatch-title");
    Span text = new Span("Try another status, workflow or search.");
    text.addClassName("omni-muted");
    Div box = new Div(VaadinIcon.SEARCH.create(), title, text);
    box.addClassName("omni-lead-nomatch");
    box.setId("runs-no-matches");
    return box;
  }

  /** A new feed for the filters: the grid reads it lazily; counts and chips come with it. */
  private void refresh() {
    Long wf = workflow.getValue() == null ? null : workflow.getValue().id();
    String text = search.getValue() == null ? "" : search.getValue().trim();
    String st = status;
    RunFeed.Source source =
        text.isEmpty()
            ? (cursor, limit) -> runs.list(tenant(), wf, st, null, cursor, limit)
            : (cursor, limit) -> search(wf, st, text);
    feed = new RunFeed(source);
    RunFeed current = feed;
    grid.deselectAll();
    grid.setItems(q -> current.slice(q.getOffset(), q.getLimit()).stream());
    grid.getLazyDataView().setItemCountEstimate(50);
    showCounts(current.counts());
  }

  /**
   * Search: runs of the first {@value #SEARCH_LEADS} leads whose name, email or company match, plus
   * the run itself for "#id". Core's run list filters by one lead, so this asks once per lead; the
   * result is one page.
   */
  RunPage search(Long wf, String st, String text) {
    Map<Long, RunView> found = new TreeMap<>(Comparator.reverseOrder());
    Map<String, Integer> counts = new LinkedHashMap<>();
    RunUi.RUN_STATUSES.forEach(s -> counts.put(s, 0));
    var id = RUN_ID.matcher(text);
    if (id.matches()) {
      try {
        RunView r = runs.get(tenant(), Long.parseLong(id.group(1))).run();
        if ((wf == null || r.workflowId() == wf)) {
          counts.merge(r.status(), 1, Integer::sum);
          if (st == null || st.equals(r.status())) {
            found.put(r.id(), r);
          }
        }
      } catch (DomainException | NumberFormatException notARun) {
        // not a run of this workspace: the lead search below may still match
      }
    }
    List<Lead> matching = leads.slice(tenant(), LeadQuery.all().withText(text), 0, SEARCH_LEADS);
    for (Lead lead : matching) {
      RunPage page = runs.list(tenant(), wf, st, lead.id(), null, 200);
      page.items().forEach(r -> found.putIfAbsent(r.id(), r));
      page.counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
    }
    return new RunPage(new ArrayList<>(found.values()), null, counts);
  }

  private void showCounts(Map<String, Integer> counts) {
    chips.removeAll();
    int all = counts.values().stream().mapToInt(Integer::intValue).sum();
    chips.add(chip(null, "All", all));
    for (String s : RunUi.RUN_STATUSES) {
      int n = counts.getOrDefault(s, 0);
      if (n > 0 || s.equals(status) || Set.of("running", "waiting", "failed").contains(s)) {
        chips.add(chip(s, RunUi.runLabel(s), n));
      }
    }
    int shown = status == null ? all : counts.getOrDefault(status, 0);
    total.setText(shown == 1 ? "1 run" : String.format("%,d runs", shown));
  }

  private Button chip(String s, String label, int n) {
    Span count = new Span(String.format("%,d", n));
    count.addClassName("omni-runs-chip-count");
    Button b = new Button(label);
    b.setSuffixComponent(count);
    b.setId("runs-chip-" + (s == null ? "all" : s));
    b.addClassName("omni-runs-chip");
    if (s != null) {
      b.addClassName("omni-runs-chip-" + s);
    }
    if (n > 0) {
      b.addClassName("has-runs");
    }
    b.getElement()
        .setAttribute("aria-pressed", Boolean.toString(java.util.Objects.equals(s, status)));
    if (java.util.Objects.equals(s, status)) {
      b.addClassName("is-active");
    }
    b.addClickListener(
        e -> {
          status = s;
          refresh();
        });
    return b;
  }

  private Component bulkBar() {
    bulk.setId("runs-bulk");
    bulk.addClassName("omni-lead-bulk");
    bulkCount.setId("runs-bulk-count");
    bulkCount.addClassName("omni-lead-bulk-count");
    Button pause = new Button("Pause", VaadinIcon.PAUSE.create(), e -> bulk("pause"));
    pause.setId("runs-bulk-pause");
    Button resume = new Button("Resume", VaadinIcon.PLAY.create(), e -> bulk("resume"));
    resume.setId("runs-bulk-resume");
    Button cancel =
        new Button("Cancel runs", VaadinIcon.CLOSE_CIRCLE_O.create(), e -> bulk("cancel"));
    cancel.setId("runs-bulk-cancel");
    cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
    Button clear = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> grid.deselectAll());
    clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
    clear.setAriaLabel("Clear selection");
    Div divider = new Div();
    divider.addClassName("omni-lead-bulk-divider");
    bulk.add(bulkCount, divider, pause, resume, cancel, clear);
    bulk.setVisible(false);
    return bulk;
  }

  private void showBulk(int selected) {
    bulk.setVisible(selected > 0);
    bulkCount.setText(selected == 1 ? "1 run selected" : selected + " runs selected");
  }

  /** Applies the action to each selected run; runs that cannot take it are counted, not fatal. */
  private void bulk(String action) {
    List<RunView> selected = new ArrayList<>(grid.getSelectedItems());
    BulkResult result = apply(selected, action);
    RunUi.toast(result.message(action), result.done() == 0);
    refresh();
  }

  record BulkResult(int done, Map<String, Integer> refused) {
    String message(String action) {
      String verb =
          switch (action) {
            case "pause" -> "Paused";
            case "resume" -> "Resumed";
            default -> "Cancelled";
          };
      StringBuilder m = new StringBuilder(verb + " " + done + (done == 1 ? " run" : " runs"));
      refused.forEach(
          (status, n) ->
              m.append("; ")
                  .append(n)
                  .append(" ")
                  .append(RunUi.runLabel(status).toLowerCase(java.util.Locale.ROOT))
                  .append(n == 1 ? " run" : " runs")
                  .append(" left as they were"));
      return m.append('.').toString();
    }
  }

  BulkResult apply(List<RunView> selected, String action) {
    int done = 0;
    Map<String, Integer> refused = new HashMap<>();
    for (RunView r : selected) {
      try {
        switch (action) {
          case "pause" -> control.pause(tenant(), r.id(), user.email());
          case "resume" -> control.resume(tenant(), r.id(), user.email());
          case "cancel" -> control.cancel(tenant(), r.id(), user.email());
          default -> throw new IllegalArgumentException(action);
        }
        done++;
      } catch (DomainException e) {
        refused.merge(r.status(), 1, Integer::sum);
      }
    }
    return new BulkResult(done, refused);
  }

  static String leadName(RunView r) {
    if (r.leadName() != null && !r.leadName().isBlank()) {
      return r.leadName();
    }
    return r.leadEmail() != null ? r.leadEmail() : "Lead #" + r.leadId();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static Long number(String s) {
    try {
      return s == null ? null : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Component link(String href, String text) {
    com.vaadin.flow.component.html.Anchor a = new com.vaadin.flow.component.html.Anchor(href, text);
    a.addClassName("omni-empty-link");
    return a;
  }

  /** The step's name in the run's version ("Send email · intro"); versions are read once each. */
  private String stepName(RunView r) {
    if (r.currentNode() == null) {
      return "—";
    }
    WorkflowGraph graph =
        graphs.computeIfAbsent(
            r.workflowId() + ":" + r.version(),
            k -> {
              try {
                return workflows.version(tenant(), r.workflowId(), r.version()).graph();
              } catch (DomainException e) {
                return null;
              }
            });
    return RunUi.stepName(graph, r.currentNode(), null);
  }
}
