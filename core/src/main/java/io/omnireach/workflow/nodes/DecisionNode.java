package io.omnireach.workflow.nodes;

import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadField;
import io.omnireach.workflow.MergeFields;
import io.omnireach.workflow.engine.StepClaim;
import io.omnireach.workflow.engine.StepFailure;
import io.omnireach.workflow.engine.StepOutcome;
import io.omnireach.workflow.node.ConfigReader;
import io.omnireach.workflow.node.NodePalette;
import io.omnireach.workflow.node.NodeServices;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.Step;
import io.omnireach.workflow.node.StepExecutor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Branches down "yes" or "no" on a {@link Condition}. */
public final class DecisionNode implements NodeTypeFactory<DecisionNode.Config> {

  public record Config(Condition condition) {}

  /**
   * What a decision tests: {@code replied}, {@code opened}, {@code clicked} (this run's messages),
   * {@code field} (a lead field compared with {@code op} and {@code value}), {@code score} (the
   * lead's manual score with {@code op}, default gte), {@code relationship} (the lead's computed
   * relationship score, 0–100, with {@code op}, default gte), {@code meeting_booked} (a meeting
   * booked on Calendly and not canceled, since the run started; a workflow with this condition is
   * not ended by the booking but goes down "yes"), {@code no_reply} (no answer on {@code channel} —
   * email, sms, linkedin — within {@code days} of this run's last send on it) or {@code call} (the
   * final status of this run's last automated call is {@code value}: completed, busy, no-answer,
   * failed, canceled).
   */
  public record Condition(
      String kind, String field, String op, String value, String channel, Integer days) {
    public static final Set<String> KINDS =
        Set.of(
            "replied",
            "opened",
            "clicked",
            "field",
            "score",
            "relationship",
            "meeting_booked",
            "no_reply",
            "call");

    public Condition(String kind, String field, String op, String value) {
      this(kind, field, op, value, null, null);
    }

    public static final Set<String> OPS =
        Set.of("eq", "neq", "contains", "empty", "not_empty", "gt", "gte", "lt", "lte");
  }

  @Override
  public String id() {
    return "decision";
  }

  @Override
  public NodePalette palette() {
    return new NodePalette(
        "Decision",
        "Branch on replies (per channel), opens, clicks, meetings, calls, fields or score",
        "Timing & logic",
        "#ec4899",
        "<path d=\"M12 21v-6.5a4 4 0 0 0-1.2-2.8L4 5\"/><path d=\"M4 10V5h5\"/>"
            + "<path d=\"M14 10l6-5\"/><path d=\"M15 5h5v5\"/>",
        true,
        List.of("yes", "no"),
        Map.of("condition", Map.of("kind", "replied")));
  }

  @Override
  public Config read(ConfigReader r) {
    return new Config(condition(r));
  }

  private static Condition condition(ConfigReader r) {
    Object o = r.get("condition");
    if (o instanceof String s) {
      o = Map.of("kind", s); // shorthand: "condition": "replied"
    }
    if (!(o instanceof Map<?, ?> m)) {
      r.error(
          "condition",
          "A decision needs a condition"
              + " {kind: replied|opened|clicked|field|score|relationship|meeting_booked|no_reply"
              + "|call}.");
      return new Condition(null, null, null, null);
    }
    String kind = ConfigReader.str(m.get("kind"));
    String field = ConfigReader.str(m.get("field"));
    String op = ConfigReader.str(m.get("op"));
    String value = ConfigReader.str(m.get("value"));
    if (kind == null || !Condition.KINDS.contains(kind)) {
      r.error(
          "condition.kind",
          "condition.kind is one of replied, opened, clicked, field, score, relationship,"
              + " meeting_booked, no_reply, call.");
      return new Condition(kind, field, op, value);
    }
    if (op != null && !Condition.OPS.contains(op)) {
      r.error(
          "condition.op",
          "condition.op is one of " + Condition.OPS.stream().sorted().toList() + ".");
    }
    if (kind.equals("field")) {
      if (ConfigReader.isBlank(field)
          || (LeadField.forJson(field).isEmpty() && !field.startsWith("custom."))) {
        r.error(
            "condition.field",
            "condition.field names a lead field (e.g. industry or custom.plan).");
      }
      if (op == null) {
        op = "eq";
      }
    }
    if (kind.equals("score") || kind.equals("relationship")) {
      if (op == null) {
        op = "gte";
      }
      if (ConfigReader.number(value) == null) {
        r.error("condition.value", "A score condition needs a whole-number value.");
      }
    }
    if ((kind.equals("field") || kind.equals("score") || kind.equals("relationship"))
        && value == null
        && !"empty".equals(op)
        && !"not_empty".equals(op)) {
      r.error("condition.value", "condition.value is required for " + op + ".");
    }
    if (kind.equals("no_reply")) {
      return noReply(r, m);
    }
    if (kind.equals("call") && !AutomatedCall.STATUSES.contains(value)) {
      r.error(
          "condition.value",
          "A call condition's value is one of " + String.join(", ", AutomatedCall.STATUSES) + ".");
    }
    return new Condition(kind, field, op, value);
  }

