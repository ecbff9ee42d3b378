package io.omnireach.ui.analytics;

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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.channel.analytics.ChannelAnalytics;
import io.omnireach.channel.analytics.ChannelStats;
import io.omnireach.channel.analytics.EmailAnalytics;
import io.omnireach.channel.analytics.EmailStats;
import io.omnireach.channel.analytics.EmailStats.Counts;
import io.omnireach.ui.chart.Chart;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.inject.Inject;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Analytics of the tenant: for email, replies and meetings first, then sent, delivered, opened
 * (people, not proxies), clicked, bounced and unsubscribed with their rates, a daily series and a
 * chart per mailbox (ECharts through {@link Chart}), and the figures per persona; then the Channels
 * section: sent, delivered, replied and booked per channel (email, SMS, LinkedIn, call) as a
 * grouped bar chart and a table, and per workflow step.
 */
@Route(value = "analytics", layout = MainLayout.class)
@PageTitle("Analytics")
@Requires(Permission.ANALYTICS_READ)
public class AnalyticsView extends Div {

  static final List<Integer> RANGES = List.of(7, 30, 90);

  /** The first colour is the tenant's brand (resolved by the element from Lumo's CSS). */
  static final String[] PALETTE = {
    "var(--lumo-primary-color)", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444"
  };

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

  private final EmailAnalytics analytics;
  private final ChannelAnalytics channels;
  private final AuthenticatedUser user;
  private final Div content = new Div();
  private final Map<Integer, Button> rangeButtons = new LinkedHashMap<>();

  @Inject
  public AnalyticsView(EmailAnalytics analytics, ChannelAnalytics channels) {
    this.analytics = analytics;
    this.channels = channels;
    this.user = UiSession.require();
    addClassName("omni-page");
    addClassName("omni-analytics");
    if (user.tenant() == null) {
      add(
          new EmptyState(
              VaadinIcon.CHART,
              "Analytics belong to a tenant",
              "Sign in to a tenant to see its sends, opens, replies and meetings."));
      return;
    }
    add(header(), content);
    show(30);
  }

  private Component header() {
    H2 title = new H2("Analytics");
    Span sub =
        new Span(
            "Outcomes of the outreach in the range: email first, then every channel and step.");
    sub.addClassName("omni-muted");
    Div text = new Div(title, sub);
    Div range = new Div();
    range.addClassName("omni-range");
    range.setId("analytics-range");
    for (int days : RANGES) {
      Button b = new Button(days + " days", e -> show(days));
      b.setId("range-" + days);
      b.addThemeVariants(ButtonVariant.LUMO_SMALL);
      rangeButtons.put(days, b);
      range.add(b);
    }
    Div head = new Div(text, range);
    head.addClassName("omni-analytics-head");
    return head;
  }

