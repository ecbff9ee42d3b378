package io.omnireach.knowledge;

import io.omnireach.ai.Provider;

/**
 * An embedding model: the in-process one ({@code provider} null) or a model of a provider. Stored
 * as {@link #id()}, e.g. {@code local:all-minilm-l6-v2} or {@code mistral:mistral-embed}.
 */
public record EmbeddingSpec(Provider provider, String model) {

  public static final EmbeddingSpec LOCAL = new EmbeddingSpec(null, "all-minilm-l6-v2");

  public boolean local() {
    return provider == null;
  }

  public String id() {
    return (provider == null ? "local" : provider.id()) + ":" + model;
  }

  /** Reads {@link #id()} back; the provider is the part before the first colon. */
  public static EmbeddingSpec parse(String id) {
    int colon = id.indexOf(':');
    String kind = id.substring(0, colon);
    String model = id.substring(colon + 1);
    return "local".equals(kind)
        ? new EmbeddingSpec(null, model)
        : new EmbeddingSpec(Provider.parse(kind, "embeddingModel"), model);
  }
}
