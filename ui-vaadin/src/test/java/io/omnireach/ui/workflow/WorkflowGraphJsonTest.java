package io.omnireach.ui.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.Json;
import elemental.json.JsonObject;
import org.junit.jupiter.api.Test;

class WorkflowGraphJsonTest {

  static final String GRAPH =
      "{\"name\":\"Cold\",\"nodes\":["
          + "{\"id\":\"start\",\"type\":\"start\",\"config\":{},\"position\":{\"x\":0,\"y\":0}},"
          + "{\"id\":\"ai\",\"type\":\"ai_generate\",\"config\":{\"personaId\":7,\"prompt\":\"Hi\"}},"
          + "{\"id\":\"send\",\"type\":\"send_email\",\"config\":{\"mailboxId\":3}},"
          + "{\"id\":\"other\",\"type\":\"send_email\"}],"
          + "\"edges\":[{\"source\":\"start\",\"target\":\"ai\"},{\"source\":\"ai\",\"target\":\"send\"}]}";

  @Test
  void nodes_are_read_with_their_type_and_config() {
    JsonObject g = WorkflowGraphJson.parse(GRAPH);
    assertThat(WorkflowGraphJson.nodes(g))
        .extracting(n -> n.id() + ":" + n.type())
        .containsExactly("start:start", "ai:ai_generate", "send:send_email", "other:send_email");
    assertThat(
            WorkflowGraphJson.text(
                WorkflowGraphJson.node(g, "ai").orElseThrow().config(), "personaId"))
        .isEqualTo("7");
    assertThat(WorkflowGraphJson.node(g, "other").orElseThrow().config().keys()).isEmpty();
    assertThat(WorkflowGraphJson.edgeCount(g)).isEqualTo(2);
  }

  @Test
  void a_node_config_is_replaced_in_a_copy_and_the_rest_passes_through() {
    JsonObject g = WorkflowGraphJson.parse(GRAPH);
    JsonObject config = Json.createObject();
    config.put("duration", "P2D");
    JsonObject changed = WorkflowGraphJson.withNodeConfig(g, "send", config);
    assertThat(WorkflowGraphJson.node(changed, "send").orElseThrow().config().toJson())
        .isEqualTo("{\"duration\":\"P2D\"}");
    assertThat(WorkflowGraphJson.node(g, "send").orElseThrow().config().toJson())
        .isEqualTo("{\"mailboxId\":3}");
    assertThat(changed.getArray("nodes").getObject(0).getObject("position").toJson())
        .isEqualTo("{\"x\":0,\"y\":0}");
    assertThat(WorkflowGraphJson.name(WorkflowGraphJson.withName(g, "Warm"))).isEqualTo("Warm");
  }

  @Test
  void a_blank_workflow_is_a_start() {
    JsonObject g = WorkflowGraphJson.blank("New");
    assertThat(WorkflowGraphJson.nodes(g))
        .extracting(WorkflowGraphJson.Node::type)
        .containsExactly("start");
    assertThat(WorkflowGraphJson.name(g)).isEqualTo("New");
    assertThat(WorkflowGraphJson.parse("  ").getArray("nodes").length()).isEqualTo(1);
  }

  @Test
  void a_send_knows_whether_an_ai_step_comes_before_it() {
    JsonObject g = WorkflowGraphJson.parse(GRAPH);
    assertThat(WorkflowEditorView.upstreamHas(g, "send", "ai_generate")).isTrue();
    assertThat(WorkflowEditorView.upstreamHas(g, "other", "ai_generate")).isFalse();
    assertThat(WorkflowEditorView.upstreamHas(g, "ai", "ai_generate")).isFalse();
  }

  @Test
  void durations_read_as_an_amount_and_a_unit() {
    assertThat(Durations.parse("P2D")).isEqualTo(new Durations.Amount(2, Durations.Unit.DAYS));
    assertThat(Durations.parse("PT4H")).isEqualTo(new Durations.Amount(4, Durations.Unit.HOURS));
    assertThat(Durations.parse("P1DT12H"))
        .isEqualTo(new Durations.Amount(36, Durations.Unit.HOURS));
    assertThat(Durations.parse("PT90M"))
        .isEqualTo(new Durations.Amount(90, Durations.Unit.MINUTES));
    assertThat(Durations.parse("soon")).isNull();
    assertThat(Durations.parse("PT0M")).isNull();
    assertThat(new Durations.Amount(3, Durations.Unit.DAYS).iso()).isEqualTo("P3D");
    assertThat(new Durations.Amount(30, Durations.Unit.MINUTES).iso()).isEqualTo("PT30M");
  }

  @Test
  void export_file_names_are_slugs() {
    assertThat(WorkflowsView.fileName("Cold outreach, 3 touches"))
        .isEqualTo("cold-outreach-3-touches.json");
    assertThat(WorkflowsView.fileName("???")).isEqualTo("workflow.json");
  }
}
