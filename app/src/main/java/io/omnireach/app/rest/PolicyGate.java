package io.omnireach.app.rest;

import io.omnireach.audit.AuditLog;
import io.omnireach.policy.OutboundText;
import io.omnireach.policy.Policies;
import io.omnireach.policy.Policy;
import io.omnireach.policy.PolicyEngine;
import io.omnireach.policy.Verdict;
import io.omnireach.tenant.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;

/**
 * The policy check of a message sent by hand through the API, before it is queued: a blocking
 * violation is a 422 listing the violations, and so are warnings unless the caller confirmed them
 * ({@code "confirmWarnings":true}). The outbox checks again right before sending.
 */
@ApplicationScoped
public class PolicyGate {

  @Inject Policies policies;
  @Inject Clock clock;
  @Inject AuditLog audit;

  /** The 422 to answer instead of queueing, or null when the message may be queued. */
  Response refusal(
      TenantRef tenant,
      String actor,
      long leadId,
      String channel,
      String subject,
      String body,
      Boolean confirmWarnings) {
    List<Policy> all = policies.list(tenant);
    if (all.isEmpty() || body == null) {
      return null; // nothing to check, or the queue's own validation answers
    }
    Verdict v =
        PolicyEngine.evaluate(
            all,
            new OutboundText(channel, subject, body),
            policies.context(tenant, leadId, channel, clock.instant()));
    if (v.outcome() == Verdict.Outcome.BLOCK) {
      audit.record(actor, tenant.slug(), "send.blocked", "lead " + leadId, v.reason());
    }
    if (v.outcome() == Verdict.Outcome.BLOCK
        || (v.outcome() == Verdict.Outcome.WARN && !Boolean.TRUE.equals(confirmWarnings))) {
      return PolicyDtos.PolicyProblem.of(v);
    }
    return null;
  }
}
