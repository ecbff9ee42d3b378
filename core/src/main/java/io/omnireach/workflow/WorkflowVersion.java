package io.omnireach.workflow;

import java.time.Instant;

/** A published, immutable version of a workflow. */
public record WorkflowVersion(
    long workflowId, int version, WorkflowGraph graph, String publishedBy, Instant publishedAt) {}