  /** {@code {"kind":"no_reply","channel":"email|sms|linkedin","days":N}}, N from 1 to 365. */
  private static Condition noReply(ConfigReader r, Map<?, ?> m) {
    String channel = ConfigReader.str(m.get("channel"));
    if (FallbackChooser.Route.parse(channel).isEmpty()) {
      r.error("condition.channel", "condition.channel is one of email, sms, linkedin.");
    }
    Long days = ConfigReader.number(m.get("days"));
    if (days == null || days < 1 || days > 365) {
      r.error("condition.days", "condition.days is a whole number of days from 1 to 365.");
      days = null;
    }
    return new Condition(
        "no_reply", null, null, null, channel, days == null ? null : days.intValue());
  }

  @Override
  public boolean writes() {
    return false;
  }

  @Override
  public StepExecutor<Config> executor(NodeServices services) {
    return DecisionNode::execute;
  }

  private static StepOutcome execute(Step<Config> s) throws SQLException {
    Condition cond = s.config().condition();
    StepClaim claim = s.claim();
    boolean yes;
    String why;
    switch (cond.kind()) {
      case "replied" -> {
        String[] reply = RunEvents.lastReply(s.c(), claim.leadId(), claim.runCreatedAt());
        yes = reply != null;
        why =
            yes
                ? "Replied at " + reply[1] + " (" + reply[0].toLowerCase(Locale.ROOT) + ")."
                : "No reply since the run started at " + claim.runCreatedAt() + ".";
      }
      case "opened", "clicked" -> {
        String type = cond.kind().equals("opened") ? "OPENED" : "CLICKED";
        Instant at = RunEvents.firstEvent(s.c(), claim.runId(), type, claim.runCreatedAt());
        yes = at != null;
        why =
            yes
                ? "First " + cond.kind() + " at " + at + "."
                : "No " + (type.equals("OPENED") ? "open" : "click") + " of this run's emails yet.";
      }
      case "meeting_booked" -> {
        String[] meeting = RunEvents.meetingBooked(s.c(), claim.leadId(), claim.runCreatedAt());
        yes = meeting != null;
        why =
            yes
                ? "Meeting booked at " + meeting[0] + " for " + meeting[1] + "."
                : "No meeting booked since the run started at " + claim.runCreatedAt() + ".";
      }
      case "score" -> {
        Lead lead = s.requireLead();
        yes = compare(Integer.toString(lead.score()), cond.op(), cond.value());
        why = "Score " + lead.score() + " " + cond.op() + " " + cond.value() + ": " + yes + ".";
      }
      case "relationship" -> {
        int score = relationshipScore(s);
        yes = compare(Integer.toString(score), cond.op(), cond.value());
        why =
            "Relationship score " + score + " " + cond.op() + " " + cond.value() + ": " + yes + ".";
      }
      case "no_reply" -> {
        return noReply(s, cond);
      }
      case "call" -> {
        Long call = AutomatedCall.lastCallOfRun(s.c(), claim.runId());
        AutomatedCall.Status st = call == null ? null : AutomatedCall.status(s.c(), call);
        yes = st != null && cond.value().equals(st.call());
        why =
            st == null
                ? "No automated call in this run."
                : st.call() == null
                    ? "The last call has no final status yet (" + st.message() + ")."
                    : "The last call ended " + st.call() + ": " + yes + ".";
      }
      case "field" -> {
        Lead lead = s.requireLead();
        String name = cond.field();
        // the same field names as merge fields
        String value = MergeFields.render("{{lead." + name + "}}", lead);
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

  /**
   * True once {@code days} have passed since this run's last send on the channel without an answer
   * on it since that send; false at the first answer, or when the run sent nothing on the channel.
   * Before the days are over and without an answer the step waits until they are (a reply wakes it
   * early, a LinkedIn "replied" outcome is seen when it wakes).
   */
  private static StepOutcome noReply(Step<Config> s, Condition cond) throws SQLException {
    FallbackChooser.Route channel = FallbackChooser.Route.parse(cond.channel()).orElseThrow();
    String name = channel.label();
    Instant sent = RunEvents.lastSend(s.c(), s.claim().runId(), channel);
    boolean yes;
    String why;
    if (sent == null) {
      yes = false;
      why = "Nothing was sent by " + name + " in this run, so no " + name + " reply is missing.";
    } else {
      // from the earlier of the send and the step's start, as the sweep that wakes it looks
      Instant since = sent.isBefore(s.claim().startedAt()) ? sent : s.claim().startedAt();
      Instant replied = RunEvents.firstReplyOn(s.c(), s.claim().leadId(), channel, since);
      Instant deadline = sent.plus(java.time.Duration.ofDays(cond.days()));
      if (replied != null) {
        yes = false;
        why = "Replied by " + name + " at " + replied + " (last " + name + " sent " + sent + ").";
      } else if (s.now().isBefore(deadline)) {
        return new StepOutcome.Waiting(
            deadline,
            "reply:" + channel.name(),
            Map.of("channel", channel.apiName(), "lastSend", sent.toString()),
            "Waiting until " + deadline + " for a " + name + " reply.");
      } else {
        yes = true;
        why = "No " + name + " reply within " + cond.days() + " days of the send at " + sent + ".";
      }
    }
    String branch = yes ? "yes" : "no";
    return new StepOutcome.Done(Map.of("branch", branch), branch, why, null, null);
  }

  /** The stored relationship score, kept current by every event's transaction. */
  private static int relationshipScore(Step<Config> s) throws SQLException {
    s.requireLead();
    try (PreparedStatement ps =
        s.c().prepareStatement("select relationship_score from leads where id = ?")) {
      ps.setLong(1, s.claim().leadId());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  /** The comparison a decision makes (public: the simulation sandbox decides the same way). */
  public static boolean compare(String actual, String op, String expected) {
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
}
