package io.omnireach.ai;

import java.math.BigDecimal;

/** One row of the {@code ai_call} ledger: a provider call or an answer from the cache. */
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
    String actor) {

  /** How the call ended. */
  public enum Outcome {
    SUCCESS,
    CACHE_HIT,
    FAILED
  }
}
