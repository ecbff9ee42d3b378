package io.omnireach.workflow.nodes;

import io.omnireach.channel.Messages;
import io.omnireach.channel.OutboundPolicy;
import io.omnireach.workflow.engine.StepClaim;
import io.omnireach.workflow.engine.StepOutcome;
import io.omnireach.workflow.node.Step;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An automated call of a Call step: queued in the outbox ({@code VOICE}), then the step waits for
 * the final status Twilio reports (a {@code CALL_*} event on the message, recorded by the voice
 * webhook) and takes the Call step's output for it.
 */
final class AutomatedCall {

  /** Twilio's final call statuses, as the webhook records them and Decisions compare them. */
  static final List<String> STATUSES =
      List.of("completed", "busy", "no-answer", "failed", "canceled");

  private AutomatedCall() {}

  static StepOutcome place(Step<CallNode.Config> s, String script) throws SQLException {
    StepClaim claim = s.claim();
    String key =
        s.tenant().slug()
            + ":wf:"
            + claim.runId()
            + ":"
            + claim.nodeId()
            + (claim.visit() > 1 ? "#" + claim.visit() : "");
    long id =
        Messages.insertCall(
            s.c(), claim.leadId(), script, key, s.actor(), Clock.fixed(s.now(), ZoneOffset.UTC));
    OutboundPolicy.Result policy =
        OutboundPolicy.atQueue(s.c(), s.tenant().slug(), id, Clock.fixed(s.now(), ZoneOffset.UTC));
    if (policy.blocked()) {
      // what a call the outbox blocked leads to (skipped), without waiting for a status
      StepOutcome.Done skipped = (StepOutcome.Done) outcome(s, id);
      return new StepOutcome.Done(
          skipped.output(), skipped.branch(), skipped.why(), null, id, policy.stepNote());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mode", CallNode.AUTOMATED);
    out.put("messageId", id);
    out.put("idempotencyKey", key);
    return new StepOutcome.Waiting(
        s.now().plus(CallNode.STATUS_WAIT),
        "call",
        out,
        RunEvents.join(
            "Call queued (08:00–21:00 in the lead's time zone); waiting for Twilio's final"
                + " status.",
            policy.stepNote()),
        id);
  }

  /** The step's output once Twilio reported, or another wait while the call is still due. */
  static StepOutcome outcome(Step<CallNode.Config> s, long messageId) throws SQLException {
    Status st = status(s.c(), messageId);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mode", CallNode.AUTOMATED);
    out.put("messageId", messageId);
    String branch;
    String why;
    if (st == null) {
      branch = "skipped";
      why = "The queued call is gone.";
    } else if (st.call() != null) {
      out.put("callStatus", st.call());
      branch =
          switch (st.call()) {
            case "completed" -> "connected";
            case "busy", "no-answer" -> "no_answer";
            default -> "skipped";
          };
      why = "Twilio: " + st.call() + (st.detail() == null ? "" : " (" + st.detail() + ")") + ".";
    } else if (st.message().equals("BLOCKED") || st.message().equals("FAILED")) {
      branch = "skipped";
      why = "Not called: " + st.message().toLowerCase(Locale.ROOT) + " (" + st.reason() + ").";
    } else if (st.message().equals("SENT")
        && st.sentAt() != null
        && !s.now().isBefore(st.sentAt().plus(CallNode.STATUS_WAIT))) {
      branch = "skipped";
      why = "No final status from Twilio within a day of the call.";
    } else {
      // still queued (quiet hours, the window) or just placed: look again later
      return new StepOutcome.Waiting(
          s.now().plus(CallNode.STATUS_WAIT),
          "call",
          out,
          "Call " + st.message().toLowerCase(Locale.ROOT) + "; waiting for Twilio's final status.",
          messageId);
    }
    out.put("outcome", branch);
    return new StepOutcome.Done(out, branch, why, null, null);
  }

  /**
   * What is known of a call: the outbox status and reason, when it was sent, and Twilio's final
   * status ({@code completed}, {@code no-answer} …) with its detail, or null before it came.
   */
  record Status(String message, String reason, Instant sentAt, String call, String detail) {}

  static Status status(Connection c, long messageId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select m.status, m.reason, m.sent_at, e.type, e.detail from messages m"
                + " left join lateral (select type, detail from message_events"
                + " where message_id = m.id and type like 'CALL\\_%' order by id desc limit 1) e"
                + " on true where m.id = ?")) {
      ps.setLong(1, messageId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Timestamp sent = rs.getTimestamp(3);
        String type = rs.getString(4);
        return new Status(
            rs.getString(1),
            rs.getString(2),
            sent == null ? null : sent.toInstant(),
            type == null ? null : callStatus(type),
            rs.getString(5));
      }
    }
  }

  /** {@code CALL_NO_ANSWER} → {@code no-answer}: Twilio's spelling of the event's status. */
  static String callStatus(String eventType) {
    return eventType.substring("CALL_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The newest automated call of a run's steps, or null. */
  static Long lastCallOfRun(Connection c, long runId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select max(m.id) from node_runs n join messages m on m.id = n.message_id"
                + " where n.run_id = ? and m.channel = 'VOICE'")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long id = rs.getLong(1);
        return rs.wasNull() ? null : id;
      }
    }
  }
}
