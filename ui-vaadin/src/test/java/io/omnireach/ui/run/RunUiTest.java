package io.omnireach.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.workflow.WorkflowGraph;
import io.omnireach.workflow.WorkflowGraph.Node;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names, times and words of the run views. */
class RunUiTest {

  static final WorkflowGraph GRAPH =
      new WorkflowGraph(
          "W",
          List.of(
              new Node("start", "start", Map.of(), null),
              new Node("intro", "send_email", Map.of("label", "First touch"), null),
              new Node("nudge", "send_email", Map.of(), null),
              new Node("wait", "wait", Map.of("label", "  "), null)),
          List.of());

  @Test
  void steps_are_called_by_their_label_else_their_type_and_id_when_the_type_repeats() {
    assertThat(RunUi.stepName(GRAPH, "intro", "send_email")).isEqualTo("First touch");
    assertThat(RunUi.stepName(GRAPH, "nudge", "send_email")).isEqualTo("Send email · nudge");
    assertThat(RunUi.stepName(GRAPH, "wait", "wait")).isEqualTo("Wait");
    assertThat(RunUi.stepName(GRAPH, "gone", "task")).isEqualTo("Task · gone");
    assertThat(RunUi.stepName(null, "x", "end")).isEqualTo("End · x");
  }

  @Test
  void statuses_read_as_words() {
    assertThat(RunUi.runLabel("succeeded")).isEqualTo("Completed");
    assertThat(RunUi.stepLabel("succeeded")).isEqualTo("Done");
    assertThat(RunUi.runLabel("waiting")).isEqualTo("Waiting");
    assertThat(RunUi.runBadge("failed").getClassNames()).contains("omni-run-status-failed");
  }

  @Test
  void times_are_relative_both_ways() {
    Instant now = Instant.parse("2026-05-04T12:00:00Z");
    assertThat(RunUi.ago(now.minusSeconds(10), now)).isEqualTo("just now");
    assertThat(RunUi.ago(now.minus(Duration.ofMinutes(5)), now)).isEqualTo("5 min ago");
    assertThat(RunUi.ago(now.plus(Duration.ofDays(3)), now)).isEqualTo("in 3 d");
    assertThat(RunUi.ago(null, now)).isEqualTo("—");
    assertThat(RunUi.pct(1, 3)).isEqualTo("33%");
    assertThat(RunUi.pct(1, 0)).isEqualTo("—");
  }

  @Test
  void pasted_lead_ids_are_read_in_any_separators() {
    assertThat(EnrolDialog.parseIds("101, 102\n103;104  105"))
        .containsExactly(101L, 102L, 103L, 104L, 105L);
    assertThat(EnrolDialog.parseIds("")).isEmpty();
    assertThat(EnrolDialog.parseIds(null)).isEmpty();
  }
}
