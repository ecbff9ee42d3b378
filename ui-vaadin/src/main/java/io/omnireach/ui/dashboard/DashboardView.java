package io.omnireach.ui.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.dashboard.Activity;
import io.omnireach.dashboard.DashboardService;
import io.omnireach.dashboard.DashboardStats;
import io.omnireach.deal.Deals;
import io.omnireach.deal.PipelineStage;
import io.omnireach.lead.Stage;
import io.omnireach.ui.console.TenantsView;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The tenant's home: live figures from its schema and the platform schema. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard")
@Requires(Permission.LEADS_READ)
public class DashboardView extends Div implements BeforeEnterObserver {

  @Inject
  public DashboardView(DashboardService dashboard, Deals deals) {
    addClassName("omni-page");
    AuthenticatedUser user = UiSession.require();
    if (user.tenant() == null) {
      return; // operators have no tenant dashboard: beforeEnter sends them to their console
    }
    DashboardStats stats = dashboard.stats(user.tenant().ref());
    add(
        greeting(user),
        cards(stats),
        row(pipeline(stats), dealValue(deals.pipeline(user.tenant().ref()))),
        row(activity(stats), signInChart(stats)),
        gettingStarted());
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (UiSession.require().tenant() == null) {
      event.forwardTo(TenantsView.class);
    }
  }

  private Component greeting(AuthenticatedUser user) {
    H2 hello = new H2("Good to see you, " + user.displayName().split(" ")[0]);
    Span sub = new Span("Here is what is happening in " + user.tenant().displayName() + " today.");
    sub.addClassName("omni-muted");
    Div box = new Div(hello, sub);
    box.addClassName("omni-greeting");
    return box;
  }

