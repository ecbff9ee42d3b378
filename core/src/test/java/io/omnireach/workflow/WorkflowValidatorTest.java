package io.omnireach.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per publishing rule; each names the node at fault. */
class WorkflowValidatorTest {

  static final WorkflowValidator.Catalog CATALOG =
      new WorkflowValidator.Catalog(Set.of(7L), Set.of(3L));

  static List<ValidationError> errors(Graphs g) {
    return WorkflowValidator.validate(g.build(), CATALOG);
  }

  @Test
  void a_simple_send_and_wait_workflow_is_valid() {
    assertThat(errors(Graphs.simple(3))).isEmpty();
  }

  @Test
  void a_workflow_needs_a_name() {
    assertThat(WorkflowValidator.validate(Graphs.simple(3).build().withName(" "), CATALOG))
        .extracting(ValidationError::message)
        .containsExactly("The workflow needs a name.");
  }

  @Test
  void exactly_one_start_is_required() {
    assertThat(errors(Graphs.named("x").node("e", "end")))
        .extracting(ValidationError::message)
        .contains("The workflow needs a start node.");
    List<ValidationError> two =
        errors(
            Graphs.named("x")
                .node("s1", "start")
                .node("s2", "start")
                .node("e", "end")
                .edge("s1", "e")
                .edge("s2", "e"));
    assertThat(two).extracting(ValidationError::nodeId).contains("s2");
    assertThat(two)
        .extracting(ValidationError::message)
        .contains("Only one start node is allowed.");
  }

  @Test
  void every_node_is_reachable_from_start() {
    List<ValidationError> errors =
        errors(
            Graphs.named("x")
                .node("s", "start")
                .node("e", "end")
                .node("lost", "end")
                .edge("s", "e"));
    assertThat(errors)
        .containsExactly(ValidationError.node("lost", "Not reachable from the start node."));
  }

