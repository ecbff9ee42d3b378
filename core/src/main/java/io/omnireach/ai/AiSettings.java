package io.omnireach.ai;

import java.time.Instant;

/**
 * A tenant's AI settings as anyone may see them: the API key itself never leaves the repository,
 * only whether one is set and its last four characters ({@code keyHint}, null without a key).
 * {@code embeddingModel}: the provider's embedding model the knowledge base and lead history use
 * while a key is set; null for the in-process all-MiniLM-L6-v2.
 */
public record AiSettings(
    Provider provider,
    String model,
    String keyHint,
    double temperature,
    long monthlyTokenBudget,
    Instant updatedAt,
    String updatedBy,
    String embeddingModel) {

  public AiSettings(
      Provider provider,
      String model,
      String keyHint,
      double temperature,
      long monthlyTokenBudget,
      Instant updatedAt,
      String updatedBy) {
    this(provider, model, keyHint, temperature, monthlyTokenBudget, updatedAt, updatedBy, null);
  }

  public static final double DEFAULT_TEMPERATURE = 0.7;
  public static final long DEFAULT_BUDGET = 200_000;

  /** What a tenant that never saved settings gets: OpenRouter's default model, no key. */
  public static final AiSettings DEFAULTS =
      new AiSettings(
          Provider.OPENROUTER,
          Provider.OPENROUTER.defaultModel(),
          null,
          DEFAULT_TEMPERATURE,
          DEFAULT_BUDGET,
          null,
          null);

  public boolean keyConfigured() {
    return keyHint != null;
  }
}
