package io.omnireach.ai;

import io.omnireach.common.DomainException;
import java.util.Locale;

/** The LLM providers a tenant can choose, with the API base URL used when none is configured. */
public enum Provider {
  /** OpenRouter, through langchain4j's OpenAI-compatible client. */
  OPENROUTER("openrouter", "https://openrouter.ai/api/v1", "openai/gpt-4o-mini"),
  /** Mistral, through langchain4j's Mistral client. */
  MISTRAL("mistral", "https://api.mistral.ai/v1", "mistral-small-latest");

  private final String id;
  private final String defaultBaseUrl;
  private final String defaultModel;

  Provider(String id, String defaultBaseUrl, String defaultModel) {
    this.id = id;
    this.defaultBaseUrl = defaultBaseUrl;
    this.defaultModel = defaultModel;
  }

  /** Lower-case name used in the price table and in {@link Draft#generator()}. */
  public String id() {
    return id;
  }

  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  public String defaultModel() {
    return defaultModel;
  }

  /** Parses "openrouter" or "MISTRAL"; INVALID on {@code field} otherwise. */
  public static Provider parse(String value, String field) {
    if (value != null) {
      for (Provider p : values()) {
        if (p.name().equalsIgnoreCase(value.trim())
            || p.id.equals(value.trim().toLowerCase(Locale.ROOT))) {
          return p;
        }
      }
    }
    throw DomainException.invalid(field, "Provider must be OPENROUTER or MISTRAL.");
  }
}
