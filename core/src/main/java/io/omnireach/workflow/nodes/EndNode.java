package io.omnireach.workflow.nodes;

import io.omnireach.workflow.engine.StepOutcome;
import io.omnireach.workflow.node.ConfigReader;
import io.omnireach.workflow.node.NodePalette;
import io.omnireach.workflow.node.NodeServices;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.StepExecutor;
import java.util.List;
import java.util.Map;

/** The run ends here: a node without outputs. */
public final class EndNode implements NodeTypeFactory<EndNode.Config> {

  public record Config() {}

  @Override
  public String id() {
    return "end";
  }

  @Override
  public NodePalette palette() {
    return new NodePalette(
        "End",
        "The run ends here",
        "Flow",
        "#64748b",
        "<path d=\"M5 21V4\"/><path d=\"M5 4h11l-2 4 2 4H5\"/>",
        true,
        List.of(),
        Map.of());
  }

  @Override
  public Config read(ConfigReader config) {
    return new Config();
  }

  @Override
  public boolean writes() {
    return false;
  }

  @Override
  public StepExecutor<Config> executor(NodeServices services) {
    return s -> StepOutcome.Done.of(Map.of());
  }
}
