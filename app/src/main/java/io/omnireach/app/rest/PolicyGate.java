package io.omnireach.app.rest;

import io.omnireach.audit.AuditLog;
import io.omnireach.policy.OutboundText;
import io.omnireach.policy.Policies;
import io.omnireach.policy.Policy;
import io.omnireach.policy.PolicyReview;
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
 * ({@code "confirmWarnings":true}); the optional LLM review may add warnings. The outbox checks
 * again (deterministic rules) right before sending.
 */
@ApplicationScoped
public class PolicyGate {

  @Inject Policies policies;
  @Inject PolicyReview review;
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
        review.check(
            tenant,
            all,
            new OutboundText(channel, subject, body),
            policies.context(tenant, leadId, channel, clock.instant()),
            leadId);
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
