package io.omnireach.workflow.nodes;

import io.omnireach.ai.Draft;
import io.omnireach.common.DomainException;
import io.omnireach.lead.Lead;
import io.omnireach.workflow.MergeFields;
import io.omnireach.workflow.engine.StepFailure;
import io.omnireach.workflow.engine.StepGenerator;
import io.omnireach.workflow.engine.StepOutcome;
import io.omnireach.workflow.engine.TaskKind;
import io.omnireach.workflow.node.ConfigReader;
import io.omnireach.workflow.node.NodeCheck;
import io.omnireach.workflow.node.Step;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The task a LinkedIn or Call step gives the rep: created once per step, the run waits until the
 * rep records an outcome, which is then the step's output (its named branch).
 */
final class RepTasks {

  /** What goes on the task card. */
  record Card(
      TaskKind kind,
      String action,
      String title,
      String assignee,
      String body,
      String bodySource,
      String link,
      Instant dueAt) {}

  /** The text to copy and where it came from (offline, config or the AI's provider/model). */
  record Text(String body, String source) {}

  private RepTasks() {}

  /**
   * The step's task when it exists: done = the step is done down the outcome's output; open = the
   * step keeps waiting. Null when the step has no task yet.
   */
  static StepOutcome existing(Step<?> s) throws SQLException {
    try (PreparedStatement ps =
        s.c()
            .prepareStatement(
                "select id, status, done_by, done_at, outcome from workflow_tasks"
                    + " where node_run_id = ?")) {
      ps.setLong(1, s.claim().nodeRunId());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        long id = rs.getLong(1);
        if (!"done".equals(rs.getString(2))) {
          return new StepOutcome.Waiting(
              null, "task", Map.of("taskId", id), "Task " + id + " is open.");
        }
        String outcome = rs.getString(5);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("taskId", id);
        out.put("outcome", outcome);
        out.put("doneBy", rs.getString(3));
        out.put("doneAt", rs.getTimestamp(4).toInstant().toString());
        return new StepOutcome.Done(
            out, outcome, rs.getString(3) + " recorded “" + outcome + "”.", null, null);
      }
    }
  }

  /** Creates the task and waits for it. */
  static StepOutcome open(Step<?> s, Card card) throws SQLException {
    long id;
    try (PreparedStatement ps =
        s.c()
            .prepareStatement(
                "insert into workflow_tasks (run_id, node_run_id, lead_id, title, assignee,"
                    + " created_at, kind, action, body, body_source, link, due_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (node_run_id) do update set title = excluded.title"
                    + " returning id")) {
      ps.setLong(1, s.claim().runId());
      ps.setLong(2, s.claim().nodeRunId());
      ps.setLong(3, s.claim().leadId());
      ps.setString(4, card.title());
      ps.setString(5, card.assignee());
      ps.setTimestamp(6, Timestamp.from(s.now()));
      ps.setString(7, card.kind().db());
      ps.setString(8, card.action());
      ps.setString(9, card.body());
      ps.setString(10, card.bodySource());
      ps.setString(11, card.link());
      ps.setTimestamp(12, Timestamp.from(card.dueAt()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("taskId", id);
    out.put("kind", card.kind().db());
    out.put("title", card.title());
    out.put("assignee", card.assignee());
    out.put("dueAt", card.dueAt().toString());
    out.put("textSource", card.bodySource());
    return new StepOutcome.Waiting(
        null,
        "task",
        out,
        "Waiting for task "
            + id
            + (card.assignee() == null ? "" : " (" + card.assignee() + ")")
            + " to record "
            + String.join(" / ", card.kind().outcomes())
            + ".");
  }

  /** The assignee config: a user email, or blank / "owner" = the lead's owner (null if none). */
  static String assignee(Connection c, String configured, Lead lead) throws SQLException {
    if (configured != null && !configured.isBlank() && !configured.equals("owner")) {
      return configured;
    }
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

  /**
   * The text to copy: the step's own ({@code fixed}, merge fields filled), else the AI's in the
   * persona's voice following {@code format} and the author's {@code brief} through the same
   * generation service as AI Generate steps, else (no persona, or no AI key: the email template
   * cannot follow a format) the step's offline template.
   */
  static Text text(
      Step<?> s,
      StepGenerator generator,
      String fixed,
      Long personaId,
      String format,
      String brief,
      Supplier<String> offline) {
    if (!ConfigReader.isBlank(fixed)) {
      return new Text(MergeFields.render(fixed, s.requireLead()), "config");
    }
    if (personaId != null) {
      String prompt = format + (ConfigReader.isBlank(brief) ? "" : " " + brief.strip());
      Draft draft;
      try {
        draft =
            generator.generate(
                s.tenant(),
                s.claim().leadId(),
                personaId,
                prompt,
                s.actor(),
                s.claim().workflowId());
      } catch (DomainException e) {
        throw new StepFailure(
            "AI generation failed: " + e.getMessage(),
            e.kind() != DomainException.Kind.TOO_MANY_REQUESTS);
      } catch (RuntimeException e) {
        throw StepFailure.transientFailure("AI generation failed: " + e.getMessage());
      }
      if (!draft.offline()) {
        return new Text(draft.body(), draft.generator());
      }
    }
    return new Text(offline.get(), Draft.OFFLINE);
  }

  /** Due in N whole days after the step ran (0 = now). */
  static Instant due(Step<?> s, Integer dueInDays) {
    return s.now().plus(Duration.ofDays(dueInDays == null ? 0 : dueInDays));
  }

  /** dueInDays: a whole number 0..365 (absent = 0). */
  static Integer dueInDays(ConfigReader r) {
    Object o = r.get("dueInDays");
    if (o == null || "".equals(o)) {
      return 0;
    }
    Long n = ConfigReader.number(o);
    if (n == null || n < 0 || n > 365) {
      r.error("dueInDays", "dueInDays is a whole number of days from 0 to 365.");
      return 0;
    }
    return n.intValue();
  }

  static void checkPersona(Long personaId, NodeCheck check) {
    if (personaId != null && !check.catalog().personaIds().contains(personaId)) {
      check.error("personaId", "No persona " + personaId + " in this workspace.");
    }
  }

  static String firstName(Lead lead) {
    return lead.firstName() == null || lead.firstName().isBlank()
        ? "there"
        : lead.firstName().strip();
  }

  static String name(Lead lead) {
    return lead.fullName() == null ? "the lead" : lead.fullName();
  }
}
