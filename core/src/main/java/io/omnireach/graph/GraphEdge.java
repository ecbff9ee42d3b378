package io.omnireach.graph;

import java.time.Instant;

/**
 * An edge "source kind target" with a strength in 0..1, how many interactions it sums up and the
 * last of them (null when not known, e.g. works_at or a meeting read from the lead's stage).
 */
public record GraphEdge(
    String source, String target, EdgeKind kind, double strength, long count, Instant lastAt) {}
