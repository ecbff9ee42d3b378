package io.omnireach.ui.run;

import io.omnireach.workflow.engine.NodeStats;
import java.util.List;

/**
 * ECharts options for a workflow's results: the funnel (runs entered, then what the send steps
 * achieved) as horizontal bars — the bundle has bar, line and pie charts — and sent, opened and
 * replied per A/B variant. Tenant text enters only as JSON strings.
 */
final class ResultsCharts {

  /** The funnel's steps, top to bottom. */
  record Funnel(long entered, long sent, long opened, long clicked, long replied, long meetings) {
    long[] values() {
      return new long[] {entered, sent, opened, clicked, replied, meetings};
    }
  }

  static final String[] STAGES = {"Entered", "Sent", "Opened", "Clicked", "Replied", "Meetings"};
  static final String[] COLORS = {
    "var(--lumo-primary-color)", "#3b82f6", "#0ea5e9", "#14b8a6", "#10b981", "#f59e0b"
  };

  private ResultsCharts() {}

  /**
   * Entered = runs that reached the start step; the rest summed over the send steps as a whole
   * (variant rows are a breakdown of those and are not added again).
   */
  static Funnel funnel(List<NodeStats> stats) {
    long entered = 0;
    long sent = 0;
    long opened = 0;
    long clicked = 0;
    long replied = 0;
    long meetings = 0;
    for (NodeStats n : stats) {
      if (n.variant() != null) {
        continue;
      }
      if ("start".equals(n.nodeType())) {
        entered += n.entered();
      }
      if ("send_email".equals(n.nodeType())) {
        sent += n.sent();
        opened += n.opened();
        clicked += n.clicked();
        replied += n.replied();
        meetings += n.meetings();
      }
    }
    return new Funnel(entered, sent, opened, clicked, replied, meetings);
  }

  static String funnelOption(Funnel f) {
    long[] v = f.values();
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      data.append(i == 0 ? "" : ",")
          .append("{\"value\":")
          .append(v[i])
          .append(",\"itemStyle\":{\"color\":")
          .append(RunUi.quote(COLORS[i]))
          .append("},\"label\":{\"formatter\":")
          .append(RunUi.quote(v[i] + (i == 0 ? "" : "  ·  " + RunUi.pct(v[i], f.entered()))))
          .append("}}");
    }
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < STAGES.length; i++) {
      names.append(i == 0 ? "" : ",").append(RunUi.quote(STAGES[i]));
    }
    return "{\"tooltip\":{\"trigger\":\"axis\",\"axisPointer\":{\"type\":\"shadow\"}},"
        + "\"grid\":{\"left\":8,\"right\":96,\"top\":8,\"bottom\":8,\"containLabel\":true},"
        + "\"xAxis\":{\"type\":\"value\",\"show\":false,\"max\":"
        + Math.max(1, f.entered())
        + "},\"yAxis\":{\"type\":\"category\",\"inverse\":true,\"axisTick\":{\"show\":false},"
        + "\"axisLine\":{\"show\":false},\"data\":["
        + names
        + "]},\"series\":[{\"type\":\"bar\",\"barWidth\":22,\"showBackground\":true,"
        + "\"backgroundStyle\":{\"borderRadius\":8,\"opacity\":0.35},"
        + "\"itemStyle\":{\"borderRadius\":8},"
        + "\"label\":{\"show\":true,\"position\":\"right\",\"fontWeight\":600},"
        + "\"data\":["
        + data
        + "]}]}";
  }

  /** True when some send step has A/B variants with results. */
  static boolean hasVariants(List<NodeStats> stats) {
    return stats.stream().anyMatch(n -> n.variant() != null);
  }

  static String variantOption(
      List<NodeStats> stats, java.util.function.Function<NodeStats, String> name) {
    StringBuilder names = new StringBuilder();
    StringBuilder sent = new StringBuilder();
    StringBuilder opened = new StringBuilder();
    StringBuilder replied = new StringBuilder();
    for (NodeStats n : stats) {
      if (n.variant() == null) {
        continue;
      }
      String sep = names.length() == 0 ? "" : ",";
      names.append(sep).append(RunUi.quote(name.apply(n)));
      sent.append(sep).append(n.sent());
      opened.append(sep).append(n.opened());
      replied.append(sep).append(n.replied());
    }
    return "{\"color\":[\"#3b82f6\",\"#0ea5e9\",\"#10b981\"],"
        + "\"tooltip\":{\"trigger\":\"axis\",\"axisPointer\":{\"type\":\"shadow\"}},"
        + "\"legend\":{\"top\":0,\"icon\":\"roundRect\"},"
        + "\"grid\":{\"left\":36,\"right\":16,\"top\":40,\"bottom\":28,\"containLabel\":true},"
        + "\"xAxis\":{\"type\":\"category\",\"data\":["
        + names
        + "]},\"yAxis\":{\"type\":\"value\",\"minInterval\":1,"
        + "\"splitLine\":{\"lineStyle\":{\"type\":\"dashed\",\"opacity\":0.5}}},\"series\":["
        + bar("Sent", sent)
        + ","
        + bar("Opened", opened)
        + ","
        + bar("Replied", replied)
        + "]}";
  }

  private static String bar(String name, CharSequence data) {
    return "{\"name\":"
        + RunUi.quote(name)
        + ",\"type\":\"bar\",\"barMaxWidth\":28,\"itemStyle\":{\"borderRadius\":[6,6,0,0]},"
        + "\"data\":["
        + data
        + "]}";
  }
}
