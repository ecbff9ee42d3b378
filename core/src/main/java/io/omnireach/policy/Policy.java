package io.omnireach.policy;

import java.time.Instant;

/**
 * One rule of a tenant's policy set.
 *
 * @param explanation plain language, shown with every violation and given to the AI writer
 * @param version 1 when created, +1 with each change (see {@link PolicyVersion})
 */
public record Policy(
    long id,
    String name,
    PolicyKind kind,
    Severity severity,
    Rule rule,
    String explanation,
    boolean enabled,
    int version,
    Instant updatedAt,
    String updatedBy) {}
