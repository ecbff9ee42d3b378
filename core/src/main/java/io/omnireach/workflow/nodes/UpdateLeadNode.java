package io.omnireach.workflow.nodes;

import io.omnireach.lead.Stage;
import io.omnireach.workflow.engine.StepFailure;
import io.omnireach.workflow.engine.StepOutcome;
import io.omnireach.workflow.node.ConfigReader;
import io.omnireach.workflow.node.NodePalette;
import io.omnireach.workflow.node.NodeServices;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.Step;
import io.omnireach.workflow.node.StepExecutor;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/** Moves the lead to a stage and/or adds a tag. */
public final class UpdateLeadNode implements NodeTypeFactory<UpdateLeadNode.Config> {

  public record Config(Stage stage, String addTag) {}

  @Override
  public String id() {
    return "update_lead";
  }

  @Override
  public NodePalette palette() {
    return new NodePalette(
        "Update lead",
        "Move the stage or add a tag",
        "CRM",
        "#14b8a6",
        "<circle cx=\"9\" cy=\"8\" r=\"4\"/><path d=\"M3 20v-1a5 5 0 0 1 5-5h3\"/>"
            + "<path d=\"M18.5 13.5l2 2-5.5 5.5H13v-2z\"/>",
        true,
        NodePalette.ONE_OUTPUT,
        Map.of("stage", "contacted"));
  }

  @Override
  public Config read(ConfigReader r) {
    Stage stage = null;
    String rawStage = r.text("stage");
    if (!ConfigReader.isBlank(rawStage)) {
      try {
        stage = Stage.parse("stage", rawStage);
      } catch (RuntimeException e) {
        r.error("stage", e.getMessage());
      }
    }
    String tag = r.text("addTag");
    if (stage == null && ConfigReader.isBlank(tag) && ConfigReader.isBlank(rawStage)) {
      r.error("stage", "Update Lead needs a stage or a tag to add.");
    }
    return new Config(stage, ConfigReader.isBlank(tag) ? null : tag.strip());
  }

  @Override
  public StepExecutor<Config> executor(NodeServices services) {
    return UpdateLeadNode::execute;
  }

  private static StepOutcome execute(Step<Config> s) throws SQLException {
    Config u = s.config();
    s.requireLead();
    try (PreparedStatement ps =
        s.c()
            .prepareStatement(
                "update leads set stage = coalesce(?, stage),"
                    + " tags = case when ?::text is null or ?::text = any(tags) then tags"
                    + " else array_append(tags, ?::text) end,"
                    + " updated_at = ?, updated_by = ? where id = ?")) {
      ps.setString(1, u.stage() == null ? null : u.stage().value());
      ps.setString(2, u.addTag());
      ps.setString(3, u.addTag());
      ps.setString(4, u.addTag());
      ps.setTimestamp(5, Timestamp.from(s.now()));
      ps.setString(6, s.actor());
      ps.setLong(7, s.claim().leadId());
      if (ps.executeUpdate() == 0) {
        throw StepFailure.permanent("Lead " + s.claim().leadId() + " no longer exists.");
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (u.stage() != null) {
      out.put("stage", u.stage().value());
    }
    if (u.addTag() != null) {
      out.put("addedTag", u.addTag());
    }
    return StepOutcome.Done.of(out);
  }
}
