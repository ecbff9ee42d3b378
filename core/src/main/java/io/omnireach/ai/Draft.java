package io.omnireach.ai;

/**
 * A generated message. {@code generator} is {@value #OFFLINE} for template output, otherwise {@code
 * provider/model} (for example {@code openrouter/openai/gpt-4o-mini}). {@code cached} is true when
 * the answer came from the generation cache instead of a provider call.
 */
public record Draft(
    String subject,
    String body,
    String rationale,
    String generator,
    boolean cached,
    int promptTokens,
    int completionTokens) {

  public static final String OFFLINE = "offline";

  public boolean offline() {
    return OFFLINE.equals(generator);
  }

  public Draft asCached() {
    return new Draft(subject, body, rationale, generator, true, promptTokens, completionTokens);
  }
}
