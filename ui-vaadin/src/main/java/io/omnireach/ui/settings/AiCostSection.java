package io.omnireach.ui.settings;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.omnireach.ai.AiCosts;
import io.omnireach.ui.chart.Chart;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Settings → AI, for Admins: what AI cost this month, in total and per workflow (a bar per
 * workflow, costliest on top), from the AI call ledger.
 */
class AiCostSection extends Div {

  /** Bars shown at most; the rest are summed in the "other workflows" figure. */
  static final int MAX_BARS = 10;

  private final Span total = new Span();
  private final Paragraph detail = new Paragraph();
  private final Chart chart = new Chart();
  private final Paragraph empty = new Paragraph();

  AiCostSection() {
    setId("ai-costs");
    addClassName("omni-ai-costs");
    getStyle()
        .set("margin-top", "var(--lumo-space-l)")
        .set("padding", "var(--lumo-space-m)")
        .set("border-radius", "var(--lumo-border-radius-l)")
        .set("background", "var(--lumo-contrast-5pct)");
    H4 title = new H4("AI cost this month");
    title.getStyle().set("margin", "0");
    total.setId("ai-cost-total");
    total
        .getStyle()
        .set("font-size", "var(--lumo-font-size-xxl)")
        .set("font-weight", "600")
        .set("display", "block")
        .set("margin", "var(--lumo-space-xs) 0");
    detail.addClassName("omni-muted");
    detail.getStyle().set("margin", "0");
    chart.setId("ai-cost-chart");
    empty.setId("ai-cost-empty");
    empty.addClassName("omni-muted");
    add(title, total, detail, chart, empty);
  }

  void show(AiCosts costs) {
    total.setText(usd(costs.costUsd()));
    detail.setText(
        String.format(Locale.ROOT, "%,d", costs.calls())
            + (costs.calls() == 1 ? " call, " : " calls, ")
            + String.format(Locale.ROOT, "%,d", costs.tokens())
            + " tokens · "
            + usd(costs.outsideWorkflowsUsd())
            + " outside workflows (drafts, reply classification)");
    boolean any = !costs.workflows().isEmpty();
    chart.setVisible(any);
    empty.setVisible(!any);
    empty.setText("No workflow's AI steps have run this month.");
    if (any) {
      List<AiCosts.WorkflowCost> bars =
          new ArrayList<>(
              costs.workflows().subList(0, Math.min(MAX_BARS, costs.workflows().size())));
      chart.setHeight(Math.max(160, 56 + 36 * bars.size()) + "px");
      chart.setOption(option(bars).toJson());
    }
  }

  /** Horizontal bars, costliest on top (ECharts draws a category axis from the bottom up). */
  static JsonObject option(List<AiCosts.WorkflowCost> costliestFirst) {
    List<AiCosts.WorkflowCost> bars = new ArrayList<>(costliestFirst);
    Collections.reverse(bars);
    JsonArray names = Json.createArray();
    JsonArray values = Json.createArray();
    for (AiCosts.WorkflowCost w : bars) {
      names.set(
          names.length(), w.name() == null ? "Deleted workflow #" + w.workflowId() : w.name());
      JsonObject v = Json.createObject();
      v.put("value", w.costUsd().doubleValue());
      JsonObject label = Json.createObject();
      label.put(
          "formatter",
          usd(w.costUsd())
              + "  ·  "
              + String.format(Locale.ROOT, "%,d", w.calls())
              + (w.calls() == 1 ? " call" : " calls"));
      v.put("label", label);
      values.set(values.length(), v);
    }
    JsonObject option = Json.createObject();
    JsonObject grid = Json.createObject();
    grid.put("left", 8);
    grid.put("right", 140);
    grid.put("top", 8);
    grid.put("bottom", 8);
    grid.put("containLabel", true);
    option.put("grid", grid);
    JsonObject tooltip = Json.createObject();
    tooltip.put("trigger", "axis");
    option.put("tooltip", tooltip);
    JsonObject x = Json.createObject();
    x.put("type", "value");
    JsonObject axisLabel = Json.createObject();
    axisLabel.put("formatter", "${value}");
    x.put("axisLabel", axisLabel);
    JsonObject split = Json.createObject();
    JsonObject line = Json.createObject();
    line.put("type", "dashed");
    line.put("opacity", 0.5);
    split.put("lineStyle", line);
    x.put("splitLine", split);
    option.put("xAxis", x);
    JsonObject y = Json.createObject();
    y.put("type", "category");
    y.put("data", names);
    JsonObject tick = Json.createObject();
    tick.put("show", false);
    y.put("axisTick", tick);
    option.put("yAxis", y);
    JsonObject series = Json.createObject();
    series.put("name", "Cost (USD)");
    series.put("type", "bar");
    series.put("barMaxWidth", 20);
    JsonObject style = Json.createObject();
    style.put("color", "#6366f1");
    JsonArray radius = Json.createArray();
    radius.set(0, 0);
    radius.set(1, 6);
    radius.set(2, 6);
    radius.set(3, 0);
    style.put("borderRadius", radius);
    series.put("itemStyle", style);
    JsonObject seriesLabel = Json.createObject();
    seriesLabel.put("show", true);
    seriesLabel.put("position", "right");
    series.put("label", seriesLabel);
    series.put("data", values);
    JsonArray all = Json.createArray();
    all.set(0, series);
    option.put("series", all);
    return option;
  }

  /** Dollars with cents, or four decimals below a cent so small costs do not read as $0.00. */
  static String usd(BigDecimal amount) {
    BigDecimal a = amount == null ? BigDecimal.ZERO : amount;
    int scale = a.signum() != 0 && a.abs().compareTo(new BigDecimal("0.01")) < 0 ? 4 : 2;
    return "$" + a.setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }
}