  private void show(int days) {
    rangeButtons.forEach(
        (d, b) -> {
          if (d == days) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
          } else {
            b.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
          }
        });
    EmailStats stats = analytics.lastDays(user.tenant().ref(), days);
    ChannelStats perChannel = channels.between(user.tenant().ref(), stats.from(), stats.to(), null);
    content.removeAll();
    if (stats.isEmpty() && perChannel.isEmpty()) {
      Anchor leads = new Anchor("leads", "Go to leads");
      leads.addClassName("omni-empty-link");
      EmptyState empty =
          new EmptyState(
              VaadinIcon.CHART,
              "Nothing sent in the last " + days + " days",
              "Reach a lead by email, SMS, LinkedIn or phone and the outcome shows up here:"
                  + " replies and meetings first, then opens (privacy proxies left out), clicks,"
                  + " bounces and unsubscribes, per mailbox, persona, channel and step.",
              leads);
      empty.setId("analytics-empty");
      empty.addClassName("omni-analytics-empty");
      content.add(empty);
      return;
    }
    if (!stats.isEmpty()) {
      content.add(headline(stats), cards(stats), charts(stats), personas(stats));
    }
    content.add(channelsSection(perChannel));
  }

  /** Channels: a grouped bar chart and a table per channel, and a table per workflow step. */
  private Component channelsSection(ChannelStats stats) {
    H3 title = new H3("Channels");
    Span sub =
        new Span(
            "Touches per channel and what became of them. LinkedIn and calls count the outcomes"
                + " reps record; booked is a lead now in a meeting, counted for its last touch.");
    sub.addClassName("omni-muted");
    Div head = new Div(title, sub);
    head.addClassName("omni-section-head");
    Chart chart = new Chart().setOption(channelOption(stats));
    chart.setId("chart-channels");
    Grid<ChannelStats.ChannelRow> perChannel = new Grid<>();
    perChannel.setId("analytics-channels");
    perChannel.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    perChannel.setAllRowsVisible(true);
    perChannel.addColumn(r -> label(r.channel())).setHeader("Channel").setAutoWidth(true);
    countColumns(perChannel, ChannelStats.ChannelRow::counts);
    perChannel.setItems(stats.channels());
    Div row = new Div(panel("Per channel", chart), panel("Per channel · table", perChannel));
    row.addClassName("omni-row");
    Grid<ChannelStats.StepRow> perStep = new Grid<>();
    perStep.setId("analytics-steps");
    perStep.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    perStep.setAllRowsVisible(true);
    perStep.addColumn(ChannelStats.StepRow::workflowName).setHeader("Workflow").setFlexGrow(3);
    perStep
        .addColumn(s -> s.nodeId() + " · " + s.nodeType().replace('_', ' '))
        .setHeader("Step")
        .setFlexGrow(3);
    perStep.addColumn(s -> label(s.channel())).setHeader("Channel").setFlexGrow(2);
    countColumns(perStep, ChannelStats.StepRow::counts);
    perStep.setItems(stats.steps());
    Component steps;
    if (stats.steps().isEmpty()) {
      Span none = new Span("No workflow step reached a lead in this range.");
      none.addClassName("omni-muted");
      none.setId("analytics-steps-empty");
      steps = panel("Per workflow step", none);
    } else {
      steps = panel("Per workflow step", perStep);
    }
    Div section = new Div(head, row, steps);
    section.setId("analytics-channels-section");
    section.addClassName("omni-analytics-channels");
    return section;
  }

  private static <T> void countColumns(
      Grid<T> grid, java.util.function.Function<T, ChannelStats.Counts> counts) {
    grid.addColumn(r -> counts.apply(r).sent()).setHeader("Sent").setAutoWidth(true);
    grid.addColumn(r -> withRate(counts.apply(r).delivered(), counts.apply(r).sent()))
        .setHeader("Delivered")
        .setAutoWidth(true);
    grid.addColumn(r -> withRate(counts.apply(r).replied(), counts.apply(r).sent()))
        .setHeader("Replied")
        .setAutoWidth(true);
    grid.addColumn(r -> counts.apply(r).booked()).setHeader("Booked").setAutoWidth(true);
  }

  private static String withRate(long part, long whole) {
    return whole == 0 ? Long.toString(part) : part + " · " + Math.round(part * 100.0 / whole) + "%";
  }

  /** "Email", "SMS", "LinkedIn", "Call". */
  static String label(String channel) {
    return switch (channel) {
      case "sms" -> "SMS";
      case "linkedin" -> "LinkedIn";
      case "email" -> "Email";
      case "call" -> "Call";
      default -> channel;
    };
  }

  static String channelOption(ChannelStats stats) {
    StringBuilder names = new StringBuilder();
    StringBuilder sent = new StringBuilder();
    StringBuilder delivered = new StringBuilder();
    StringBuilder replied = new StringBuilder();
    StringBuilder booked = new StringBuilder();
    for (ChannelStats.ChannelRow r : stats.channels()) {
      String sep = names.length() == 0 ? "" : ",";
      names.append(sep).append(quote(label(r.channel())));
      sent.append(sep).append(r.counts().sent());
      delivered.append(sep).append(r.counts().delivered());
      replied.append(sep).append(r.counts().replied());
      booked.append(sep).append(r.counts().booked());
    }
    // no entry animation: four small groups read at once (and screenshots need no wait)
    return "{\"animation\":false,\"color\":"
        + palette()
        + ",\"tooltip\":{\"trigger\":\"axis\",\"axisPointer\":{\"type\":\"shadow\"}},"
        + "\"legend\":{\"top\":0,\"icon\":\"roundRect\"},"
        + "\"grid\":{\"left\":36,\"right\":16,\"top\":40,\"bottom\":28,\"containLabel\":true},"
        + "\"xAxis\":{\"type\":\"category\",\"data\":["
        + names
        + "]},\"yAxis\":{\"type\":\"value\",\"minInterval\":1,"
        + "\"splitLine\":{\"lineStyle\":{\"type\":\"dashed\",\"opacity\":0.5}}},\"series\":["
        + bar("Sent", sent)
        + ","
        + bar("Delivered", delivered)
        + ","
        + bar("Replied", replied)
        + ","
        + bar("Booked", booked)
        + "]}";
  }

  private Component headline(EmailStats stats) {
    Counts t = stats.totals();
    Div grid =
        new Div(
            card(
                "replied",
                VaadinIcon.REPLY,
                "Replies",
                t.replied(),
                pct(t.replyRate()) + " of delivered"),
            card(
                "meetings",
                VaadinIcon.CALENDAR_CLOCK,
                "Meetings",
                stats.meetings(),
                "leads now in the meeting stage"));
    grid.addClassName("omni-cards");
    grid.addClassName("omni-headline");
    return grid;
  }

  private Component cards(EmailStats stats) {
    Counts t = stats.totals();
    Div grid =
        new Div(
            card("sent", VaadinIcon.PAPERPLANE, "Sent", t.sent(), "in the last " + days(stats)),
            card(
                "delivered",
                VaadinIcon.INBOX,
                "Delivered",
                t.delivered(),
                pct(t.deliveryRate()) + " of sent"),
            card(
                "opened",
                VaadinIcon.EYE,
                "Opened",
                t.opened(),
                pct(t.openRate())
                    + " · "
                    + stats.proxyOpens()
                    + " proxy open"
                    + (stats.proxyOpens() == 1 ? "" : "s")
                    + " left out"),
            card("clicked", VaadinIcon.CURSOR, "Clicked", t.clicked(), pct(t.clickRate())),
            card("bounced", VaadinIcon.WARNING, "Bounced", t.bounced(), pct(t.bounceRate())),
            card(
                "unsubscribed",
                VaadinIcon.BAN,
                "Unsubscribed",
                t.unsubscribed(),
                pct(t.unsubscribeRate())));
    grid.addClassName("omni-cards");
    grid.addClassName("omni-cards-compact");
    return grid;
  }

  private Component charts(EmailStats stats) {
    Chart daily = new Chart().setOption(dailyOption(stats));
    daily.setId("chart-daily");
    Chart perMailbox = new Chart().setOption(mailboxOption(stats));
    perMailbox.setId("chart-mailboxes");
    Div row =
        new Div(panel("Per day · sent and outcomes", daily), panel("Per mailbox", perMailbox));
    row.addClassName("omni-row");
    return row;
  }

  private Component personas(EmailStats stats) {
    Grid<EmailStats.Group> grid = new Grid<>();
    grid.setId("analytics-personas");
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.addColumn(EmailStats.Group::name).setHeader("Persona").setFlexGrow(3);
    grid.addColumn(g -> g.counts().sent()).setHeader("Sent");
    grid.addColumn(g -> g.counts().replied() + " · " + pct(g.counts().replyRate()))
        .setHeader("Replied");
    grid.addColumn(g -> g.counts().opened() + " · " + pct(g.counts().openRate()))
        .setHeader("Opened");
    grid.addColumn(g -> g.counts().clicked() + " · " + pct(g.counts().clickRate()))
        .setHeader("Clicked");
    grid.addColumn(g -> g.counts().bounced()).setHeader("Bounced");
    grid.setItems(stats.personas());
    return panel("Per persona", grid);
  }

  static String dailyOption(EmailStats stats) {
    StringBuilder days = new StringBuilder();
    StringBuilder sent = new StringBuilder();
    StringBuilder opened = new StringBuilder();
    StringBuilder clicked = new StringBuilder();
    StringBuilder replied = new StringBuilder();
    // with only a few days that have sends, dots keep single points visible
    boolean few = stats.daily().stream().filter(d -> d.counts().sent() > 0).count() <= 3;
    for (EmailStats.Day d : stats.daily()) {
      String sep = days.length() == 0 ? "" : ",";
      days.append(sep).append(quote(DAY.format(d.day())));
      sent.append(sep).append(d.counts().sent());
      opened.append(sep).append(d.counts().opened());
      clicked.append(sep).append(d.counts().clicked());
      replied.append(sep).append(d.counts().replied());
    }
    return "{\"color\":"
        + palette()
        + ",\"tooltip\":{\"trigger\":\"axis\"},"
        + "\"legend\":{\"top\":0,\"icon\":\"roundRect\"},"
        + "\"grid\":{\"left\":36,\"right\":16,\"top\":40,\"bottom\":28},"
        + "\"xAxis\":{\"type\":\"category\",\"boundaryGap\":false,\"data\":["
        + days
        + "]},\"yAxis\":{\"type\":\"value\",\"minInterval\":1,"
        + "\"splitLine\":{\"lineStyle\":{\"type\":\"dashed\",\"opacity\":0.5}}},\"series\":["
        + line("Sent", sent, true, few)
        + ","
        + line("Opened", opened, false, few)
        + ","
        + line("Clicked", clicked, false, few)
        + ","
        + line("Replied", replied, false, few)
        + "]}";
  }

  static String mailboxOption(EmailStats stats) {
    StringBuilder names = new StringBuilder();
    StringBuilder sent = new StringBuilder();
    StringBuilder opened = new StringBuilder();
    StringBuilder replied = new StringBuilder();
    for (EmailStats.Group g : stats.mailboxes()) {
      String sep = names.length() == 0 ? "" : ",";
      names.append(sep).append(quote(g.name()));
      sent.append(sep).append(g.counts().sent());
      opened.append(sep).append(g.counts().opened());
      replied.append(sep).append(g.counts().replied());
    }
    return "{\"color\":"
        + palette()
        + ",\"tooltip\":{\"trigger\":\"axis\",\"axisPointer\":{\"type\":\"shadow\"}},"
        + "\"legend\":{\"top\":0,\"icon\":\"roundRect\"},"
        + "\"grid\":{\"left\":36,\"right\":16,\"top\":40,\"bottom\":28,\"containLabel\":true},"
        + "\"xAxis\":{\"type\":\"category\",\"data\":["
        + names
        + "],\"axisLabel\":{\"interval\":0,\"overflow\":\"truncate\",\"width\":110}},"
        + "\"yAxis\":{\"type\":\"value\",\"minInterval\":1,"
        + "\"splitLine\":{\"lineStyle\":{\"type\":\"dashed\",\"opacity\":0.5}}},\"series\":["
        + bar("Sent", sent)
        + ","
        + bar("Opened", opened)
        + ","
        + bar("Replied", replied)
        + "]}";
  }

  private static String line(String name, CharSequence data, boolean area, boolean few) {
    return "{\"name\":"
        + quote(name)
        + ",\"type\":\"line\",\"smooth\":0.2,\"symbol\":\"circle\",\"symbolSize\":6,\"showSymbol\":"
        + (few ? "true" : "false")
        + ",\"lineStyle\":{\"width\":2.5},"
        + (area ? "\"areaStyle\":{\"opacity\":0.12}," : "")
        + "\"data\":["
        + data
        + "]}";
  }

  private static String bar(String name, CharSequence data) {
    return "{\"name\":"
        + quote(name)
        + ",\"type\":\"bar\",\"barMaxWidth\":28,\"itemStyle\":{\"borderRadius\":[6,6,0,0]},"
        + "\"data\":["
        + data
        + "]}";
  }

  private static String palette() {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < PALETTE.length; i++) {
      b.append(i == 0 ? "" : ",").append(quote(PALETTE[i]));
    }
    return b.append("]").toString();
  }

  /** A JSON string literal (names come from tenants: escaped, never concatenated raw). */
  static String quote(String s) {
    return elemental.json.Json.create(s == null ? "" : s).toJson();
  }

  private static String days(EmailStats stats) {
    return stats.daily().size() + " days";
  }

  static String pct(double rate) {
    return String.format(Locale.ENGLISH, "%.1f%%", rate * 100);
  }

  private static Component card(String id, VaadinIcon icon, String label, long value, String hint) {
    Icon glyph = icon.create();
    glyph.addClassName("omni-card-icon");
    Span number = new Span(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value));
    number.addClassName("omni-card-value");
    number.setId("kpi-" + id);
    Span title = new Span(label);
    title.addClassName("omni-card-label");
    Span sub = new Span(hint);
    sub.addClassName("omni-card-hint");
    Div card = new Div(glyph, title, number, sub);
    card.addClassName("omni-card");
    return card;
  }

  private static Component panel(String title, Component body) {
    Div panel = new Div(new H3(title), body);
    panel.addClassName("omni-panel");
    return panel;
  }
}
