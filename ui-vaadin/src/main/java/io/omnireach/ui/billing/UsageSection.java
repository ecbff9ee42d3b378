package io.omnireach.ui.billing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.ui.billing.BillingUsage.MeterUsage;
import io.omnireach.ui.billing.BillingUsage.Usage;
import io.omnireach.ui.chart.Chart;
import io.omnireach.ui.security.UiSession;
import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageExport;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Usage of the current period, the way a usage-billed product shows it: the period and the days
 * left, a card per meter with its quantity against what the plan includes (amber from 80 %, red
 * beyond it), the allowance used per meter and a meter's daily trend as charts, a period picker and
 * CSV exports by day, workflow or user.
 */
public class UsageSection extends Div {

  /** The periods the picker offers. */
  enum Period {
    THIS_MONTH("This month"),
    LAST_MONTH("Last month"),
    CUSTOM("Custom");

    final String label;

    Period(String label) {
      this.label = label;
    }
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_YEAR =
      DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

  private final BillingUsage billing;
  private final Clock clock;
  private final AuthenticatedUser user;
  private final Map<Period, Button> periodButtons = new LinkedHashMap<>();
  private final Span periodText = new Span();
  private final Span daysLeft = new Span();
  private final DatePicker from = new DatePicker("From");
  private final DatePicker to = new DatePicker("To");
  private final Div custom = new Div();
  private final Span error = new Span();
  private final Div content = new Div();
  private final Select<Meter> trendMeter = new Select<>();
  private final Chart trend = new Chart();
  private Usage usage;
  private LocalDate shownFrom;
  private LocalDate shownTo;

  @Inject
  public UsageSection(BillingUsage billing, Clock clock) {
    this.billing = billing;
    this.clock = clock;
    this.user = UiSession.require();
    setId("usage-section");
    addClassName("omni-usage");
    add(head(), custom, content);
    configureCustom();
    trendMeter.setItems(Meter.values());
    trendMeter.setItemLabelGenerator(Meter::label);
    trendMeter.setValue(Meter.EMAILS_SENT);
    trendMeter.setId("trend-meter");
    trendMeter.addClassName("omni-usage-trend-meter");
    trendMeter.setAriaLabel("Meter");
    trendMeter.addValueChangeListener(e -> showTrend());
    trend.setId("chart-usage-trend");
    trend.setHeight("280px");
    choose(Period.THIS_MONTH);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  private Component head() {
    H3 title = new H3("Usage");
    periodText.setId("usage-period");
    periodText.addClassName("omni-usage-period");
    daysLeft.setId("usage-days-left");
    daysLeft.getElement().getThemeList().add("badge pill");
    Div text = new Div(title, new Div(periodText, daysLeft));
    text.addClassName("omni-usage-title");

    Div picker = new Div();
    picker.addClassName("omni-range");
    picker.setId("usage-range");
    for (Period p : Period.values()) {
      Button b = new Button(p.label, e -> choose(p));
      b.setId("period-" + p.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      b.addThemeVariants(ButtonVariant.LUMO_SMALL);
      periodButtons.put(p, b);
      picker.add(b);
    }

    Div exports = new Div(label("Export CSV"));
    exports.addClassName("omni-usage-exports");
    for (UsageExport.By by : UsageExport.By.values()) {
      Anchor a = new Anchor(csv(by), AttachmentType.DOWNLOAD, "");
      a.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("By " + by.key()));
      a.setId("export-" + by.key());
      a.addClassName("omni-usage-export");
      exports.add(a);
    }
    Div actions = new Div(picker, exports);
    actions.addClassName("omni-usage-actions");
    Div head = new Div(text, actions);
    head.addClassName("omni-usage-head");
    return head;
  }

  private static Span label(String text) {
    Span s = new Span(text);
    s.addClassName("omni-usage-export-label");
    return s;
  }

  private void configureCustom() {
    from.setId("usage-from");
    to.setId("usage-to");
    Button apply = new Button("Apply", e -> show(from.getValue(), to.getValue()));
    apply.setId("usage-apply");
    apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    error.setId("usage-error");
    error.addClassName("omni-error");
    error.setVisible(false);
    custom.add(from, to, apply, error);
    custom.addClassName("omni-usage-custom");
    custom.setVisible(false);
  }

  private void choose(Period period) {
    periodButtons.forEach(
        (p, b) -> {
          if (p == period) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
          } else {
            b.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
          }
        });
    custom.setVisible(period == Period.CUSTOM);
    LocalDate month = today().withDayOfMonth(1);
    switch (period) {
      case THIS_MONTH -> show(month, month.plusMonths(1).minusDays(1));
      case LAST_MONTH -> show(month.minusMonths(1), month.minusDays(1));
      case CUSTOM -> {
        from.setValue(shownFrom);
        to.setValue(shownTo);
      }
    }
  }

  private void show(LocalDate start, LocalDate end) {
    error.setVisible(false);
    if (start == null || end == null) {
      showError("Pick both dates.");
      return;
    }
    try {
      usage = billing.usage(user, start, end);
    } catch (DomainException e) {
      showError(e.getMessage());
      return;
    }
    shownFrom = usage.from();
    shownTo = usage.to();
    periodText.setText(periodLabel(usage.from(), usage.to()));
    long left = ChronoUnit.DAYS.between(today(), usage.to());
    boolean current = !today().isBefore(usage.from()) && left >= 0;
    daysLeft.setText(left == 0 ? "Last day" : left + (left == 1 ? " day left" : " days left"));
    daysLeft.setVisible(current);
    content.removeAll();
    content.add(cards(usage), charts());
    showTrend();
  }

