package io.omnireach.deal;

import java.time.Instant;

/**
 * A decision as stored: the engine's decision (action, terms, trace), the draft and who wrote it
 * ({@code offline} for the template writer), the approval task when escalated, the approval ({@code
 * approval}, who decided it and the note; {@code approvedBy} only when approved), the reply that
 * triggered it ({@code replyId}, null when run by hand) and the message the agent queued ({@code
 * messageId}, with {@link Autonomy#AUTO_SEND}).
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
    Instant createdAt,
    Approval approval,
    String decidedBy,
    String approvalNote,
    Long replyId,
    Long messageId) {

  /** A person's answer to an escalated decision. */
  public enum Approval {
    APPROVED,
    REJECTED
  }
}
