package io.omnireach.workflow.engine;

import io.omnireach.workflow.node.ConfigReader;
import io.omnireach.workflow.node.NodeCheck;
import io.omnireach.workflow.node.NodePalette;
import io.omnireach.workflow.node.NodeServices;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.StepExecutor;
import java.sql.PreparedStatement;
import java.util.Map;

/**
 * A node type that only tests know, registered through {@code META-INF/services} in the test
 * resources: it adds {@code tag} to the lead. Proves a new type needs no change elsewhere.
 */
public final class StampNode implements NodeTypeFactory<StampNode.Config> {

  public record Config(String tag) {}

  @Override
  public String id() {
    return "test_stamp";
  }

  @Override
  public NodePalette palette() {
    return new NodePalette(
        "Stamp",
        "Tags the lead (tests only)",
        "CRM",
        "#a855f7",
        "<circle cx=\"12\" cy=\"12\" r=\"6\"/>",
        true,
        NodePalette.ONE_OUTPUT,
        Map.of("tag", "stamped"));
  }

  @Override
  public Config read(ConfigReader config) {
    String tag = config.text("tag");
    if (ConfigReader.isBlank(tag)) {
      config.error("tag", "A stamp needs a tag.");
    }
    return new Config(tag);
  }

  @Override
  public void validate(Config config, NodeCheck check) {
    if (config.tag() != null && config.tag().contains(" ")) {
      check.error("tag", "A tag has no spaces.");
    }
  }

  @Override
  public StepExecutor<Config> executor(NodeServices services) {
    return s -> {
      s.requireLead();
      try (PreparedStatement ps =
          s.c()
              .prepareStatement(
                  "update leads set tags = array_append(tags, ?::text) where id = ?")) {
        ps.setString(1, s.config().tag());
        ps.setLong(2, s.claim().leadId());
        ps.executeUpdate();
      }
      return StepOutcome.Done.of(Map.of("stamped", s.config().tag()));
    };
  }
}
