package io.omnireach.workflow.nodes;

import io.omnireach.lead.Lead;
import io.omnireach.workflow.MergeFields;
import io.omnireach.workflow.engine.StepOutcome;
import io.omnireach.workflow.node.ConfigReader;
import io.omnireach.workflow.node.NodeCheck;
import io.omnireach.workflow.node.NodePalette;
import io.omnireach.workflow.node.NodeServices;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.Step;
import io.omnireach.workflow.node.StepExecutor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A manual step: a task for {@code assignee} (a user email, or "owner" = the lead's owner). The run
 * waits until the task is done.
 */
public final class TaskNode implements NodeTypeFactory<TaskNode.Config> {

  public record Config(String title, String assignee) {}

  @Override
  public String id() {
    return "task";
  }

  @Override
  public NodePalette palette() {
    return new NodePalette(
        "Task",
        "A manual step in someone’s task list",
        "CRM",
        "#0ea5e9",
        "<rect x=\"3.5\" y=\"3.5\" width=\"17\" height=\"17\" rx=\"3\"/>"
            + "<path d=\"M8.5 12l2.5 2.5 4.5-5\"/>",
        true,
        NodePalette.ONE_OUTPUT,
        Map.of("title", "Call the lead"));
  }

  @Override
  public Config read(ConfigReader r) {
    String title = r.text("title");
    if (ConfigReader.isBlank(title)) {
      r.error("title", "A task needs a title.");
    }
    return new Config(title, r.text("assignee"));
  }

  @Override
  public void validate(Config task, NodeCheck check) {
    check.mergeFields("title", task.title());
  }

  @Override
  public StepExecutor<Config> executor(NodeServices services) {
    return TaskNode::execute;
  }

  private static StepOutcome execute(Step<Config> s) throws SQLException {
    Config t = s.config();
    try (PreparedStatement ps =
        s.c()
            .prepareStatement(
                "select id, status, done_by, done_at from workflow_tasks where node_run_id = ?")) {
      ps.setLong(1, s.claim().nodeRunId());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          long id = rs.getLong(1);
          if ("done".equals(rs.getString(2))) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("taskId", id);
            out.put("doneBy", rs.getString(3));
            out.put("doneAt", rs.getTimestamp(4).toInstant().toString());
            return StepOutcome.Done.of(out);
          }
          return new StepOutcome.Waiting(
              null, "task", Map.of("taskId", id), "Task " + id + " is open.");
        }
      }
    }
    Lead lead = s.requireLead();
    String title = MergeFields.render(t.title(), lead);
    String assignee = t.assignee();
    if (assignee == null || assignee.isBlank() || assignee.equals("owner")) {
      assignee = ownerEmail(s.c(), lead);
    }
    long id;
    try (PreparedStatement ps =
        s.c()
            .prepareStatement(
                "insert into workflow_tasks (run_id, node_run_id, lead_id, title, assignee,"
                    + " created_at) values (?, ?, ?, ?, ?, ?)"
                    + " on conflict (node_run_id) do update set title = excluded.title"
                    + " returning id")) {
      ps.setLong(1, s.claim().runId());
      ps.setLong(2, s.claim().nodeRunId());
      ps.setLong(3, lead.id());
      ps.setString(4, title);
      ps.setString(5, assignee);
      ps.setTimestamp(6, Timestamp.from(s.now()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("taskId", id);
    out.put("title", title);
    out.put("assignee", assignee);
    return new StepOutcome.Waiting(
        null,
        "task",
        out,
        "Waiting for task " + id + (assignee == null ? "" : " (" + assignee + ")") + ".");
  }

  private static String ownerEmail(Connection c, Lead lead) throws SQLException {
    if (lead.ownerId() == null) {
      return null;
    }
    try (PreparedStatement ps =
        c.prepareStatement("select email from platform.users where id = ?")) {
      ps.setLong(1, lead.ownerId());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
