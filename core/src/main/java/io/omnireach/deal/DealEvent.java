package io.omnireach.deal;

import java.time.Instant;

/** One entry of a deal's timeline: created, stage, updated, decision, approval. */
public record DealEvent(
    long id, String kind, String text, Long decisionId, String actor, Instant at) {}
