package io.omnireach.workflow.engine;

import io.omnireach.ai.Draft;
import io.omnireach.channel.Messages;
import io.omnireach.channel.NewMessage;
import io.omnireach.common.DomainException;
import io.omnireach.lead.Lead;
import io.omnireach.tenant.TenantRef;
import io.omnireach.workflow.MergeFields;
import io.omnireach.workflow.NodeConfig;
import io.omnireach.workflow.WorkflowJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What each node type does, inside the chunk's transaction on the chunk's connection. Nothing here
 * sends: a Send step writes an outbox row (idempotency key {@code tenant:wf:<run>:<node>}) that the
 * relay sends after the chunk commits.
 */
final class StepExecutors {

  /** One step to execute: the claim, its lead (null when deleted), node config and the time. */
  record Step(
      Connection c, TenantRef tenant, StepClaim claim, Lead lead, NodeConfig config, Instant now) {}

  private final StepGenerator generator;

  StepExecutors(StepGenerator generator) {
    this.generator = generator;
  }

  StepOutcome execute(Step s) throws SQLException {
    NodeConfig config = s.config();
    if (config instanceof NodeConfig.Start || config instanceof NodeConfig.End) {
      return StepOutcome.Done.of(Map.of());
    }
    if (config instanceof NodeConfig.Wait w) {
      return waitStep(s, w);
    }
    if (config instanceof NodeConfig.Decision d) {
      return decision(s, d.condition());
    }
    if (config instanceof NodeConfig.UpdateLead u) {
      return updateLead(s, u);
    }
    if (config instanceof NodeConfig.SendEmail send) {
      return send(s, send);
    }
    if (config instanceof NodeConfig.AiGenerate ai) {
      return generate(s, ai);
    }
    if (config instanceof NodeConfig.Task t) {
      return task(s, t);
    }
    throw StepFailure.permanent("Unsupported node type " + s.claim().nodeType() + ".");
  }

  // ---- wait ---------------------------------------------------------------------------------

  private StepOutcome waitStep(Step s, NodeConfig.Wait w) throws SQLException {
    if (s.claim().woken()) {
      Map<String, Object> out = new LinkedHashMap<>(s.claim().output());
      String reason = "timer";
      if (w.until() != null) {
        Instant since = s.claim().startedAt();
        boolean happened =
            w.until().equals("reply")
                ? lastReply(s.c(), s.claim().leadId(), since) != null
                : firstEvent(s.c(), s.claim().runId(), "OPENED", since) != null;
        reason = happened ? w.until() : "timeout";
      }
      out.put("endedBy", reason);
      out.put("endedAt", s.now().toString());
      return new StepOutcome.Done(out, null, "Wait ended by " + reason + ".", null, null);
    }
    if (w.until() != null) {
      boolean already =
          w.until().equals("reply")
              ? lastReply(s.c(), s.claim().leadId(), s.claim().runCreatedAt()) != null
              : firstEvent(s.c(), s.claim().runId(), "OPENED", s.claim().runCreatedAt()) != null;
      if (already) {
        return new StepOutcome.Done(
            Map.of("endedBy", w.until(), "endedAt", s.now().toString()),
            null,
            "The lead had already " + (w.until().equals("reply") ? "replied" : "opened") + ".",
            null,
            null);
      }
    }
    Instant due = s.now().plus(w.longest());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("waitUntil", due.toString());
    if (w.until() != null) {
      out.put("until", w.until());
    }
    String why =
        w.until() == null
            ? "Waiting " + w.duration() + " until " + due + "."
            : "Waiting for a " + w.until() + " until " + due + " at the latest.";
    return new StepOutcome.Waiting(due, w.until(), out, why);
  }

  // ---- decision -----------------------------------------------------------------------------