  private void showError(String message) {
    error.setText(message);
    error.setVisible(true);
  }

  static String periodLabel(LocalDate from, LocalDate to) {
    return from.getYear() == to.getYear()
        ? DAY.format(from) + " – " + DAY_YEAR.format(to)
        : DAY_YEAR.format(from) + " – " + DAY_YEAR.format(to);
  }

  private Component cards(Usage u) {
    Div grid = new Div();
    grid.addClassName("omni-usage-cards");
    grid.setId("usage-cards");
    for (MeterUsage m : u.meters()) {
      grid.add(card(m));
    }
    return grid;
  }

  static Component card(MeterUsage m) {
    Span name = new Span(m.meter().label());
    name.addClassName("omni-usage-card-label");
    Div top = new Div(name);
    top.addClassName("omni-usage-card-top");
    if (m.included() > 0 && m.quantity() > 0) {
      Span share = new Span(UsageCharts.pct(m.share()));
      share.getElement().getThemeList().add("badge pill small" + theme(m));
      share.addClassName("omni-usage-share");
      top.add(share);
    }
    Span value = new Span(UsageCharts.number(m.quantity()));
    value.addClassName("omni-usage-card-value");
    value.setId("meter-" + m.meter().key());
    Span unit = new Span(m.quantity() == 1 ? m.meter().unit() : plural(m.meter().unit()));
    unit.addClassName("omni-usage-card-unit");
    Div figure = new Div(value, unit);
    figure.addClassName("omni-usage-figure");
    Div card = new Div(top, figure);
    card.addClassName("omni-usage-card");
    card.setId("card-" + m.meter().key());
    if (m.included() > 0) {
      ProgressBar bar = new ProgressBar(0, 1, Math.min(1, m.share()));
      bar.addClassName("omni-usage-bar");
      if (m.quantity() >= m.included()) {
        bar.addClassName("omni-usage-over");
        card.addClassName("omni-usage-card-over");
      } else if (m.warning()) {
        bar.addClassName("omni-usage-warn");
        card.addClassName("omni-usage-card-warn");
      }
      long left = m.included() - m.quantity();
      Span hint =
          new Span(
              "of "
                  + UsageCharts.amount(m.included())
                  + " included"
                  + (left > 0
                      ? " · " + UsageCharts.amount(left) + " left"
                      : left < 0 ? " · " + UsageCharts.amount(-left) + " over" : ""));
      hint.addClassName("omni-usage-card-hint");
      card.add(bar, hint);
    } else {
      Span hint = new Span("Not included in your plan");
      hint.addClassName("omni-usage-card-hint");
      card.add(hint);
    }
    Span foot =
        new Span(
            m.meter().snapshot()
                ? "Peak of the daily snapshots"
                : m.amountMinor() > 0
                    ? money(m.amountMinor(), m.currency()) + " overage"
                    : "No overage charges");
    foot.addClassName("omni-usage-card-foot");
    if (m.amountMinor() > 0) {
      foot.addClassName("omni-usage-card-charge");
    }
    card.add(foot);
    return card;
  }

  private static String theme(MeterUsage m) {
    if (m.quantity() >= m.included()) {
      return " error";
    }
    return m.warning() ? " warning" : " contrast";
  }

  static String plural(String unit) {
    return unit.endsWith("s") ? unit : unit + "s";
  }

  /** Minor units as money, e.g. 1234 USD → "$12.34" (two decimals; the currency code else). */
  static String money(long minor, String currency) {
    String amount = String.format(Locale.ENGLISH, "%,.2f", minor / 100.0);
    return "USD".equals(currency) ? "$" + amount : amount + " " + currency;
  }

  private Component charts() {
    Chart allowance = new Chart().setOption(UsageCharts.allowanceOption(usage));
    allowance.setId("chart-usage-allowance");
    allowance.setHeight("280px");
    Div left = panel("Used of what your plan includes", allowance);
    Div trendHead = new Div(new H3("Daily trend"), trendMeter);
    trendHead.addClassName("omni-panel-head");
    Div right = new Div(trendHead, trend);
    right.addClassName("omni-panel");
    Div row = new Div(left, right);
    row.addClassName("omni-usage-charts");
    return row;
  }

  private void showTrend() {
    if (usage != null && trendMeter.getValue() != null) {
      trend.setOption(UsageCharts.trendOption(usage, trendMeter.getValue(), today()));
    }
  }

  private static Div panel(String title, Component body) {
    Div panel = new Div(new H3(title), body);
    panel.addClassName("omni-panel");
    return panel;
  }

  /** The CSV of the period shown when the link is clicked, streamed by the billing adapter. */
  private DownloadHandler csv(UsageExport.By by) {
    return (DownloadEvent event) -> {
      LocalDate start = shownFrom;
      LocalDate end = shownTo;
      event.setFileName("usage-" + start + "-to-" + end + "-by-" + by.key() + ".csv");
      event.setContentType("text/csv; charset=utf-8");
      billing.exportCsv(user, start, end, by, event.getOutputStream());
    };
  }
}
