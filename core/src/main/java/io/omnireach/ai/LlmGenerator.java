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
import io.omnireach.lead.Lead;
import io.omnireach.persona.Persona;
import io.omnireach.tenant.TenantRef;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates a draft with a langchain4j {@link ChatModel}: retries 429, 5xx and timeouts by the
 * {@link RetryPolicy} (nothing else), then parses the reply strictly as {@code {subject, body,
 * rationale}}. A reply that is not that object, too long, or carries links that are not in the
 * prompt is refused with {@link Reason#MALFORMED_REPLY}, keeping the tokens it cost.
 */
public final class LlmGenerator implements MessageGenerator {

  static final int MAX_SUBJECT = 150;
  static final int MAX_BODY_WORDS = PromptBuilder.MAX_WORDS + 60;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern FENCE = Pattern.compile("(?s)^```(?:json)?\\s*(.*?)\\s*```$");
  private static final Pattern LINK =
      Pattern.compile("(?i)\\bhttps?://[^\\s)>\\]]+|\\bwww\\.[^\\s)>\\]]+");

  private final ChatModel model;
  private final String generator;
  private final RetryPolicy retry;
  private final PromptBuilder prompts;

  public LlmGenerator(ChatModel model, Provider provider, String modelName, RetryPolicy retry) {
    this.model = model;
    this.generator = provider.id() + "/" + modelName;
    this.retry = retry;
    this.prompts = new PromptBuilder();
  }

  /** The draft and how many attempts it took. */
  public record Result(Draft draft, int attempts) {}

  @Override
  public Draft generate(TenantRef tenant, Lead lead, Persona persona) {
    return complete(prompts.build(lead, persona, List.of())).draft();
  }

  public Result complete(Prompt prompt) {
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
        if (!retryable(failure) || attempt >= retry.maxAttempts()) {
          throw failure;
        }
        pause(attempt, failure);
        continue;
      }
      TokenUsage usage = response.tokenUsage();
      int in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
      int out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
      String text = response.aiMessage() == null ? null : response.aiMessage().text();
      return new Result(parse(text, prompt, attempt, in, out), attempt);
    }
  }

  private Draft parse(String text, Prompt prompt, int attempt, int in, int out) {
    if (text == null || text.isBlank()) {
      throw malformed("The model sent an empty reply.", attempt, in, out, null);
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
      throw malformed("The model's reply is not valid JSON.", attempt, in, out, e);
    }
    if (node == null || !node.isObject()) {
      throw malformed("The model's reply is not a JSON object.", attempt, in, out, null);
    }
    String subject = text(node, "subject");
    String body = text(node, "body");
    if (subject == null || subject.isBlank() || body == null || body.isBlank()) {
      throw malformed("The model's reply lacks a text subject or body.", attempt, in, out, null);
    }
    String rationale = text(node, "rationale");
    subject = clean(subject).replace('\n', ' ');
    body = clean(body);
    if (body.split("\\s+").length > MAX_BODY_WORDS) {
      throw malformed(
          "The model's draft is longer than " + MAX_BODY_WORDS + " words.", attempt, in, out, null);
    }
    Matcher link = LINK.matcher(body);
    while (link.find()) {
      if (!prompt.user().contains(link.group())) {
        throw malformed(
            "The model's draft contains a link that is not in the persona or lead.",
            attempt,
            in,
            out,
            null);
      }
    }
    if (subject.length() > MAX_SUBJECT) {
      subject = subject.substring(0, MAX_SUBJECT).strip() + "…";
    }
    return new Draft(
        subject, body, rationale == null ? null : clean(rationale), generator, false, in, out);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** Output gets the same invisible-character cleaning as input; instructions are not policed. */
  private static String clean(String s) {
    return s.replaceAll("[\\p{Cf}\\u200B-\\u200F\\u2060-\\u206F\\uFEFF]", "")
        .replaceAll("[\\p{Cc}&&[^\\n]]", "")
        .strip();
  }

  private AiException malformed(String message, int attempt, int in, int out, Throwable cause) {
    return new AiException(Reason.MALFORMED_REPLY, message, attempt, in, out, cause);
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
    String where = generator + " (attempt " + attempt + ")";
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
      String detail = "HTTP " + status + " from " + where + ": " + snippet(e);
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
    return new AiException(
        Reason.OTHER, "The AI call failed: " + where + ": " + snippet(e), attempt, 0, 0, e);
  }

  /** Only 429, 5xx and timeouts; an unknown failure (no HTTP status) is not retried. */
  private static boolean retryable(AiException failure) {
    return switch (failure.reason()) {
      case RATE_LIMITED, TIMEOUT, PROVIDER_ERROR -> true;
      default -> false;
    };
  }

  private void pause(int attempt, AiException failure) {
    try {
      Thread.sleep(retry.backoffAfter(attempt).toMillis());
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
