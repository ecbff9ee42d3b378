package io.omnireach.ai;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a tenant's AI calls cost in {@code [from, to)}, in total and per workflow (from the {@code
 * ai_call} ledger: tokens × the configured price at the time of the call). Calls outside workflows
 * (drafts from the UI or API, reply classification) count in the total only.
 */
public record AiCosts(
    Instant from,
    Instant to,
    int calls,
    long tokens,
    BigDecimal costUsd,
    List<WorkflowCost> workflows) {

  /** One workflow's AI cost; {@code name} is null when the workflow was deleted since. */
  public record WorkflowCost(
      long workflowId, String name, int calls, long tokens, BigDecimal costUsd) {}

  /** The total of calls made outside any workflow. */
  public BigDecimal outsideWorkflowsUsd() {
    return workflows.stream().map(WorkflowCost::costUsd).reduce(costUsd, BigDecimal::subtract);
  }
}