  private StepOutcome decision(Step s, NodeConfig.Condition cond) throws SQLException {
    StepClaim claim = s.claim();
    boolean yes;
    String why;
    switch (cond.kind()) {
      case "replied" -> {
        String[] reply = lastReply(s.c(), claim.leadId(), claim.runCreatedAt());
        yes = reply != null;
        why =
            yes
                ? "Replied at " + reply[1] + " (" + reply[0].toLowerCase(Locale.ROOT) + ")."
                : "No reply since the run started at " + claim.runCreatedAt() + ".";
      }
      case "opened", "clicked" -> {
        String type = cond.kind().equals("opened") ? "OPENED" : "CLICKED";
        Instant at = firstEvent(s.c(), claim.runId(), type, claim.runCreatedAt());
        yes = at != null;
        why =
            yes
                ? "First " + cond.kind() + " at " + at + "."
                : "No " + (type.equals("OPENED") ? "open" : "click") + " of this run's emails yet.";
      }
      case "score" -> {
        Lead lead = requireLead(s);
        yes = compare(Integer.toString(lead.score()), cond.op(), cond.value());
        why = "Score " + lead.score() + " " + cond.op() + " " + cond.value() + ": " + yes + ".";
      }
      case "field" -> {
        Lead lead = requireLead(s);
        String name = cond.field();
        String value =
            MergeFields.render(
                "{{lead." + name + "}}", lead); // the same field names as merge fields
        yes = compare(value, cond.op(), cond.value());
        why =
            "Lead "
                + name
                + " is "
                + (value == null || value.isEmpty() ? "empty" : "\"" + value + "\"")
                + "; "
                + cond.op()
                + (cond.value() == null ? "" : " \"" + cond.value() + "\"")
                + ": "
                + yes
                + ".";
      }
      default -> throw StepFailure.permanent("Unknown condition " + cond.kind() + ".");
    }
    String branch = yes ? "yes" : "no";
    return new StepOutcome.Done(Map.of("branch", branch), branch, why, null, null);
  }

  static boolean compare(String actual, String op, String expected) {
    String a = actual == null ? "" : actual.strip();
    String e = expected == null ? "" : expected.strip();
    switch (op == null ? "eq" : op) {
      case "empty":
        return a.isEmpty();
      case "not_empty":
        return !a.isEmpty();
      case "eq":
        return a.equalsIgnoreCase(e);
      case "neq":
        return !a.equalsIgnoreCase(e);
      case "contains":
        return a.toLowerCase(Locale.ROOT).contains(e.toLowerCase(Locale.ROOT));
      default:
        break;
    }
    double x;
    double y;
    try {
      x = Double.parseDouble(a);
      y = Double.parseDouble(e);
    } catch (NumberFormatException ex) {
      return false;
    }
    return switch (op) {
      case "gt" -> x > y;
      case "gte" -> x >= y;
      case "lt" -> x < y;
      case "lte" -> x <= y;
      default -> false;
    };
  }

