package io.omnireach.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.workflow.ValidationError;
import io.omnireach.workflow.WorkflowJson;
import io.omnireach.workflow.WorkflowValidator;
import io.omnireach.workflow.node.NodeTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node type registered only through {@code META-INF/services} ({@link StampNode}, test sources)
 * is in the palette, is validated by its factory and runs in the engine, with no other change.
 */
class PluggedNodeTypeTest {

  @BeforeAll
  static void database() {
    WorkflowEngineTest.database();
  }

  @org.junit.jupiter.api.AfterAll
  static void drop() {
    WorkflowEngineTest.drop();
  }

  static String graph(String tag) {
    return "{\"name\":\"Stamp\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\"},"
        + "{\"id\":\"st\",\"type\":\"test_stamp\",\"config\":{\"tag\":\""
        + tag
        + "\"}},{\"id\":\"e\",\"type\":\"end\"}],"
        + "\"edges\":[{\"source\":\"s\",\"target\":\"st\"},{\"source\":\"st\",\"target\":\"e\"}]}";
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_service_loader_finds_it_beside_the_built_in_types() {
    assertThat(NodeTypes.find("test_stamp")).get().isInstanceOf(StampNode.class);
    assertThat(NodeTypes.all())
        .extracting(t -> t.id())
        .contains("start", "send_email", "decision", "end", "test_stamp");
    List<?> palette =
        (List<?>) WorkflowJson.toMap("{\"p\":" + NodeTypes.paletteJson() + "}").get("p");
    assertThat(palette)
        .anySatisfy(
            p ->
                assertThat((Map<String, Object>) p)
                    .containsEntry("type", "test_stamp")
                    .containsEntry("label", "Stamp")
                    .containsEntry("outputs", List.of("")));
  }

  @Test
  void its_factory_reads_and_checks_the_config() {
    WorkflowValidator.Catalog catalog = WorkflowValidator.Catalog.EMPTY;
    assertThat(WorkflowValidator.validate(WorkflowJson.parseInput(graph("vip")).graph(), catalog))
        .isEmpty();
    assertThat(WorkflowValidator.validate(WorkflowJson.parseInput(graph("")).graph(), catalog))
        .containsExactly(ValidationError.field("st", "tag", "A stamp needs a tag."));
    assertThat(WorkflowValidator.validate(WorkflowJson.parseInput(graph("a b")).graph(), catalog))
        .containsExactly(ValidationError.field("st", "tag", "A tag has no spaces."));
  }

  @Test
  void the_engine_runs_it() {
    long wf = WorkflowEngineTest.published(graph("vip"), false);
    long lead = WorkflowEngineTest.lead("Stamped");
    long run = WorkflowEngineTest.enrol(wf, lead);
    WorkflowEngineTest.drain();
    RunDetail detail = WorkflowEngineTest.run(run);
    assertThat(detail.run().status()).isEqualTo("succeeded");
    assertThat(WorkflowEngineTest.steps(run))
        .containsExactly("s=succeeded", "st=succeeded", "e=succeeded");
    assertThat(detail.steps().get(1).output()).containsEntry("stamped", "vip");
    assertThat(
            WorkflowEngineTest.insert(
                "select count(*) from leads where id = " + lead + " and 'vip' = any(tags)"))
        .isEqualTo(1);
  }
}
