package io.omnireach.ai;

/**
 * A change to a tenant's AI settings: null parts are kept. {@code apiKey} is write-only: a
 * non-blank value replaces the stored key, an empty string removes it (back to the offline
 * generator), null keeps it. {@code embeddingModel}: a name sets the provider's embedding model, an
 * empty string goes back to the in-process model, null keeps it.
 */
public record AiSettingsUpdate(
    String provider,
    String model,
    String apiKey,
    Double temperature,
    Long monthlyTokenBudget,
    String embeddingModel) {

  public AiSettingsUpdate(
      String provider, String model, String apiKey, Double temperature, Long monthlyTokenBudget) {
    this(provider, model, apiKey, temperature, monthlyTokenBudget, null);
  }
}
