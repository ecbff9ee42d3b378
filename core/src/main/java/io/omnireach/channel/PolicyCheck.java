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
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Step 1a of the relay: the tenant's policies, checked again right before sending (they may have
 * changed since the message was queued). A blocking violation ends the message BLOCKED with the
 * rule as reason and the violations (JSON) on its BLOCKED event, and the workflow step that queued
 * it shows the same reason (and the audit log records it); warnings and log entries become events
 * and the message goes.
 */
final class PolicyCheck {

  private final Clock clock;

  PolicyCheck(Clock clock) {
    this.clock = clock;
  }

  /** The batch's policies, read once per claim. */
  List<Policy> load(Connection c) throws SQLException {
    return Policies.all(c);
  }

  /** True when the message may go on to the compliance check. */
  boolean check(Connection c, String tenantSlug, List<Policy> policies, OutboxRow r, Instant now)
      throws SQLException {
    if (policies.isEmpty()) {
      return true;
    }
    String channel = r.channel().name().toLowerCase(Locale.ROOT);
    PolicyContext context =
        r.leadId() != null && r.leadExists()
            ? Policies.context(c, r.leadId(), r.id(), channel, now)
            : PolicyContext.NONE;
    Verdict verdict =
        PolicyEngine.evaluate(policies, new OutboundText(channel, r.subject(), r.body()), context);
    if (verdict.outcome() == Verdict.Outcome.BLOCK) {
      OutboxRecord.finish(
          c,
          clock,
          r.id(),
          "BLOCKED",
          verdict.reason(),
          null,
          Violations.toJson(verdict.violations()));
      try (PreparedStatement ps =
          c.prepareStatement("update node_runs set error = ? where message_id = ?")) {
        ps.setString(1, "Message blocked: " + verdict.reason());
        ps.setLong(2, r.id());
        ps.executeUpdate();
      }
      AuditLog.record(
          c, "system:outbox", tenantSlug, "send.blocked", "message " + r.id(), verdict.reason());
      return false;
    }
    for (Severity s : List.of(Severity.WARN, Severity.LOG)) {
      if (!verdict.of(s).isEmpty()) {
        Messages.event(c, r.id(), "POLICY_" + s.name(), Violations.toJson(verdict.of(s)), clock);
      }
    }
    return true;
  }
}
