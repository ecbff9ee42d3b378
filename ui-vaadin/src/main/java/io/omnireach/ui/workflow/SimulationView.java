package io.omnireach.ui.workflow;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.policy.PolicyKind;
import io.omnireach.policy.Severity;
import io.omnireach.policy.Violation;
import io.omnireach.simulation.SimulationStatus;
import io.omnireach.simulation.Simulations;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.chart.Chart;
import io.omnireach.ui.policy.PoliciesView;
import io.omnireach.ui.policy.PolicyMarks;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.workflow.WorkflowJson;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A simulation's result, shareable by link inside the tenant (another tenant's id is "not found"):
 * progress while it runs, then the aggregate (a chart of sent and blocked per send step, the rules
 * that blocked, where leads end), exports, and per lead the timeline with each message, its verdict
 * (offending text marked as on the Policies view) and the branches taken.
 */
@Route(value = "simulations/:id", layout = MainLayout.class)
@Requires(Permission.WORKFLOWS_READ)
public class SimulationView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE d MMM, HH:mm 'UTC'", java.util.Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final Simulations simulations;
  private final AuthenticatedUser user;
  private long id = -1;
  private SimulationStatus shown;

  @Inject
  public SimulationView(Simulations simulations) {
    this.simulations = simulations;
    this.user = UiSession.require();
    addClassNames("omni-page", "omni-simulation");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    try {
      id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
    } catch (NumberFormatException e) {
      id = -1;
    }
    render();
  }

  @Override
  public String getPageTitle() {
    return "Simulation " + id;
  }

  @Override
  protected void onAttach(AttachEvent e) {
    e.getUI().setPollInterval(1000);
    e.getUI()
        .addPollListener(
            p -> {
              if (shown == SimulationStatus.QUEUED || shown == SimulationStatus.RUNNING) {
                render();
              }
            });
  }

  @Override
  protected void onDetach(DetachEvent e) {
    e.getUI().setPollInterval(-1);
  }

  private TenantRef tenant() {
    return user.tenant() == null ? null : user.tenant().ref();
  }

  private void render() {
    removeAll();
    Simulations.Simulation sim;
    try {
      if (tenant() == null || id < 0) {
        throw DomainException.notFound("none");
      }
      sim = simulations.get(tenant(), id);
    } catch (DomainException e) {
      shown = null;
      Anchor back = new Anchor("workflows", "Back to workflows");
      back.addClassName("omni-empty-link");
      add(
          new EmptyState(
              VaadinIcon.FLASK,
              "Simulation not found",
              "It belongs to another workspace, or the link is wrong.",
              back));
      return;
    }
    shown = sim.status();
    add(head(sim));
    if (sim.status() == SimulationStatus.QUEUED || sim.status() == SimulationStatus.RUNNING) {
      ProgressBar bar = new ProgressBar(0, Math.max(1, sim.leadsTotal()), sim.leadsDone());
      bar.setId("simulation-progress");
      Span text = new Span(sim.leadsDone() + " of " + sim.leadsTotal() + " leads simulated");
      text.addClassName("omni-muted");
      add(new Div(bar, text));
      return;
    }
    if (sim.status() == SimulationStatus.FAILED) {
      Span err = new Span("The simulation failed: " + sim.error());
      err.setId("simulation-error");
      add(err);
      return;
    }
    add(summary(sim));
    Div leads = new Div(new H3("Per lead"));
    leads.setId("simulation-leads");
    leads.addClassName("omni-sim-leads");
    for (Map<String, Object> lead : sim.leads()) {
      leads.add(lead(lead));
    }
    add(leads);
  }

  private Component head(Simulations.Simulation sim) {
    H2 title = new H2("Simulation #" + sim.id());
    Span badge = new Span(sim.status().name().toLowerCase(java.util.Locale.ROOT));
    badge.setId("simulation-status");
    badge
        .getElement()
        .getThemeList()
        .add(
            switch (sim.status()) {
              case DONE -> "badge success pill";
              case FAILED -> "badge error pill";
              default -> "badge contrast pill";
            });
    Span what =
        new Span(
            (sim.version() == null ? "Draft" : "Version " + sim.version())
                + " of workflow "
                + sim.workflowId()
                + " · "
                + sim.leadsTotal()
                + " leads · by "
                + sim.createdBy()
                + ". Nothing was sent: no runs, messages or billing usage were written.");
    what.addClassName("omni-muted");
    Anchor workflow = new Anchor("workflows/" + sim.workflowId() + "/edit", "Open the workflow");
    Div left = new Div(new Div(title, badge), what, workflow);
    left.addClassName("omni-sim-head-left");
    Div right = new Div();
    right.addClassName("omni-sim-exports");
    if (sim.status() == SimulationStatus.DONE) {
      right.add(download(sim, "csv"), download(sim, "json"));
    }
    Div head = new Div(left, right);
    head.addClassName("omni-sim-head");
    return head;
  }

  private Anchor download(Simulations.Simulation sim, String format) {
    DownloadHandler h =
        event -> {
          event.setFileName("simulation-" + sim.id() + "." + format);
          event.setContentType(format.equals("csv") ? "text/csv" : "application/json");
          Simulations.Simulation now = simulations.get(tenant(), sim.id());
          String body =
              format.equals("csv") ? Simulations.csv(now) : WorkflowJson.toJson(now.result());
          event.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        };
    Anchor a = new Anchor(h, AttachmentType.DOWNLOAD, "");
    a.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("Export " + format.toUpperCase()));
    a.setId("simulation-export-" + format);
    a.addClassName("omni-sim-export");
    return a;
  }

  @SuppressWarnings("unchecked")
  private Component summary(Simulations.Simulation sim) {
    Map<String, Object> agg = sim.aggregate();
    Map<String, Map<String, Object>> messages =
        (Map<String, Map<String, Object>>) agg.getOrDefault("messages", Map.of());
    Map<String, Object> blockedBy = (Map<String, Object>) agg.getOrDefault("blockedBy", Map.of());
    Map<String, Object> ends = (Map<String, Object>) agg.getOrDefault("ends", Map.of());
    int sent = 0;
    int blocked = 0;
    for (Map<String, Object> m : messages.values()) {
      sent += ((Number) m.getOrDefault("sent", 0)).intValue();
      blocked += ((Number) m.getOrDefault("blocked", 0)).intValue();
    }
    Div cards =
        new Div(
            card("Leads", "" + sim.leadsTotal(), "simulation-leads-count"),
            card("Would send", "" + sent, "simulation-sent"),
            card("Blocked", "" + blocked, "simulation-blocked"),
            card(
                "AI calls",
                sim.aiCalls() + (providerCalls(sim.aiCost()) == 0 ? " (offline)" : ""),
                "simulation-ai"));
    cards.addClassName("omni-sim-cards");
    Div top = new Div(cards);
    if (providerCalls(sim.aiCost()) > 0) {
      Span cost = new Span(aiCostLine(sim.aiCost()));
      cost.setId("simulation-ai-cost");
      cost.addClassName("omni-sim-ai-cost");
      top.add(new Div(cost));
    }

    Chart chart = new Chart().setOption(chartOption(messages));
    chart.setId("simulation-chart");
    chart.setHeight("260px");
    Div chartPanel = new Div(new H3("Messages per send step"), chart);
    chartPanel.addClassName("omni-sim-panel");

    Div rules = new Div(new H3("Blocked by"));
    rules.setId("simulation-blocked-by");
    if (blockedBy.isEmpty()) {
      rules.add(muted("Nothing was blocked."));
    }
    blockedBy.forEach((k, v) -> rules.add(row(k, "" + v)));
    rules.add(new H3("Where leads end"));
    ends.forEach((k, v) -> rules.add(row(k, "" + v)));
    rules.addClassName("omni-sim-panel");

    Div grid = new Div(chartPanel, rules);
    grid.addClassName("omni-sim-columns");
    top.add(grid);
    return top;
  }

  private static int providerCalls(Map<String, Object> aiCost) {
    return aiCost.get("calls") instanceof Number n ? n.intValue() : 0;
  }

  /** "AI: 12 calls · 9,800 tokens · $0.004 — simulation cost, not billed". */
  static String aiCostLine(Map<String, Object> aiCost) {
    long tokens = aiCost.get("tokens") instanceof Number n ? n.longValue() : 0;
    BigDecimal usd =
        new BigDecimal(String.valueOf(aiCost.getOrDefault("costUsd", "0")))
            .setScale(6, RoundingMode.HALF_UP)
            .stripTrailingZeros();
    if (usd.scale() < 2) {
      usd = usd.setScale(2);
    }
    int calls = providerCalls(aiCost);
    return "AI: "
        + calls
        + (calls == 1 ? " call · " : " calls · ")
        + NumberFormat.getIntegerInstance(Locale.US).format(tokens)
        + " tokens · $"
        + usd.toPlainString()
        + " — simulation cost, not billed";
  }

  static String chartOption(Map<String, Map<String, Object>> messages) {
    List<String> names = new ArrayList<>(messages.keySet());
    StringBuilder cats = new StringBuilder();
    StringBuilder sent = new StringBuilder();
    StringBuilder blocked = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      String sep = i == 0 ? "" : ",";
      Map<String, Object> m = messages.get(names.get(i));
      cats.append(sep).append(WorkflowJson.toJson(names.get(i)));
      sent.append(sep).append(m.getOrDefault("sent", 0));
      blocked.append(sep).append(m.getOrDefault("blocked", 0));
    }
    return "{\"tooltip\":{\"trigger\":\"axis\",\"axisPointer\":{\"type\":\"shadow\"}},"
        + "\"legend\":{\"bottom\":0},"
        + "\"grid\":{\"left\":8,\"right\":16,\"top\":8,\"bottom\":32,\"containLabel\":true},"
        + "\"xAxis\":{\"type\":\"category\",\"data\":["
        + cats
        + "]},\"yAxis\":{\"type\":\"value\",\"minInterval\":1},\"series\":["
        + "{\"name\":\"Would send\",\"type\":\"bar\",\"stack\":\"s\",\"barMaxWidth\":48,"
        + "\"itemStyle\":{\"color\":\"#10b981\"},\"data\":["
        + sent
        + "]},{\"name\":\"Blocked\",\"type\":\"bar\",\"stack\":\"s\",\"barMaxWidth\":48,"
        + "\"itemStyle\":{\"color\":\"#ef4444\",\"borderRadius\":[6,6,0,0]},\"data\":["
        + blocked
        + "]}]}";
  }

  @SuppressWarnings("unchecked")
  private Component lead(Map<String, Object> lead) {
    List<Map<String, Object>> steps = (List<Map<String, Object>>) lead.get("steps");
    boolean anyBlocked = steps.stream().anyMatch(s -> Boolean.FALSE.equals(s.get("sends")));
    Span name = new Span(String.valueOf(lead.get("name")));
    name.addClassName("omni-sim-lead-name");
    Span end = new Span(String.valueOf(lead.get("end")));
    end.addClassName("omni-muted");
    Div summary = new Div(name, end);
    if (anyBlocked) {
      summary.add(PoliciesView.severity("block"));
    }
    summary.addClassName("omni-sim-lead-summary");
    Div timeline = new Div();
    timeline.addClassName("omni-sim-timeline");
    for (Map<String, Object> s : steps) {
      timeline.add(step(s));
    }
    Details d = new Details(summary, timeline);
    d.setId("simulation-lead-" + lead.get("leadId"));
    d.addClassName("omni-sim-lead");
    d.setOpened(anyBlocked);
    return d;
  }

  @SuppressWarnings("unchecked")
  private Component step(Map<String, Object> s) {
    Span at = new Span(TIME.format(Instant.parse(String.valueOf(s.get("at")))));
    at.addClassName("omni-sim-at");
    Span type = new Span(String.valueOf(s.get("type")).replace('_', ' '));
    type.addClassName("omni-sim-type");
    Span node = new Span(String.valueOf(s.get("nodeId")));
    node.addClassName("omni-muted");
    Div top = new Div(at, type, node);
    top.addClassName("omni-sim-step-top");
    if (s.get("branch") != null) {
      Span b = new Span("→ " + s.get("branch"));
      b.getElement().getThemeList().add("badge contrast");
      b.addClassName("omni-sim-branch");
      top.add(b);
    }
    if (s.get("verdict") != null) {
      top.add(PoliciesView.severity(String.valueOf(s.get("verdict"))));
    }
    Div row = new Div(top);
    row.addClassName("omni-sim-step");
    row.getElement().setAttribute("data-type", String.valueOf(s.get("type")));
    if (Boolean.FALSE.equals(s.get("sends"))) {
      row.getElement().setAttribute("data-blocked", "true");
      row.add(muted("Would not send: " + s.get("blockedBy")));
    }
    if (s.get("note") != null) {
      row.add(muted(String.valueOf(s.get("note"))));
    }
    if (s.get("deferred") != null) {
      row.add(muted("Send time: " + s.get("deferred")));
    }
    if (s.get("message") instanceof Map<?, ?> msg) {
      List<Violation> vs = new ArrayList<>();
      for (Map<String, Object> v :
          (List<Map<String, Object>>) s.getOrDefault("violations", List.of())) {
        vs.add(violation(v));
      }
      if (msg.get("subject") != null) {
        Div subject = PolicyMarks.render(String.valueOf(msg.get("subject")), vs, "subject");
        subject.addClassName("omni-policy-subject");
        row.add(subject);
      }
      row.add(PolicyMarks.render(String.valueOf(msg.get("body")), vs, "body"));
      for (Violation v : vs) {
        row.add(PoliciesView.violation(v));
      }
    }
    return row;
  }

  static Violation violation(Map<String, Object> v) {
    return new Violation(
        ((Number) v.get("policyId")).longValue(),
        String.valueOf(v.get("policyName")),
        PolicyKind.fromWire(String.valueOf(v.get("kind"))),
        Severity.fromWire(String.valueOf(v.get("severity"))),
        String.valueOf(v.get("explanation")),
        v.get("excerpt") == null ? null : String.valueOf(v.get("excerpt")),
        v.get("field") == null ? null : String.valueOf(v.get("field")),
        ((Number) v.get("start")).intValue(),
        ((Number) v.get("end")).intValue());
  }

  private static Div card(String label, String value, String id) {
    Span v = new Span(value);
    v.addClassName("omni-sim-card-value");
    Span l = new Span(label);
    l.addClassName("omni-muted");
    Div c = new Div(v, l);
    c.setId(id);
    c.addClassName("omni-sim-card");
    return c;
  }

  private static Div row(String k, String v) {
    Span key = new Span(k);
    Span val = new Span(v);
    val.addClassName("omni-sim-count");
    Div d = new Div(key, val);
    d.addClassName("omni-sim-row");
    return d;
  }

  private static Span muted(String text) {
    Span s = new Span(text);
    s.addClassName("omni-muted");
    s.addClassName("omni-sim-note");
    return s;
  }
}
