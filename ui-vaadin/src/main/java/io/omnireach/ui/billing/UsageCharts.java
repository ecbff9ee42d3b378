package io.omnireach.ui.billing;

import io.omnireach.ui.billing.BillingUsage.DayUsage;
import io.omnireach.ui.billing.BillingUsage.MeterUsage;
import io.omnireach.ui.billing.BillingUsage.Usage;
import io.omnireach.usage.Meter;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** ECharts options (JSON) of the usage section: allowance used per meter, and a meter's days. */
public final class UsageCharts {

  static final String BRAND = "var(--lumo-primary-color)";
  static final String WARNING = "#f59e0b";
  static final String OVER = "#ef4444";
  static final String MUTED = "#94a3b8";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

  private UsageCharts() {}

  /** The colour of a share of the allowance: brand, amber from 80 %, red from 100 %. */
  static String colour(MeterUsage m) {
    if (m.included() > 0 && m.quantity() >= m.included()) {
      return OVER;
    }
    return m.warning() ? WARNING : BRAND;
  }

  /**
   * Horizontal bars: the share of each meter's allowance used, with a dashed line at 100 %. Meters
   * the plan includes nothing of are left out (they have no share).
   */
  static String allowanceOption(Usage usage) {
    List<MeterUsage> meters = new ArrayList<>();
    for (MeterUsage m : usage.meters()) {
      if (m.included() > 0) {
        meters.add(m);
      }
    }
    // top to bottom in the meters' order: ECharts draws a category y-axis from the bottom up
    java.util.Collections.reverse(meters);
    StringBuilder names = new StringBuilder();
    StringBuilder bars = new StringBuilder();
    StringBuilder full = new StringBuilder();
    double max = 100;
    for (MeterUsage m : meters) {
      String sep = names.length() == 0 ? "" : ",";
      double pct = Math.round(m.share() * 1000) / 10.0;
      max = Math.max(max, pct);
      names.append(sep).append(quote(m.meter().label()));
      bars.append(sep)
          .append("{\"value\":")
          .append(pct)
          .append(",\"itemStyle\":{\"color\":")
          .append(quote(colour(m)))
          .append("},\"label\":{\"formatter\":")
          .append(
              quote(
                  pct(m.share()) + "  ·  " + amount(m.quantity()) + " of " + amount(m.included())))
          .append("}}");
      full.append(sep).append(100);
    }
    return "{\"grid\":{\"left\":8,\"right\":24,\"top\":36,\"bottom\":8,\"containLabel\":true},"
        + "\"legend\":{\"top\":0,\"right\":0,\"icon\":\"roundRect\",\"data\":[\"Used\",\"Included\"]},"
        + "\"xAxis\":{\"type\":\"value\",\"min\":0,\"max\":"
        + (int) Math.ceil(max / 25) * 25
        + ",\"axisLabel\":{\"formatter\":\"{value}%\"},"
        + "\"splitLine\":{\"lineStyle\":{\"type\":\"dashed\",\"opacity\":0.5}}},"
        + "\"yAxis\":{\"type\":\"category\",\"axisTick\":{\"show\":false},\"data\":["
        + names
        + "]},\"series\":[{\"name\":\"Used\",\"type\":\"bar\",\"barMaxWidth\":18,"
        + "\"itemStyle\":{\"borderRadius\":[0,6,6,0],\"color\":"
        + quote(BRAND)
        + "},\"showBackground\":true,\"backgroundStyle\":{\"borderRadius\":[0,6,6,0],"
        + "\"opacity\":0.08},\"label\":{\"show\":true,\"position\":\"right\","
        + "\"distance\":6,\"fontSize\":11},\"data\":["
        + bars
        + "]},{\"name\":\"Included\",\"type\":\"line\",\"symbol\":\"none\",\"silent\":true,"
        + "\"lineStyle\":{\"type\":\"dashed\",\"width\":1.5,\"color\":"
        + quote(MUTED)
        + "},\"itemStyle\":{\"color\":"
        + quote(MUTED)
        + "},\"data\":["
        + full
        + "]}]}";
  }

