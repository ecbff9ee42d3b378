package io.omnireach.workflow.engine;

import java.time.Instant;

/** A manual step of a run, in someone's task list. */
public record TaskView(
    long id,
    long runId,
    long workflowId,
    String workflowName,
    Long leadId,
    String leadName,
    String title,
    String assignee,
    String status,
    Instant createdAt,
    Instant doneAt,
    String doneBy) {}
