package io.omnireach.workflow.nodes;

import io.omnireach.workflow.engine.StepOutcome;
import io.omnireach.workflow.node.ConfigReader;
import io.omnireach.workflow.node.NodePalette;
import io.omnireach.workflow.node.NodeServices;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.StepExecutor;
import java.util.Map;

/** Where every enrolled lead begins: the one node without an input. */
public final class StartNode implements NodeTypeFactory<StartNode.Config> {

  public record Config() {}

  @Override
  public String id() {
    return "start";
  }

  @Override
  public NodePalette palette() {
    return new NodePalette(
        "Start",
        "Where every enrolled lead begins",
        "Flow",
        "#10b981",
        "<path d=\"M7 4.5v15l12-7.5z\"/>",
        false,
        NodePalette.ONE_OUTPUT,
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
