package io.omnireach.ui.account;

import io.omnireach.common.Json;
import io.omnireach.graph.EdgeKind;
import io.omnireach.graph.Graph;
import io.omnireach.graph.GraphEdge;
import io.omnireach.graph.GraphNode;
import io.omnireach.graph.NodeKind;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The ECharts option of a relationship graph: a force-laid "graph" series, nodes coloured by kind
 * (account, person, our team) and sized by score, edges coloured by kind and as thick as they are
 * strong; emails without reply dashed. Nodes carry their id, so a click names "lead:42".
 */
final class GraphOption {

  static final String ACCOUNT = "#6366f1";
  static final String PERSON = "#0ea5e9";
  static final String TEAM = "#f59e0b";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private GraphOption() {}

  /** The colour of an edge kind (the legend under the chart uses the same). */
  static String color(EdgeKind kind) {
    return switch (kind) {
      case WORKS_AT -> "#94a3b8";
      case EMAILED -> "#64748b";
      case REPLIED -> "#10b981";
      case MET -> "#8b5cf6";
      case KNOWS -> "#f59e0b";
      case INTRODUCED_BY -> "#ec4899";
    };
  }

  /** "works at", "introduced by". */
  static String label(EdgeKind kind) {
    return kind.json().replace('_', ' ');
  }

  static String of(Graph g) {
    StringBuilder nodes = new StringBuilder();
    for (GraphNode n : g.nodes()) {
      // only a person is marked: an account page's graph centres on the account anyway
      boolean focus = n.kind() == NodeKind.LEAD && n.id().equals(g.focus());
      int category = n.kind() == NodeKind.ACCOUNT ? 0 : n.kind() == NodeKind.LEAD ? 1 : 2;
      int size =
          switch (n.kind()) {
            case ACCOUNT -> 54;
            case USER -> 34;
            case LEAD -> 20 + (n.score() == null ? 0 : n.score() / 5);
          };
      comma(nodes)
          .append("{\"id\":")
          .append(Json.quote(n.id()))
          .append(",\"name\":")
          .append(Json.quote(n.label()))
          .append(",\"category\":")
          .append(category)
          .append(",\"symbolSize\":")
          .append(focus ? Math.max(size, 38) : size)
          .append(",\"value\":")
          .append(
              Json.quote(
                  n.kind() == NodeKind.USER
                      ? "Our team"
                      : (n.kind() == NodeKind.ACCOUNT ? "Account score " : "Relationship score ")
                          + n.score()))
          .append(",\"symbol\":")
          .append(Json.quote(n.kind() == NodeKind.ACCOUNT ? "roundRect" : "circle"));
      if (focus) {
        nodes
            .append(",\"itemStyle\":{\"borderColor\":\"#111827\",\"borderWidth\":3}")
            .append(",\"label\":{\"fontWeight\":\"bold\"}");
      }
      nodes.append('}');
    }
    StringBuilder links = new StringBuilder();
    for (GraphEdge e : g.edges()) {
      String text =
          label(e.kind())
              + (e.count() > 1 ? " ×" + e.count() : "")
              + (e.lastAt() == null ? "" : " · last " + DAY.format(e.lastAt()));
      comma(links)
          .append("{\"source\":")
          .append(Json.quote(e.source()))
          .append(",\"target\":")
          .append(Json.quote(e.target()))
          .append(",\"value\":")
          .append(Json.quote(text))
          .append(",\"lineStyle\":{\"color\":\"")
          .append(color(e.kind()))
          .append("\",\"width\":")
          .append(String.format(Locale.ROOT, "%.1f", 1 + 3.5 * e.strength()))
          .append(",\"type\":\"")
          .append(e.kind() == EdgeKind.EMAILED ? "dashed" : "solid")
          .append("\",\"opacity\":")
          .append(e.kind() == EdgeKind.WORKS_AT ? "0.55" : "0.9")
          .append(",\"curveness\":")
          .append(e.kind() == EdgeKind.REPLIED || e.kind() == EdgeKind.INTRODUCED_BY ? "0.2" : "0")
          .append("}}");
    }
    return "{\"tooltip\":{\"trigger\":\"item\",\"formatter\":\"{b}<br/>{c}\"},"
        + "\"legend\":{\"bottom\":0,\"icon\":\"circle\",\"itemWidth\":10,\"itemHeight\":10,"
        + "\"textStyle\":{\"color\":\"var(--lumo-secondary-text-color)\"},"
        + "\"data\":[\"Account\",\"People\",\"Our team\"]},"
        + "\"series\":[{\"type\":\"graph\",\"layout\":\"force\",\"roam\":true,"
        + "\"draggable\":true,\"top\":10,\"bottom\":40,"
        + "\"force\":{\"repulsion\":420,\"gravity\":0.07,\"edgeLength\":[90,170],"
        + "\"layoutAnimation\":false},"
        + "\"categories\":[{\"name\":\"Account\",\"itemStyle\":{\"color\":\""
        + ACCOUNT
        + "\"}},{\"name\":\"People\",\"itemStyle\":{\"color\":\""
        + PERSON
        + "\"}},{\"name\":\"Our team\",\"itemStyle\":{\"color\":\""
        + TEAM
        + "\"}}],"
        + "\"label\":{\"show\":true,\"position\":\"bottom\",\"fontSize\":11,"
        + "\"color\":\"var(--lumo-body-text-color)\"},"
        + "\"edgeSymbol\":[\"none\",\"arrow\"],\"edgeSymbolSize\":7,"
        + "\"emphasis\":{\"focus\":\"adjacency\",\"lineStyle\":{\"width\":5}},"
        + "\"data\":["
        + nodes
        + "],\"links\":["
        + links
        + "]}]}";
  }

  private static StringBuilder comma(StringBuilder b) {
    if (b.length() > 0) {
      b.append(',');
    }
    return b;
  }
}
