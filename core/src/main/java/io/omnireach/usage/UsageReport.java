package io.omnireach.usage;

import java.time.Instant;

/**
 * The usage of one tenant and meter in one UTC hour, as it is reported to an outside biller
 * (Stripe) once: {@link #identifier()} is what the biller deduplicates on.
 *
 * @param occurredAt when the latest of its events happened (the meter event's timestamp)
 */
public record UsageReport(long id, long tenantId, Meter meter, long quantity, Instant occurredAt) {

  public static final String IDENTIFIER_PREFIX = "omnireach-usage-";

  /** The same on every attempt to send this report. */
  public String identifier() {
    return IDENTIFIER_PREFIX + id;
  }
}
