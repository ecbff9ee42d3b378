package io.omnireach.ai;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.mistralai.MistralAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.omnireach.retry.RetryPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Makes the langchain4j chat model for a tenant's provider: {@link OpenAiChatModel} pointed at
 * OpenRouter, or {@link MistralAiChatModel}; and its embedding model ({@link OpenAiEmbeddingModel}
 * on the same OpenAI-compatible base URL, or {@link MistralAiEmbeddingModel}). langchain4j's own
 * retries are off ({@code maxRetries(0)}): {@link LlmGenerator} retries by {@link RetryPolicy}.
 * Base URLs are operator configuration (tests point them at local fakes), never tenant input.
 */
public final class ChatModels {

  private final Map<Provider, String> baseUrls = new EnumMap<>(Provider.class);
  private final Duration timeout;
  private final boolean logRequests;

  public ChatModels(Map<Provider, String> baseUrls, Duration timeout, boolean logRequests) {
    for (Provider p : Provider.values()) {
      String url = baseUrls.get(p);
      this.baseUrls.put(p, url == null || url.isBlank() ? p.defaultBaseUrl() : url.strip());
    }
    this.timeout = timeout;
    this.logRequests = logRequests;
  }

  /** Default base URLs, 30 s timeout, no request logging (prompts hold lead data). */
  public static ChatModels standard() {
    return new ChatModels(Map.of(), Duration.ofSeconds(30), false);
  }

  public String baseUrl(Provider provider) {
    return baseUrls.get(provider);
  }

  public ChatModel create(Provider provider, String model, String apiKey, double temperature) {
    return switch (provider) {
      case OPENROUTER ->
          OpenAiChatModel.builder()
              .baseUrl(baseUrls.get(provider))
              .apiKey(apiKey)
              .modelName(model)
              .temperature(temperature)
              .responseFormat(ResponseFormat.JSON)
              .timeout(timeout)
              .maxRetries(0)
              .logRequests(logRequests)
              .logResponses(logRequests)
              .build();
      case MISTRAL ->
          MistralAiChatModel.builder()
              .baseUrl(baseUrls.get(provider))
              .apiKey(apiKey)
              .modelName(model)
              .temperature(temperature)
              .responseFormat(ResponseFormat.JSON)
              .timeout(timeout)
              .maxRetries(0)
              .logRequests(logRequests)
              .logResponses(logRequests)
              .build();
    };
  }

  /** The provider's embedding model ({@code POST <base URL>/embeddings}), 2 retries on its own. */
  public EmbeddingModel embeddings(Provider provider, String model, String apiKey) {
    return switch (provider) {
      case OPENROUTER ->
          OpenAiEmbeddingModel.builder()
              .baseUrl(baseUrls.get(provider))
              .apiKey(apiKey)
              .modelName(model)
              .timeout(timeout)
              .maxRetries(2)
              .logRequests(logRequests)
              .logResponses(logRequests)
              .build();
      case MISTRAL ->
          MistralAiEmbeddingModel.builder()
              .baseUrl(baseUrls.get(provider))
              .apiKey(apiKey)
              .modelName(model)
              .timeout(timeout)
              .maxRetries(2)
              .logRequests(logRequests)
              .logResponses(logRequests)
              .build();
    };
  }
}
