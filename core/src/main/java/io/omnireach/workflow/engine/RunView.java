package io.omnireach.workflow.engine;

import java.time.Instant;

/** A run of one lead through a workflow version. */
public record RunView(
    long id,
    long workflowId,
    String workflowName,
    int version,
    long leadId,
    String leadName,
    String leadEmail,
    String status,
    String currentNode,
    String stopReason,
    Instant pausedUntil,
    Instant createdAt,
    Instant updatedAt,
    Instant finishedAt) {}
