package io.omnireach.deal;

import java.time.Instant;

/**
 * One version of a clause of the library: editing a clause stores version n + 1, and documents keep
 * the exact text of the version they used.
 */
public record Clause(
    String key,
    int version,
    String title,
    String body,
    String category,
    String createdBy,
    Instant createdAt) {}
