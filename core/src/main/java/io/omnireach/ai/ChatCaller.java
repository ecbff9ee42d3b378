package io.omnireach.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.omnireach.ai.AiException.Reason;
import io.omnireach.retry.RetryPolicy;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One chat call through a langchain4j {@link ChatModel}, shared by drafts ({@link LlmGenerator})
 * and reply classification: retries 429, 5xx and timeouts by the {@link RetryPolicy} (nothing
 * else), turns every failure into an {@link AiException} with a {@link Reason}, and reads the
 * answer strictly as one JSON object ({@link #object}).
 */
public final class ChatCaller {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(ChatCaller.class.getName());

  /** The model's text, the tokens the provider billed and how many attempts it took. */
  public record Reply(String text, int promptTokens, int completionTokens, int attempts) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern FENCE = Pattern.compile("(?s)^```(?:json)?\\s*(.*?)\\s*```$");

  private final ChatModel model;
  private final String label;
  private final RetryPolicy retry;

  /** {@code label} names the model in errors, e.g. {@code openrouter/openai/gpt-4o-mini}. */
  public ChatCaller(ChatModel model, String label, RetryPolicy retry) {
    this.model = model;
    this.label = label;
    this.retry = retry;
  }

  public String label() {
    return label;
  }

  /** Sends the prompt; an {@link AiException} when no answer came, still after the retries. */
  public Reply call(Prompt prompt) {
    ChatRequest request =
        ChatRequest.builder()
            .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
            .build();
    for (int attempt = 1; ; attempt++) {
      ChatResponse response;
      try {
        response = model.chat(request);
      } catch (RuntimeException e) {
        AiException failure = classify(e, attempt);
        if (!retry.retries(attempt, failure.failure())) {
          throw failure;
        }
        pause(attempt, failure);
        continue;
      }
      TokenUsage usage = response.tokenUsage();
      int in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
      int out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
      String text = response.aiMessage() == null ? null : response.aiMessage().text();
      return new Reply(text, in, out, attempt);
    }
  }

  /**
   * The answer as one JSON object (a single Markdown code fence is tolerated); anything else is
   * {@link Reason#MALFORMED_REPLY}, keeping the tokens the answer cost.
   */
  public static JsonNode object(Reply reply) {
    String text = reply.text();
    if (text == null || text.isBlank()) {
      throw malformed("The model sent an empty reply.", reply, null);
    }
    String json = text.strip();
    Matcher fence = FENCE.matcher(json);
    if (fence.matches()) {
      json = fence.group(1);
    }
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw malformed("The model's reply is not valid JSON.", reply, e);
    }
    if (node == null || !node.isObject()) {
      throw malformed("The model's reply is not a JSON object.", reply, null);
    }
    return node;
  }

  /** A text member of the object, null when it is missing or not a string. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** A usable answer that breaks the rules asked for: the call still cost its tokens. */
  public static AiException malformed(String message, Reply reply, Throwable cause) {
    return new AiException(
        Reason.MALFORMED_REPLY,
        message,
        reply.attempts(),
        reply.promptTokens(),
        reply.completionTokens(),
        cause);
  }

  private AiException classify(RuntimeException e, int attempt) {
    Integer status = null;
    boolean timeout = false;
    boolean unreachable = false;
    boolean badJson = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpException h && status == null) {
        status = h.statusCode();
      }
      timeout |= t instanceof TimeoutException || t instanceof HttpTimeoutException;
      unreachable |= t instanceof ConnectException;
      badJson |= t instanceof JsonProcessingException;
    }
    String where = label + " (attempt " + attempt + ")";
    if (timeout || (status != null && status == 408)) {
      return new AiException(
          Reason.TIMEOUT,
          "The AI provider did not answer in time: " + where + ".",
          attempt,
          0,
          0,
          e);
    }
    if (status != null) {
      // the provider's text stays in the log: it reaches tenants (API problem, run step log)
      LOG.info("HTTP " + status + " from " + where + ": " + snippet(e));
      String detail = "HTTP " + status + " from " + where + ".";
      Reason reason =
          status == 429
              ? Reason.RATE_LIMITED
              : status >= 500
                  ? Reason.PROVIDER_ERROR
                  : status == 401 || status == 403 ? Reason.AUTHENTICATION : Reason.REJECTED;
      return new AiException(reason, detail, attempt, 0, 0, e);
    }
    if (badJson) {
      return new AiException(
          Reason.MALFORMED_REPLY,
          "The AI provider sent a response that is not valid JSON: " + where + ".",
          attempt,
          0,
          0,
          e);
    }
    if (unreachable) {
      return new AiException(
          Reason.UNREACHABLE,
          "The AI provider cannot be reached: " + where + ".",
          attempt,
          0,
          0,
          e);
    }
    LOG.info("The AI call failed: " + where + ": " + snippet(e));
    return new AiException(
        Reason.OTHER,
        "The AI call failed: " + where + " (" + e.getClass().getSimpleName() + ").",
        attempt,
        0,
        0,
        e);
  }

  private void pause(int attempt, AiException failure) {
    try {
      Thread.sleep(retry.backoffAfter(attempt, System.nanoTime()).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  /** The start of a provider's error text, on one line (it never holds our API key). */
  private static String snippet(Throwable e) {
    String m = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
    return m.length() <= 200 ? m : m.substring(0, 200) + "…";
  }
}
