package io.omnireach.channel;

import io.omnireach.policy.Policies;
import io.omnireach.policy.Policy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Step 1a of the relay: the tenant's policies, checked again right before sending (they may have
 * changed since the message was queued); {@link OutboundPolicy} records the verdict.
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
  boolean check(Connection c, String tenantSlug, List<Policy> policies, OutboxRow r)
      throws SQLException {
    if (policies.isEmpty()) {
      return true;
    }
    return !OutboundPolicy.check(
            c,
            tenantSlug,
            policies,
            r.id(),
            r.channel(),
            r.subject(),
            r.body(),
            r.leadId() != null && r.leadExists() ? r.leadId() : null,
            clock,
            OutboundPolicy.Moment.SENDING)
        .blocked();
  }
}
