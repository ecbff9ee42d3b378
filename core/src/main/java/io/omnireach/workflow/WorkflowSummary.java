package io.omnireach.workflow;

import java.time.Instant;

/**
 * A workflow in a list. {@code draftVersion} is the number the draft gets when published; {@code
 * publishedVersion} the newest published one (null before the first publish).
 */
public record WorkflowSummary(
    long id,
    String name,
    String description,
    WorkflowStatus status,
    WorkflowSettings settings,
    int draftVersion,
    Integer publishedVersion,
    String template,
    Instant createdAt,
    Instant updatedAt,
    String updatedBy) {}
