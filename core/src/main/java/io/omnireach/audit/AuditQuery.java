package io.omnireach.audit;

import java.time.Instant;

/**
 * A search of the audit log. {@code tenantSlug} null means every tenant and the platform's own
 * entries (the Owner's view); otherwise only that tenant's. {@code actor} matches exactly (any
 * case), {@code action} as a prefix ("policy." finds every policy change). Nulls filter nothing.
 */
public record AuditQuery(
    String tenantSlug, Instant from, Instant to, String actor, String action, int page, int size) {

  public static final int MAX_SIZE = 200;

  public AuditQuery {
    if (page < 0) {
      throw new IllegalArgumentException("page must not be negative");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE);
    }
  }
}
