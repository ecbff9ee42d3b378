package io.omnireach.ui.account;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import io.omnireach.graph.EdgeKind;
import io.omnireach.graph.Graph;
import io.omnireach.ui.chart.Chart;

/**
 * The relationship graph as a panel: the ECharts graph (drag, zoom, hover to see a node's ties) and
 * a legend of edge kinds; clicking a person or an account opens its page.
 */
public final class GraphPanel extends Div {

  public GraphPanel(String title, String hint, Graph graph) {
    setId("relationship-graph");
    addClassNames("omni-panel", "omni-graph-panel");
    Span sub = new Span(hint);
    sub.addClassName("omni-muted");
    Div head = new Div(new H3(title), sub);
    head.addClassName("omni-graph-head");
    Chart chart = new Chart().setOption(GraphOption.of(graph));
    chart.setId("relationship-graph-chart");
    chart.setHeight("420px");
    chart.onItemClick(GraphPanel::open);
    Div legend = new Div();
    legend.addClassName("omni-graph-legend");
    for (EdgeKind kind : EdgeKind.values()) {
      Span swatch = new Span();
      swatch.addClassNames("omni-graph-swatch", kind == EdgeKind.EMAILED ? "dashed" : "solid");
      swatch.getStyle().set("--edge", GraphOption.color(kind));
      Span item = new Span(swatch, new Span(GraphOption.label(kind)));
      item.addClassName("omni-graph-legend-item");
      legend.add(item);
    }
    add(head, chart, legend);
  }

  /** "lead:42" → the lead's page, "account:7" → the account's; our users have no page. */
  static void open(String nodeId) {
    int colon = nodeId.indexOf(':');
    String kind = nodeId.substring(0, colon);
    String id = nodeId.substring(colon + 1);
    UI ui = UI.getCurrent();
    switch (kind) {
      case "lead" -> ui.navigate("leads/" + id);
      case "account" -> ui.navigate("accounts/" + id);
      default -> {
        return;
      }
    }
    // a server-side navigation keeps the scroll position of the layout the graph was in
    ui.getPage()
        .executeJs(
            "const p = document.querySelector('.omni-page');"
                + " p && p.scrollIntoView({block: 'start'})");
  }
}
