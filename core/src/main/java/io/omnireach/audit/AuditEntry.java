package io.omnireach.audit;

import java.time.Instant;

/** One audited action. */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String tenantSlug,
    String action,
    String target,
    String detail) {}
