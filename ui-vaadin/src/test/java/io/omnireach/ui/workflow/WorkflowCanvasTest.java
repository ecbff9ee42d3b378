package io.omnireach.ui.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.JsonArray;
import elemental.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The element properties the server sets: any JSON value, not only objects. */
class WorkflowCanvasTest {

  @Test
  void validation_issues_go_to_the_element_as_an_array() {
    WorkflowCanvas canvas = new WorkflowCanvas();
    canvas.setIssues("[{\"nodeId\":\"send\",\"message\":\"Choose a mailbox\"}]");
    JsonArray issues = (JsonArray) canvas.getElement().getPropertyRaw("issues");
    assertThat(issues.length()).isEqualTo(1);
    assertThat(issues.getObject(0).getString("message")).isEqualTo("Choose a mailbox");

    canvas.setIssues(null);
    assertThat(((JsonArray) canvas.getElement().getPropertyRaw("issues")).length()).isZero();
  }

  @Test
  void run_states_and_lookups_go_to_the_element_as_objects() {
    WorkflowCanvas canvas = new WorkflowCanvas();
    canvas.setNodeStates("{\"send\":{\"status\":\"succeeded\"}}");
    canvas.setLookups("{\"personas\":{\"7\":\"Ava\"}}");
    assertThat(
            ((JsonObject) canvas.getElement().getPropertyRaw("nodeStates"))
                .getObject("send")
                .getString("status"))
        .isEqualTo("succeeded");
    assertThat(
            ((JsonObject) canvas.getElement().getPropertyRaw("lookups"))
                .getObject("personas")
                .getString("7"))
        .isEqualTo("Ava");
  }
}
