package io.omnireach.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import elemental.json.Json;
import elemental.json.JsonObject;
import io.omnireach.workflow.engine.NodeRunView;
import io.omnireach.workflow.engine.NodeStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the run page says about each step, and the badges it puts on the graph. */
class StepFactsTest {

  static final Instant T = Instant.parse("2026-05-04T09:30:00Z");

  static NodeRunView step(
      long id, String node, String type, String status, int attempt, Map<String, Object> out) {
    return new NodeRunView(
        id, node, type, 1, status, attempt, 3, T, out, null, null, null, null, T, T, T);
  }

  @Test
  void a_send_step_shows_its_subject_and_variant() {
    NodeRunView s =
        new NodeRunView(
            1,
            "intro",
            "send_email",
            1,
            "succeeded",
            1,
            3,
            T,
            Map.of("subject", "Routing at Northwind", "messageId", 77, "idempotencyKey", "k"),
            null,
            null,
            "B",
            77L,
            T,
            T,
            T);
    assertThat(StepFacts.facts(s))
        .containsExactly("Subject: “Routing at Northwind”", "A/B variant B");
  }

  @Test
  void raw_output_keys_never_leak_and_long_bodies_are_cut() {
    String body = "Hello Lena, ".repeat(40);
    List<String> facts =
        StepFacts.facts(
            step(
                2,
                "ai",
                "ai_generate",
                "succeeded",
                1,
                Map.of("subject", "Hi", "body", body, "generator", "offline", "cached", true)));
    assertThat(facts).hasSize(3);
    assertThat(facts.get(0)).isEqualTo("Wrote: “Hi”");
    assertThat(facts.get(1)).hasSize(StepFacts.PREVIEW).endsWith("…");
    assertThat(facts.get(2)).isEqualTo("By offline, cached");
    assertThat(String.join(" ", facts)).doesNotContain("idempotencyKey", "personaId");
  }

  @Test
  void waits_and_decisions_read_as_sentences() {
    assertThat(
            StepFacts.facts(
                step(
                    3,
                    "w",
                    "wait",
                    "waiting",
                    1,
                    Map.of("waitUntil", "2026-05-07T09:30:00Z", "until", "reply"))))
        .containsExactly("Until 7 May, 09:30:00 UTC", "Or until the lead replies");
    assertThat(StepFacts.facts(step(4, "d", "decision", "succeeded", 1, Map.of("branch", "no"))))
        .containsExactly("Went the “no” way");
  }

  @Test
  void attempts_read_x_of_y() {
    assertThat(StepFacts.attempt(step(5, "s", "send_email", "failed", 3, Map.of())))
        .isEqualTo("Attempt 3 of 3");
    assertThat(StepFacts.attempt(step(6, "s", "send_email", "pending", 0, Map.of()))).isNull();
  }

  @Test
  void the_graph_shows_each_nodes_latest_state_and_repeat_visits() {
    JsonObject states =
        Json.parse(
            StepFacts.runStates(
                List.of(
                    step(1, "start", "start", "succeeded", 1, Map.of()),
                    step(2, "check", "decision", "succeeded", 1, Map.of()),
                    step(3, "wait", "wait", "succeeded", 1, Map.of()),
                    step(4, "check", "decision", "succeeded", 1, Map.of()),
                    step(5, "send", "send_email", "failed", 3, Map.of()))));
    assertThat(states.getObject("start").getString("status")).isEqualTo("succeeded");
    assertThat(states.getObject("start").hasKey("label")).isFalse();
    assertThat(states.getObject("check").getString("label")).isEqualTo("Done ×2");
    assertThat(states.getObject("send").getString("status")).isEqualTo("failed");
    assertThat(states.getObject("send").getString("label")).isEqualTo("Failed after 3 attempts");
  }

  @Test
  void results_badges_count_entries_sends_and_failures_per_node_not_per_variant() {
    JsonObject states =
        Json.parse(
            StepFacts.resultStates(
                List.of(
                    new NodeStats("start", "start", null, 1200, 1200, 0, 0, 0, 0, 0, 0),
                    new NodeStats(
                        "intro", "send_email", null, 1200, 1190, 10, 1190, 400, 80, 31, 7),
                    new NodeStats("intro", "send_email", "A", 600, 595, 5, 595, 210, 40, 20, 5))));
    assertThat(states.keys()).containsExactlyInAnyOrder("start", "intro");
    assertThat(states.getObject("start").getString("label")).isEqualTo("1,200 entered");
    assertThat(states.getObject("start").getString("status")).isEqualTo("succeeded");
    assertThat(states.getObject("intro").getString("status")).isEqualTo("failed");
    assertThat(states.getObject("intro").getString("label"))
        .isEqualTo("1,200 entered · 1,190 sent · 31 replied · 10 failed");
    assertThat(states.getObject("intro").getNumber("count")).isEqualTo(1200);
  }

  @Test
  void times_say_when_a_step_ran_how_long_it_took_and_what_is_next() {
    Instant now = T.plusSeconds(60);
    NodeRunView ran =
        new NodeRunView(
            7,
            "s",
            "send_email",
            1,
            "succeeded",
            1,
            3,
            T,
            Map.of(),
            null,
            null,
            null,
            null,
            T,
            T,
            T.plusSeconds(5));
    assertThat(StepFacts.times(ran, now)).isEqualTo("Ran 4 May, 09:30:00 UTC · took 5 s");
    NodeRunView waiting =
        new NodeRunView(
            8,
            "w",
            "wait",
            1,
            "waiting",
            1,
            3,
            T.plus(java.time.Duration.ofDays(3)),
            Map.of(),
            null,
            null,
            null,
            null,
            T,
            T,
            null);
    assertThat(StepFacts.times(waiting, now))
        .isEqualTo("Started 4 May, 09:30:00 UTC · until 7 May, 09:30:00 UTC (in 2 d)");
    NodeRunView due =
        new NodeRunView(
            9,
            "s",
            "send_email",
            1,
            "pending",
            0,
            3,
            T,
            Map.of(),
            null,
            null,
            null,
            null,
            T,
            null,
            null);
    assertThat(StepFacts.times(due, now)).isEqualTo("Due 4 May, 09:30:00 UTC");
  }
}