  @Test
  void a_decision_needs_both_a_yes_and_a_no_branch() {
    List<ValidationError> errors =
        errors(
            Graphs.named("x")
                .node("s", "start")
                .node("d", "decision", "condition", Map.of("kind", "replied"))
                .node("e", "end")
                .edge("s", "d")
                .edge("d", "e", "yes"));
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).nodeId()).isEqualTo("d");
    assertThat(errors.get(0).message()).contains("exactly one \"yes\" and one \"no\"");
  }

  @Test
  void only_a_decision_may_branch_and_an_end_has_no_exit() {
    List<ValidationError> errors =
        errors(
            Graphs.named("x")
                .node("s", "start")
                .node("a", "end")
                .node("b", "end")
                .node("c", "update_lead", "stage", "contacted")
                .edge("s", "a")
                .edge("s", "b")
                .edge("a", "c"));
    assertThat(errors).extracting(ValidationError::nodeId).contains("s", "a");
    assertThat(errors)
        .extracting(ValidationError::message)
        .contains(
            "Only a decision may branch: this node has 2 exits.",
            "An end node has no outgoing edge.");
  }

  @Test
  void a_loop_needs_a_wait_but_a_loop_through_a_wait_is_fine() {
    Graphs spinning =
        Graphs.named("x")
            .node("s", "start")
            .node("u", "update_lead", "addTag", "x")
            .node("d", "decision", "condition", Map.of("kind", "replied"))
            .node("e", "end")
            .edge("s", "u")
            .edge("u", "d")
            .edge("d", "u", "no")
            .edge("d", "e", "yes");
    assertThat(errors(spinning))
        .extracting(ValidationError::message)
        .containsExactly("This node is on a loop without a Wait: add a Wait to the loop.");
    Graphs waiting =
        Graphs.named("x")
            .node("s", "start")
            .node("w", "wait", "duration", "P1D")
            .node("d", "decision", "condition", Map.of("kind", "replied"))
            .node("e", "end")
            .edge("s", "w")
            .edge("w", "d")
            .edge("d", "w", "no")
            .edge("d", "e", "yes");
    assertThat(errors(waiting)).isEmpty();
  }

  @Test
  void durations_must_parse() {
    List<ValidationError> errors =
        errors(
            Graphs.named("x")
                .node("s", "start")
                .node("w", "wait", "duration", "two days")
                .edge("s", "w"));
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.nodeId()).isEqualTo("w");
              assertThat(e.field()).isEqualTo("duration");
              assertThat(e.message()).contains("not an ISO-8601 duration");
            });
    assertThat(
            errors(
                Graphs.named("x")
                    .node("s", "start")
                    .node("w", "wait", "until", "reply")
                    .edge("s", "w")))
        .extracting(ValidationError::field)
        .containsExactly("timeout");
    assertThat(
            errors(
                Graphs.named("x")
                    .node("s", "start")
                    .node("w", "wait", "until", "reply", "timeout", "P2D")
                    .edge("s", "w")))
        .isEmpty();
  }

  @Test
  void personas_and_mailboxes_must_exist_in_the_tenant() {
    List<ValidationError> errors =
        errors(
            Graphs.named("x")
                .node("s", "start")
                .node("ai", "ai_generate", "personaId", 99, "prompt", "p")
                .node("m", "send_email", "mailboxId", 42)
                .edge("s", "ai")
                .edge("ai", "m"));
    assertThat(errors)
        .containsExactlyInAnyOrder(
            ValidationError.field("ai", "personaId", "No persona 99 in this workspace."),
            ValidationError.field("m", "mailboxId", "No mailbox 42 in this workspace."));
    assertThat(
            WorkflowValidator.validate(
                Graphs.named("x")
                    .node("s", "start")
                    .node("m", "send_email", "mailboxId", "rotate", "subject", "s", "body", "b")
                    .edge("s", "m")
                    .build(),
                WorkflowValidator.Catalog.EMPTY))
        .extracting(ValidationError::message)
        .containsExactly("There is no mailbox to send from: add one in Settings.");
  }

  @Test
  void a_send_without_text_needs_an_ai_generate_before_it() {
    assertThat(errors(Graphs.named("x").node("s", "start").node("m", "send_email").edge("s", "m")))
        .extracting(ValidationError::nodeId, ValidationError::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("m", "body"));
    assertThat(
            errors(
                Graphs.named("x")
                    .node("s", "start")
                    .node("ai", "ai_generate", "personaId", 7, "prompt", "Say hi")
                    .node("m", "send_email")
                    .edge("s", "ai")
                    .edge("ai", "m")))
        .isEmpty();
  }

  @Test
  void merge_fields_must_be_known() {
    List<ValidationError> errors =
        errors(
            Graphs.named("x")
                .node("s", "start")
                .node(
                    "m",
                    "send_email",
                    "mailboxId",
                    3,
                    "subject",
                    "Hi {{first_name}}",
                    "body",
                    "{{lead.company}} {{lead.custom.plan}}")
                .edge("s", "m"));
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.nodeId()).isEqualTo("m");
              assertThat(e.field()).isEqualTo("subject");
              assertThat(e.message()).startsWith("Unknown merge field {{first_name}}");
            });
  }

  @Test
  void unknown_types_decision_conditions_stages_and_attempts_are_reported_per_node() {
    List<ValidationError> errors =
        errors(
            Graphs.named("x")
                .node("s", "start")
                .node("q", "teleport")
                .node("d", "decision", "condition", Map.of("kind", "mood"))
                .node("u", "update_lead", "stage", "famous", "maxAttempts", 99)
                .node("y", "end")
                .node("n", "end")
                .edge("s", "q")
                .edge("q", "d")
                .edge("d", "u", "yes")
                .edge("d", "n", "no")
                .edge("u", "y"));
    assertThat(errors)
        .extracting(ValidationError::nodeId, ValidationError::field)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("q", "type"),
            org.assertj.core.groups.Tuple.tuple("d", "condition.kind"),
            org.assertj.core.groups.Tuple.tuple("u", "stage"),
            org.assertj.core.groups.Tuple.tuple("u", "maxAttempts"));
  }

  @Test
  void check_throws_an_exception_that_names_the_nodes() {
    assertThatThrownBy(
            () ->
                WorkflowValidator.check(
                    Graphs.named("x")
                        .node("s", "start")
                        .node("w", "wait", "duration", "soon")
                        .edge("s", "w")
                        .build(),
                    CATALOG))
        .isInstanceOf(WorkflowInvalidException.class)
        .hasMessageContaining("node w:")
        .satisfies(
            e ->
                assertThat(((WorkflowInvalidException) e).field())
                    .isEqualTo("nodes.w.config.duration"));
  }

  @Test
  void the_canvas_json_round_trips_config_and_position_untouched() {
    String json =
        "{\"name\":\"RT\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\",\"config\":{\"label\":\"Go\"},"
            + "\"position\":{\"x\":10.5,\"y\":-3,\"extra\":{\"z\":[1,2]}}},"
            + "{\"id\":\"m\",\"type\":\"send_email\",\"config\":{\"mailboxId\":3,\"subject\":\"S\","
            + "\"body\":\"B\",\"variants\":[{\"name\":\"A\",\"subject\":\"a\",\"weight\":2}]}}],"
            + "\"edges\":[{\"id\":\"e1\",\"source\":\"s\",\"target\":\"m\"}]}";
    WorkflowGraph g = WorkflowJson.parse(json);
    assertThat(WorkflowJson.parse(WorkflowJson.write(g))).isEqualTo(g);
    assertThat(g.node("s").orElseThrow().position())
        .containsEntry("x", 10.5)
        .containsEntry("extra", Map.of("z", List.of(1, 2)));
    assertThat(WorkflowValidator.validate(g, CATALOG)).isEmpty();
  }

  @Test
  void the_shipped_templates_are_valid_once_their_persona_is_mapped() {
    for (WorkflowTemplate t : WorkflowExchange.templates()) {
      WorkflowExchange.Document doc = WorkflowExchange.template(t.id());
      WorkflowGraph local =
          WorkflowExchange.localise(
              doc.graph(),
              new WorkflowExchange.Names(Map.of(7L, "Friendly SDR"), Map.of(3L, "Main")));
      assertThat(WorkflowValidator.validate(local, CATALOG)).as(t.id()).isEmpty();
    }
    assertThat(WorkflowExchange.templates())
        .extracting(WorkflowTemplate::name)
        .containsExactly("Cold outreach, 3 touches", "Inbound follow-up");
  }
}
