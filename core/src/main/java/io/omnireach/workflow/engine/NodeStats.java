package io.omnireach.workflow.engine;

/**
 * Results of one node (and one A/B variant of it, or null for the node as a whole) over all runs
 * and versions: steps entered, succeeded and failed; for sends, messages sent, opened (proxy opens
 * left out), clicked, replied to, and meetings (replies classified interested, until a meetings
 * model exists).
 */
public record NodeStats(
    String nodeId,
    String nodeType,
    String variant,
    long entered,
    long succeeded,
    long failed,
    long sent,
    long opened,
    long clicked,
    long replied,
    long meetings) {}