  /** The newest reply of the lead since {@code since} that is a real answer: [class, at]. */
  static String[] lastReply(Connection c, long leadId, Instant since) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select classification, received_at from replies where lead_id = ?"
                + " and received_at >= ? and classification not in ('OUT_OF_OFFICE', 'BOUNCE')"
                + " order by id desc limit 1")) {
      ps.setLong(1, leadId);
      ps.setTimestamp(2, Timestamp.from(since));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new String[] {rs.getString(1), rs.getTimestamp(2).toInstant().toString()}
            : null;
      }
    }
  }

  /** The first event of a type on this run's messages (proxy opens left out). */
  static Instant firstEvent(Connection c, long runId, String type, Instant since)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select min(e.at) from message_events e join node_runs n on n.message_id ="
                + " e.message_id where n.run_id = ? and e.type = ? and not e.proxy and e.at >= ?")) {
      ps.setLong(1, runId);
      ps.setString(2, type);
      ps.setTimestamp(3, Timestamp.from(since));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Timestamp t = rs.getTimestamp(1);
        return t == null ? null : t.toInstant();
      }
    }
  }

  // ---- update lead --------------------------------------------------------------------------

  private StepOutcome updateLead(Step s, NodeConfig.UpdateLead u) throws SQLException {
    requireLead(s);
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
      ps.setString(6, "workflow:" + s.claim().workflowId());
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

  // ---- AI generate --------------------------------------------------------------------------

  private StepOutcome generate(Step s, NodeConfig.AiGenerate ai) throws SQLException {
    requireLead(s);
    if (ai.personaId() == null || !exists(s.c(), "personas", ai.personaId())) {
      throw StepFailure.permanent(
          "Persona " + ai.personaId() + " no longer exists: pick another in the workflow.");
    }
    Draft draft;
    try {
      draft =
          generator.generate(
              s.tenant(),
              s.claim().leadId(),
              ai.personaId(),
              ai.prompt(),
              "workflow:" + s.claim().workflowId());
    } catch (DomainException e) {
      throw new StepFailure(
          "AI generation failed: " + e.getMessage(),
          e.kind() != DomainException.Kind.TOO_MANY_REQUESTS);
    } catch (RuntimeException e) {
      throw StepFailure.transientFailure("AI generation failed: " + e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("subject", draft.subject());
    out.put("body", draft.body());
    out.put("personaId", ai.personaId());
    out.put("generator", draft.generator());
    out.put("cached", draft.cached());
    return StepOutcome.Done.of(out);
  }

  // ---- send email ---------------------------------------------------------------------------

  private StepOutcome send(Step s, NodeConfig.SendEmail send) throws SQLException {
    Lead lead = requireLead(s);
    StepClaim claim = s.claim();
    long mailboxId = send.rotates() ? rotate(s.c(), s.now()) : send.mailboxId();
    if (!send.rotates() && !exists(s.c(), "mailboxes", mailboxId)) {
      throw StepFailure.permanent("Mailbox " + mailboxId + " no longer exists.");
    }
    String subject = send.subject();
    String body = send.body();
    Long personaId = null;
    NodeConfig.Variant variant = variant(send.variants(), claim.runId());
    if (variant != null) {
      subject = blank(variant.subject()) ? subject : variant.subject();
      body = blank(variant.body()) ? body : variant.body();
    }
    if (blank(subject) && blank(body)) {
      Map<String, Object> generated = lastGenerated(s.c(), claim.runId());
      if (generated == null) {
        throw StepFailure.permanent("No AI Generate output before this send in the run.");
      }
      subject = Objects.toString(generated.get("subject"), "");
      body = Objects.toString(generated.get("body"), "");
      personaId =
          generated.get("personaId") instanceof Number n ? Long.valueOf(n.longValue()) : null;
    }
    subject = MergeFields.render(subject, lead);
    body = MergeFields.render(body, lead);
    if (blank(subject) || blank(body)) {
      throw StepFailure.permanent("The email has no subject or no body after merging.");
    }
    String key =
        s.tenant().slug()
            + ":wf:"
            + claim.runId()
            + ":"
            + claim.nodeId()
            + (claim.visit() > 1 ? "#" + claim.visit() : "");
    long messageId;
    try {
      messageId =
          Messages.insert(
              s.c(),
              NewMessage.email(lead.id(), mailboxId, subject, body, key)
                  .withPersona(personaId)
                  .withActor("workflow:" + claim.workflowId()),
              Clock.fixed(s.now(), ZoneOffset.UTC));
    } catch (DomainException e) {
      throw StepFailure.permanent(e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("messageId", messageId);
    out.put("mailboxId", mailboxId);
    out.put("subject", subject);
    out.put("idempotencyKey", key);
    if (variant != null) {
      out.put("variant", variant.name());
    }
    return new StepOutcome.Done(
        out,
        null,
        variant == null ? null : "Variant " + variant.name() + " (by weight, fixed per run).",
        variant == null ? null : variant.name(),
        messageId);
  }

  /**
   * The variant of this run: a stable hash of the run id over the summed weights, so a retried or
   * repeated step picks the same one and the split follows the weights.
   */
  static NodeConfig.Variant variant(List<NodeConfig.Variant> variants, long runId) {
    int total = variants.stream().mapToInt(NodeConfig.Variant::weight).sum();
    if (variants.isEmpty() || total <= 0) {
      return null;
    }
    long h = runId + 0x9E3779B97F4A7C15L; // splitmix64: consecutive run ids spread evenly
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    h ^= (h >>> 31);
    int pick = (int) Math.floorMod(h, (long) total);
    for (NodeConfig.Variant v : variants) {
      pick -= v.weight();
      if (pick < 0) {
        return v;
      }
    }
    return variants.get(variants.size() - 1);
  }

  /** The tenant mailbox with the fewest messages queued or sent today (UTC), lowest id on ties. */
  static long rotate(Connection c, Instant now) throws SQLException {
    Instant dayStart =
        LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select m.id from mailboxes m left join messages x on x.mailbox_id = m.id"
                + " and x.created_at >= ? group by m.id order by count(x.id), m.id limit 1")) {
      ps.setTimestamp(1, Timestamp.from(dayStart));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw StepFailure.permanent("There is no mailbox to send from.");
        }
        return rs.getLong(1);
      }
    }
  }

  private static Map<String, Object> lastGenerated(Connection c, long runId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select output from node_runs where run_id = ? and node_type = 'ai_generate'"
                + " and status = 'succeeded' order by id desc limit 1")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? WorkflowJson.toMap(rs.getString(1)) : null;
      }
    }
  }

  // ---- task ---------------------------------------------------------------------------------

  private StepOutcome task(Step s, NodeConfig.Task t) throws SQLException {
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
    Lead lead = requireLead(s);
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

  // ---- helpers ------------------------------------------------------------------------------

  private static Lead requireLead(Step s) {
    if (s.lead() == null) {
      throw StepFailure.permanent("Lead " + s.claim().leadId() + " no longer exists.");
    }
    return s.lead();
  }

  private static boolean exists(Connection c, String table, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from " + table + " where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
