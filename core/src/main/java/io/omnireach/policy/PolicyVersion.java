package io.omnireach.policy;

import java.time.Instant;

/** A policy as it was after one change: who made it, when, and what it then said. */
public record PolicyVersion(
    long policyId,
    int version,
    String change,
    String name,
    PolicyKind kind,
    Severity severity,
    String ruleJson,
    String explanation,
    boolean enabled,
    String changedBy,
    Instant changedAt) {}
