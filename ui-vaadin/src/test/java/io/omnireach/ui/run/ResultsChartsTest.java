package io.omnireach.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.Json;
import elemental.json.JsonObject;
import io.omnireach.workflow.engine.NodeStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The results page's funnel and variant charts: right sums, valid JSON, tenant text escaped. */
class ResultsChartsTest {

  static final List<NodeStats> STATS =
      List.of(
          new NodeStats("start", "start", null, 100, 100, 0, 0, 0, 0, 0, 0),
          new NodeStats("intro", "send_email", null, 100, 98, 2, 98, 40, 10, 6, 2),
          new NodeStats("nudge", "send_email", null, 50, 50, 0, 50, 20, 5, 4, 1),
          new NodeStats("intro", "send_email", "A", 50, 49, 1, 49, 25, 6, 4, 2),
          new NodeStats("intro", "send_email", "B", 50, 49, 1, 49, 15, 4, 2, 0));

  @Test
  void the_funnel_counts_runs_entered_then_sends_of_every_send_step_without_variants_twice() {
    ResultsCharts.Funnel f = ResultsCharts.funnel(STATS);
    assertThat(f).isEqualTo(new ResultsCharts.Funnel(100, 148, 60, 15, 10, 3));
  }

  @Test
  void the_funnel_option_is_json_with_percentages_of_entered() {
    JsonObject o = Json.parse(ResultsCharts.funnelOption(ResultsCharts.funnel(STATS)));
    var data = o.getArray("series").getObject(0).getArray("data");
    assertThat(data.length()).isEqualTo(6);
    assertThat(data.getObject(4).getNumber("value")).isEqualTo(10);
    assertThat(data.getObject(4).getObject("label").getString("formatter")).isEqualTo("10  ·  10%");
    assertThat(o.getObject("yAxis").getArray("data").getString(5)).isEqualTo("Meetings");
  }

  @Test
  void variant_names_from_tenants_stay_strings() {
    String evil = "Intro\"],\"x\":[\"<img src=x onerror=alert(1)>";
    JsonObject o = Json.parse(ResultsCharts.variantOption(STATS, n -> evil + n.variant()));
    assertThat(o.getObject("xAxis").getArray("data").getString(1)).isEqualTo(evil + "B");
    assertThat(o.getArray("series").getObject(0).getArray("data").getNumber(0)).isEqualTo(49);
    assertThat(ResultsCharts.hasVariants(STATS)).isTrue();
    assertThat(ResultsCharts.hasVariants(STATS.subList(0, 3))).isFalse();
  }

  @Test
  void each_node_row_is_followed_by_its_variants() {
    assertThat(WorkflowResultsView.ordered(STATS))
        .extracting(n -> n.nodeId() + (n.variant() == null ? "" : "/" + n.variant()))
        .containsExactly("start", "intro", "intro/A", "intro/B", "nudge");
  }
}
