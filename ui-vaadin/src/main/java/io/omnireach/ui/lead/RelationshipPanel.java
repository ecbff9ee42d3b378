package io.omnireach.ui.lead;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import io.omnireach.common.Json;
import io.omnireach.relationship.Relationship;
import io.omnireach.relationship.RelationshipScore;
import io.omnireach.ui.chart.Chart;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The lead's relationship score with each part explained (name, points, why) and the sentiment of
 * its replies over time as a small ECharts chart (+1 positive, 0 neutral, −1 negative).
 */
final class RelationshipPanel extends Div {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  RelationshipPanel(Relationship r) {
    setId("lead-relationship");
    addClassNames("omni-panel", "omni-relationship");
    Span value = new Span(Integer.toString(r.score()));
    value.addClassName("omni-relationship-value");
    value.setId("relationship-score");
    Span of = new Span("/ 100");
    of.addClassName("omni-muted");
    Div gauge = new Div(value, of);
    gauge.addClassName("omni-relationship-gauge");
    gauge.getStyle().set("--score", Integer.toString(r.score()));
    Span hint =
        new Span(
            r.computedAt() == null
                ? "No interactions yet."
                : "Updated with every reply, open, click and bounce · "
                    + DAY.format(r.computedAt()));
    hint.addClassName("omni-muted");
    Div head = new Div(new H3("Relationship"), hint);
    head.addClassName("omni-relationship-head");

    Div parts = new Div();
    parts.addClassName("omni-relationship-parts");
    for (RelationshipScore.Part p : r.parts()) {
      Span points = new Span((p.points() > 0 ? "+" : "") + p.points());
      points.addClassNames(
          "omni-relationship-points", p.points() > 0 ? "up" : p.points() < 0 ? "down" : "flat");
      Span name = new Span(p.name());
      name.addClassName("omni-relationship-name");
      Span why = new Span(p.why());
      why.addClassName("omni-muted");
      Div row = new Div(points, new Div(name, why));
      row.addClassName("omni-relationship-part");
      parts.add(row);
    }
    if (r.parts().isEmpty()) {
      Span none = new Span("Replies, opens, clicks and meetings will build this score.");
      none.addClassName("omni-muted");
      parts.add(none);
    }
    Div top = new Div(gauge, parts);
    top.addClassName("omni-relationship-top");
    add(head, top);

    if (!r.sentiment().isEmpty()) {
      Chart chart = new Chart().setOption(option(r));
      chart.setId("relationship-sentiment-chart");
      chart.setHeight("170px");
      H3 title = new H3("Reply sentiment");
      title.addClassName("omni-relationship-subtitle");
      add(title, chart);
    }
  }

  /** ECharts option: one point per reply (in order, labelled by day), coloured by tone. */
  static String option(Relationship r) {
    StringBuilder days = new StringBuilder();
    StringBuilder data = new StringBuilder();
    for (Relationship.SentimentPoint p : r.sentiment()) {
      int y =
          switch (p.sentiment()) {
            case POSITIVE -> 1;
            case NEGATIVE -> -1;
            default -> 0;
          };
      String color =
          switch (p.sentiment()) {
            case POSITIVE -> "#059669";
            case NEGATIVE -> "#dc2626";
            default -> "#94a3b8";
          };
      if (data.length() > 0) {
        data.append(',');
        days.append(',');
      }
      days.append(Json.quote(DAY.format(p.at())));
      data.append("{\"value\":")
          .append(y)
          .append(",\"itemStyle\":{\"color\":\"")
          .append(color)
          .append("\"},\"name\":")
          .append(Json.quote(p.sentiment().json()))
          .append('}');
    }
    return "{\"grid\":{\"left\":40,\"right\":16,\"top\":12,\"bottom\":28},"
        + "\"tooltip\":{\"trigger\":\"item\"},"
        + "\"xAxis\":{\"type\":\"category\",\"boundaryGap\":true,\"data\":["
        + days
        + "]},"
        + "\"yAxis\":{\"type\":\"value\",\"min\":-1,\"max\":1,\"interval\":1,"
        + "\"splitLine\":{\"lineStyle\":{\"type\":\"dashed\",\"opacity\":0.4}}},"
        + "\"series\":[{\"type\":\"line\",\"smooth\":0.3,\"symbolSize\":11,"
        + "\"lineStyle\":{\"width\":2,\"color\":\"#6366f1\",\"opacity\":0.5},"
        + "\"data\":["
        + data
        + "]}]}";
  }
}
