package io.omnireach.channel;

import io.omnireach.audit.AuditLog;
import io.omnireach.policy.OutboundText;
import io.omnireach.policy.Policies;
import io.omnireach.policy.Policy;
import io.omnireach.policy.PolicyContext;
import io.omnireach.policy.PolicyEngine;
import io.omnireach.policy.Severity;
import io.omnireach.policy.Verdict;
import io.omnireach.policy.Violations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The one place that turns a policy verdict on an outbox message into outbox and step-log state,
 * for both moments a message is checked: when a workflow step queues it ({@link Moment#QUEUED}) and
 * right before the relay sends it ({@link Moment#SENDING}; policies may have changed). A block ends
 * the message BLOCKED with the rule as reason and the violations (JSON) on its BLOCKED event, and
 * the step that queued it shows "Message blocked…" with the rule and excerpt. Warnings and log
 * entries do not stop a message that is already queued: nobody is there to confirm a workflow's
 * send, so they become POLICY_WARN / POLICY_LOG events when it is sent (and a note in the step log
 * when it is queued); hand-sent messages are confirmed in the API/UI before they are queued.
 */
public final class OutboundPolicy {

  /** When the check runs; names the step-log line. */
  public enum Moment {
    QUEUED(
        "Message blocked when queued: ",
        "Policy warning when queued (sent anyway: a workflow"
            + " send has no one to confirm it): "),
    SENDING("Message blocked: ", null);

    final String blocked;
    final String warned;

    Moment(String blocked, String warned) {
      this.blocked = blocked;
      this.warned = warned;
    }
  }

  /** What the check did: the verdict and the line for the step log (null when nothing to say). */
  public record Result(Verdict verdict, String stepNote) {
    public boolean blocked() {
      return verdict.outcome() == Verdict.Outcome.BLOCK;
    }
  }

  private OutboundPolicy() {}

  /** Checks a message just queued by a workflow step, in the step's transaction. */
  public static Result atQueue(Connection c, String tenantSlug, long messageId, Clock clock)
      throws SQLException {
    List<Policy> policies = Policies.all(c);
    if (policies.isEmpty()) {
      return new Result(Verdict.of(List.of()), null);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select m.channel, m.subject, m.body, m.lead_id,"
                + " exists (select 1 from leads l where l.id = m.lead_id), m.status"
                + " from messages m where m.id = ?")) {
      ps.setLong(1, messageId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || !"QUEUED".equals(rs.getString(6))) {
          // a repeated step gets the message it queued before: already checked
          return new Result(Verdict.of(List.of()), null);
        }
        Long lead = (Long) rs.getObject(4);
        return check(
            c,
            tenantSlug,
            policies,
            messageId,
            ChannelKind.valueOf(rs.getString(1)),
            rs.getString(2),
            rs.getString(3),
            lead != null && rs.getBoolean(5) ? lead : null,
            clock,
            Moment.QUEUED);
      }
    }
  }

  /** Evaluates the message's text and records the verdict (see the class comment). */
  static Result check(
      Connection c,
      String tenantSlug,
      List<Policy> policies,
      long messageId,
      ChannelKind kind,
      String subject,
      String body,
      Long leadId,
      Clock clock,
      Moment moment)
      throws SQLException {
    Instant now = clock.instant();
    String channel = kind.name().toLowerCase(Locale.ROOT);
    // the lead's row and its recent messages (one query per message) only for rules that read them
    PolicyContext context =
        leadId != null && needsContext(policies)
            ? Policies.context(c, leadId, messageId, channel, now)
            : PolicyContext.NONE;
    Verdict verdict =
        PolicyEngine.evaluate(policies, new OutboundText(channel, subject, body), context);
    return new Result(verdict, record(c, tenantSlug, clock, messageId, verdict, moment));
  }

  /** False when every policy judges the text alone (discounts, phrases, competitors). */
  static boolean needsContext(List<Policy> policies) {
    for (Policy p : policies) {
      switch (p.kind()) {
        case MAX_DISCOUNT, FORBIDDEN_PHRASE, COMPETITOR_MENTION -> {
          // the text alone
        }
        default -> {
          return true;
        }
      }
    }
    return false;
  }

  private static String record(
      Connection c, String tenantSlug, Clock clock, long messageId, Verdict verdict, Moment moment)
      throws SQLException {
    if (verdict.outcome() == Verdict.Outcome.BLOCK) {
      OutboxRecord.finish(
          c,
          clock,
          messageId,
          "BLOCKED",
          verdict.reason(),
          null,
          Violations.toJson(verdict.violations()));
      String note = moment.blocked + verdict.reason();
      // at send time the step is long done; at queue time the step writes the note itself
      try (PreparedStatement ps =
          c.prepareStatement("update node_runs set error = ? where message_id = ?")) {
        ps.setString(1, note);
        ps.setLong(2, messageId);
        ps.executeUpdate();
      }
      AuditLog.record(
          c,
          moment == Moment.QUEUED ? "system:workflow" : "system:outbox",
          tenantSlug,
          "send.blocked",
          "message " + messageId,
          verdict.reason());
      return note;
    }
    if (moment == Moment.QUEUED) {
      List<io.omnireach.policy.Violation> warns = verdict.of(Severity.WARN);
      return warns.isEmpty()
          ? null
          : moment.warned
              + warns.stream()
                  .map(
                      v -> v.policyName() + (v.excerpt() == null ? "" : " («" + v.excerpt() + "»)"))
                  .distinct()
                  .reduce((a, b) -> a + "; " + b)
                  .orElse("");
    }
    for (Severity s : List.of(Severity.WARN, Severity.LOG)) {
      if (!verdict.of(s).isEmpty()) {
        Messages.event(c, messageId, "POLICY_" + s.name(), Violations.toJson(verdict.of(s)), clock);
      }
    }
    return null;
  }
}