  private Component cards(DashboardStats stats) {
    String roles =
        stats.membersByRole().entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(" · "));
    long open =
        stats.leadsByStage().entrySet().stream()
            .filter(e -> e.getKey() != Stage.WON && e.getKey() != Stage.LOST)
            .mapToInt(Map.Entry::getValue)
            .sum();
    Div grid =
        new Div(
            card(
                "leads", VaadinIcon.FUNNEL, "Leads", stats.leads(), open + " open in the pipeline"),
            card("team", VaadinIcon.USERS, "Team members", stats.members(), roles),
            card(
                "invitations",
                VaadinIcon.ENVELOPE_OPEN,
                "Pending invitations",
                stats.pendingInvitations(),
                "valid for 7 days"),
            card(
                "signins",
                VaadinIcon.SIGN_IN,
                "Sign-ins, last 7 days",
                stats.signInsLast7Days(),
                "across your team"),
            card(
                "audit",
                VaadinIcon.CLIPBOARD_CHECK,
                "Audited changes, 30 days",
                stats.auditedChangesLast30Days(),
                "roles, invitations, settings"));
    grid.addClassName("omni-cards");
    return grid;
  }

  private Component card(String id, VaadinIcon icon, String label, int value, String hint) {
    Icon glyph = icon.create();
    glyph.addClassName("omni-card-icon");
    Span number = new Span(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value));
    number.addClassName("omni-card-value");
    number.setId("stat-" + id);
    Span title = new Span(label);
    title.addClassName("omni-card-label");
    Span sub = new Span(hint);
    sub.addClassName("omni-card-hint");
    Div card = new Div(glyph, title, number, sub);
    card.addClassName("omni-card");
    return card;
  }

  private Component signInChart(DashboardStats stats) {
    Map<LocalDate, Integer> perDay = stats.signInsPerDay();
    int max = Math.max(1, Collections.max(perDay.values()));
    Div bars = new Div();
    bars.addClassName("omni-bars");
    perDay.forEach(
        (day, count) -> {
          Div bar = new Div();
          bar.addClassName("omni-bar");
          bar.getStyle().set("height", Math.max(4, count * 100 / max) + "%");
          bar.getElement().setAttribute("title", day + ": " + count + " sign-ins");
          Span label =
              new Span(day.getDayOfWeek().getDisplayName(TextStyle.NARROW, Locale.ENGLISH));
          Div column = new Div(bar, label);
          column.addClassName("omni-bar-col");
          bars.add(column);
        });
    return panel("Team sign-ins · last 14 days", bars);
  }

  /** Leads per stage as horizontal bars, widest stage = full width. */
  private Component pipeline(DashboardStats stats) {
    int max = Math.max(1, Collections.max(stats.leadsByStage().values()));
    Div rows = new Div();
    rows.addClassName("omni-funnel");
    stats
        .leadsByStage()
        .forEach(
            (stage, count) -> {
              Span label =
                  new Span(
                      stage.value().substring(0, 1).toUpperCase(Locale.ROOT)
                          + stage.value().substring(1));
              Div bar = new Div();
              bar.addClassName("omni-funnel-bar");
              bar.addClassName("stage-" + stage.value());
              bar.getStyle().set("width", Math.max(2, count * 100 / max) + "%");
              Span value = new Span(Integer.toString(count));
              value.addClassName("omni-funnel-value");
              Div track = new Div(bar);
              track.addClassName("omni-funnel-track");
              Div row = new Div(label, track, value);
              row.addClassName("omni-funnel-row");
              rows.add(row);
            });
    return panel("Pipeline by stage", rows);
  }

  /**
   * Deal value per stage (from the deals, not the leads): one bar per stage, its value in each
   * currency (amounts in different currencies are never added up; the bar is the first one's).
   */
  private Component dealValue(List<PipelineStage> stages) {
    BigDecimal max = BigDecimal.ONE;
    for (PipelineStage s : stages) {
      for (BigDecimal v : s.value().values()) {
        max = max.max(v);
      }
    }
    Div rows = new Div();
    rows.addClassName("omni-funnel");
    rows.setId("dashboard-deal-value");
    for (PipelineStage s : stages) {
      Span label = new Span(s.stage().label());
      Div bar = new Div();
      bar.addClassNames("omni-funnel-bar", "stage-" + s.stage().value());
      BigDecimal first = s.value().values().stream().findFirst().orElse(BigDecimal.ZERO);
      bar.getStyle()
          .set(
              "width",
              Math.max(
                      2,
                      first
                          .multiply(BigDecimal.valueOf(100))
                          .divide(max, 0, RoundingMode.DOWN)
                          .intValue())
                  + "%");
      Span value =
          new Span(
              s.value().isEmpty()
                  ? "0"
                  : s.value().entrySet().stream()
                      .map(e -> money(e.getValue(), e.getKey()))
                      .collect(Collectors.joining(" · ")));
      value.addClassName("omni-funnel-value");
      Div track = new Div(bar);
      track.addClassName("omni-funnel-track");
      Div row = new Div(label, track, value);
      row.addClassName("omni-funnel-row");
      rows.add(row);
    }
    return panel("Deal value by stage", rows);
  }

  private static String money(BigDecimal amount, String currency) {
    NumberFormat f = NumberFormat.getNumberInstance(Locale.ENGLISH);
    f.setMaximumFractionDigits(0);
    return f.format(amount) + " " + currency;
  }

  private Component activity(DashboardStats stats) {
    Div list = new Div();
    list.addClassName("omni-activity");
    if (stats.recentActivity().isEmpty()) {
      list.add(new Span("Nothing yet."));
    }
    for (Activity a : stats.recentActivity()) {
      Span what = new Span(a.summary());
      Span when = new Span(ago(a.at()));
      when.addClassName("omni-muted");
      Div item = new Div(new Div(), what, when);
      item.addClassName("omni-activity-item");
      list.add(item);
    }
    return panel("Recent activity", list);
  }

  private Component gettingStarted() {
    Div steps =
        new Div(
            step(VaadinIcon.UPLOAD, "Import your leads", "Bring a CSV from your CRM.", "leads"),
            step(
                VaadinIcon.USER_CARD,
                "Shape a persona",
                "Tone, samples and value props.",
                "personas"),
            step(
                VaadinIcon.CONNECT,
                "Draw a workflow",
                "Touches, waits and decisions.",
                "workflows"),
            step(VaadinIcon.USERS, "Invite your team", "Admins, reps and viewers.", "settings"));
    steps.addClassName("omni-steps");
    return panel("Get started", steps);
  }

  private Component step(VaadinIcon icon, String title, String text, String href) {
    Icon glyph = icon.create();
    Span t = new Span(title);
    t.addClassName("omni-step-title");
    Span d = new Span(text);
    d.addClassName("omni-muted");
    Anchor a = new Anchor(href, glyph, new Div(t, d));
    a.addClassName("omni-step");
    return a;
  }

  private static Component panel(String title, Component body) {
    Div panel = new Div(new H3(title), body);
    panel.addClassName("omni-panel");
    return panel;
  }

  private static Component row(Component... panels) {
    Div row = new Div(panels);
    row.addClassName("omni-row");
    return row;
  }

  static String ago(Instant at) {
    Duration d = Duration.between(at, Instant.now());
    if (d.toMinutes() < 1) {
      return "just now";
    }
    if (d.toHours() < 1) {
      return d.toMinutes() + " min ago";
    }
    if (d.toDays() < 1) {
      return d.toHours() + " h ago";
    }
    return d.toDays() + " d ago";
  }
}
