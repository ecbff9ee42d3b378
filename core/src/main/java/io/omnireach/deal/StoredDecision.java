package io.omnireach.deal;

import java.time.Instant;

/**
 * A decision as stored: the engine's decision (action, terms, trace), the draft and who wrote it
 * ({@code offline} for the template writer), the approval task when escalated, and who approved
 * (the person who completed that task, null until then).
 */
public record StoredDecision(
    long id,
    long dealId,
    Decision decision,
    String draftSubject,
    String draft,
    String draftGenerator,
    Long taskId,
    String approvedBy,
    String createdBy,
    Instant createdAt) {}
