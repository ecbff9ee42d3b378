package io.omnireach.ai;

import java.math.BigDecimal;

/**
 * One row of the {@code ai_call} ledger: a provider call or an answer from the cache; {@code
 * workflowId} is the workflow whose AI step made it, null outside workflows.
 */
public record AiCall(
    Provider provider,
    String model,
    int promptTokens,
    int completionTokens,
    BigDecimal costUsd,
    boolean priced,
    long latencyMs,
    int attempts,
    boolean cacheHit,
    Outcome outcome,
    String error,
    Long leadId,
    Long personaId,
    String actor,
    Long workflowId) {

  /**
   * The actor of a simulation's calls: recorded in the ledger (AI cost views show them) but never
   * metered as billing usage — a dry run is not a billable use of the product.
   */
  public static final String SIMULATION = "simulation";

  /** A call made outside a workflow (drafts from the UI or API, reply classification). */
  public AiCall(
      Provider provider,
      String model,
      int promptTokens,
      int completionTokens,
      java.math.BigDecimal costUsd,
      boolean priced,
      long latencyMs,
      int attempts,
      boolean cacheHit,
      Outcome outcome,
      String error,
      Long leadId,
      Long personaId,
      String actor) {
    this(
        provider,
        model,
        promptTokens,
        completionTokens,
        costUsd,
        priced,
        latencyMs,
        attempts,
        cacheHit,
        outcome,
        error,
        leadId,
        personaId,
        actor,
        null);
  }

  /** How the call ended. */
  public enum Outcome {
    SUCCESS,
    CACHE_HIT,
    FAILED
  }
}
