package io.omnireach.audit;

import java.time.Instant;

/**
 * One audited action. {@code before} and {@code detail} are short summaries of the state before and
 * after (either may be null); {@code seq} and {@code hash} place the entry in its tenant's hash
 * chain.
 */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String tenantSlug,
    String action,
    String target,
    String before,
    String detail,
    String ip,
    String requestId,
    long seq,
    String hash) {}
