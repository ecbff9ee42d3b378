package io.omnireach.channel.inbound;

import io.omnireach.tenant.TenantRef;
import java.time.LocalDate;

/**
 * Classifies one received reply of a tenant: {@link LlmReplyClassifier} with the tenant's AI
 * provider, or the offline {@link ReplyClassifier} alone ({@link #offline}).
 */
@FunctionalInterface
public interface TenantReplyClassifier {

  /** {@code leadId} is the lead the reply was matched to (null when it was deleted). */
  Classification classify(
      TenantRef tenant, ReplyClassifier.Input input, LocalDate received, Long leadId);

  /** The offline rules for every tenant. */
  static TenantReplyClassifier offline(ReplyClassifier rules) {
    return (tenant, input, received, leadId) -> rules.classify(input, received);
  }
}
