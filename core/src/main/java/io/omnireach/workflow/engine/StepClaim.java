package io.omnireach.workflow.engine;

import java.time.Instant;
import java.util.Map;

/**
 * A node run claimed for execution, with what its run says about it.
 *
 * @param previous the status before the claim: {@code waiting} means a timer or event woke it
 * @param attempt this execution's attempt number (1 on the first try)
 * @param output what an earlier execution stored (a Wait's schedule, a Task's id), or empty
 */
public record StepClaim(
    long nodeRunId,
    long runId,
    long workflowId,
    int version,
    long leadId,
    String nodeId,
    String nodeType,
    int visit,
    String previous,
    int attempt,
    int maxAttempts,
    Map<String, Object> output,
    Instant runCreatedAt,
    Instant startedAt) {

  public boolean woken() {
    return "waiting".equals(previous);
  }
}