  /**
   * One meter over the period's days: bars per day and, for counted meters, the running total with
   * the allowance as a dashed line (shown once usage gets near it, so small days stay readable).
   * Days after {@code today} have no bars and no running total.
   */
  static String trendOption(Usage usage, Meter meter, LocalDate today) {
    Map<LocalDate, Long> byDay = new HashMap<>();
    for (DayUsage d : usage.days()) {
      if (d.meter() == meter) {
        byDay.merge(d.day(), d.quantity(), Long::sum);
      }
    }
    MeterUsage m = usage.meter(meter);
    StringBuilder days = new StringBuilder();
    StringBuilder daily = new StringBuilder();
    StringBuilder running = new StringBuilder();
    StringBuilder included = new StringBuilder();
    long total = 0;
    for (LocalDate d = usage.from(); !d.isAfter(usage.to()); d = d.plusDays(1)) {
      String sep = days.length() == 0 ? "" : ",";
      boolean future = d.isAfter(today);
      long q = byDay.getOrDefault(d, 0L);
      total += q;
      days.append(sep).append(quote(DAY.format(d)));
      daily.append(sep).append(future ? "null" : Long.toString(q));
      running.append(sep).append(future ? "null" : Long.toString(total));
      included.append(sep).append(m.included());
    }
    boolean counted = !meter.snapshot();
    long peak =
        counted ? total : byDay.values().stream().mapToLong(Long::longValue).max().orElse(0);
    boolean showIncluded = m.included() > 0 && peak * 10 >= m.included() * 4;
    String barName = counted ? "Per day" : "Daily snapshot";
    StringBuilder series = new StringBuilder();
    series
        .append("{\"name\":")
        .append(quote(barName))
        .append(",\"type\":\"")
        .append(counted ? "bar" : "line")
        .append("\",\"barMaxWidth\":14,\"itemStyle\":{\"borderRadius\":[4,4,0,0],\"color\":")
        .append(quote(BRAND))
        .append("},")
        .append(
            counted
                ? ""
                : "\"symbol\":\"circle\",\"symbolSize\":5,\"areaStyle\":{\"opacity\":0.1},")
        .append("\"data\":[")
        .append(daily)
        .append("]}");
    if (counted) {
      series
          .append(",{\"name\":\"Running total\",\"type\":\"line\",")
          .append("\"symbol\":\"none\",\"lineStyle\":{\"width\":2.5},\"itemStyle\":{\"color\":")
          .append(quote("#0ea5e9"))
          .append("},\"areaStyle\":{\"opacity\":0.08},\"data\":[")
          .append(running)
          .append("]}");
    }
    if (showIncluded) {
      series
          .append(",{\"name\":\"Included\",\"type\":\"line\",\"symbol\":\"none\",\"silent\":true,")
          .append("\"lineStyle\":{\"type\":\"dashed\",\"width\":1.5,\"color\":")
          .append(quote(MUTED))
          .append("},\"itemStyle\":{\"color\":")
          .append(quote(MUTED))
          .append("},\"data\":[")
          .append(included)
          .append("]}");
    }
    return "{\"tooltip\":{\"trigger\":\"axis\"},"
        + "\"legend\":{\"top\":0,\"right\":0,\"icon\":\"roundRect\"},"
        + "\"grid\":{\"left\":8,\"right\":16,\"top\":36,\"bottom\":8,\"containLabel\":true},"
        + "\"xAxis\":{\"type\":\"category\",\"data\":["
        + days
        + "],\"axisTick\":{\"show\":false}},\"yAxis\":{\"type\":\"value\",\"minInterval\":1,"
        + "\"splitLine\":{\"lineStyle\":{\"type\":\"dashed\",\"opacity\":0.5}}},\"series\":["
        + series
        + "]}";
  }

  public static String number(long n) {
    return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
  }

  /** Millions short ("2M", "2.5M"), smaller numbers in full ("25,000"), so hints fit a card. */
  static String amount(long n) {
    if (Math.abs(n) < 1_000_000) {
      return number(n);
    }
    NumberFormat f =
        NumberFormat.getCompactNumberInstance(Locale.ENGLISH, NumberFormat.Style.SHORT);
    f.setMaximumFractionDigits(1);
    return f.format(n);
  }

  static String pct(double share) {
    double p = share * 100;
    return p > 0 && p < 1 ? "<1%" : String.format(Locale.ENGLISH, "%.0f%%", p);
  }

  /** A JSON string literal (escaped, never concatenated raw). */
  static String quote(String s) {
    return elemental.json.Json.create(s == null ? "" : s).toJson();
  }
}
