package io.omnireach.workflow.engine;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a run's step log: what ran, its attempts, output, why it went the way it did
 * (decisions, waits, retries) and its error.
 */
public record NodeRunView(
    long id,
    String nodeId,
    String nodeType,
    int visit,
    String status,
    int attempt,
    int maxAttempts,
    Instant dueAt,
    Map<String, Object> output,
    String why,
    String error,
    String variant,
    Long messageId,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {}
