package io.omnireach.usage;

import java.time.Instant;

/**
 * One billable action.
 *
 * @param idempotencyKey taken from the action (e.g. {@code message:42}): the ledger keeps one event
 *     per tenant, meter and key, so recording it again is a no-op
 * @param costMicros what the action cost the platform in USD micros, or null when unknown
 * @param workflowId the workflow it ran in, when the meter knows it (for per-workflow exports)
 * @param userId the user who caused it, when there is one
 */
public record UsageEvent(
    long tenantId,
    Meter meter,
    long quantity,
    Long costMicros,
    String idempotencyKey,
    Instant occurredAt,
    Long workflowId,
    Long userId) {

  public UsageEvent {
    if (quantity < 0) {
      throw new IllegalArgumentException("Usage cannot be negative: " + quantity);
    }
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("A usage event needs the key of its action");
    }
  }

  public static UsageEvent of(
      long tenantId, Meter meter, long quantity, String idempotencyKey, Instant occurredAt) {
    return new UsageEvent(tenantId, meter, quantity, null, idempotencyKey, occurredAt, null, null);
  }
}
