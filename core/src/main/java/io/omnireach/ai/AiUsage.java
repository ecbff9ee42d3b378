package io.omnireach.ai;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A tenant's AI use in one calendar month (UTC): calls (cache hits included), tokens billed by
 * providers and their cost; {@code unpricedCalls} counts calls whose model has no price, whose cost
 * is counted as 0.
 */
public record AiUsage(
    YearMonth month,
    int calls,
    int cacheHits,
    int failures,
    long promptTokens,
    long completionTokens,
    BigDecimal costUsd,
    int unpricedCalls) {

  public long totalTokens() {
    return promptTokens + completionTokens;
  }
}
