package io.omnireach.graph;

import java.time.Instant;

/**
 * A connection added by hand: the lead knows, or was introduced by, a peer (another lead or one of
 * our users). {@code peerLabel} is the peer's name.
 */
public record LeadConnection(
    long id,
    EdgeKind kind,
    long leadId,
    Long peerLeadId,
    Long peerUserId,
    String peerLabel,
    String note,
    String createdBy,
    Instant createdAt) {}
