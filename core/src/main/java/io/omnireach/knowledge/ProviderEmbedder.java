package io.omnireach.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.omnireach.ai.AiException;
import java.util.List;

/**
 * A provider's embedding model through langchain4j (Mistral, or an OpenAI-compatible endpoint). Its
 * dimension is whatever the model returns: learnt from the first vector.
 */
final class ProviderEmbedder implements Embedder {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddingModel model;
  private volatile int dimensions;

  ProviderEmbedder(EmbeddingModel model) {
    this.model = model;
  }

  @Override
  public int dimensions() {
    if (dimensions == 0) {
      embed("dimension probe");
    }
    return dimensions;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    List<float[]> out;
    try {
      out = model.embedAll(segments).content().stream().map(e -> e.vector()).toList();
    } catch (RuntimeException e) {
      throw failure(e);
    }
    if (out.size() != texts.size()) {
      throw new IllegalStateException(
          "The embedding model returned "
              + out.size()
              + " vectors for "
              + texts.size()
              + " texts.");
    }
    if (!out.isEmpty()) {
      dimensions = out.get(0).length;
    }
    return out;
  }

  /**
   * The provider's failure as an {@link AiException} (502 at the REST boundary, 504 on timeouts,
   * the key named on 401/403), in words: its HTTP status and message when it sent one.
   */
  static AiException failure(RuntimeException e) {
    HttpException http = null;
    for (Throwable t = e; t != null && http == null; t = t.getCause()) {
      if (t instanceof HttpException h) {
        http = h;
      }
    }
    String what =
        http == null
            ? e.getClass().getSimpleName() + ": " + e.getMessage()
            : "HTTP " + http.statusCode() + ": " + message(http.getMessage());
    AiException.Reason reason;
    if (http != null) {
      int status = http.statusCode();
      reason =
          status == 401 || status == 403
              ? AiException.Reason.AUTHENTICATION
              : status == 429
                  ? AiException.Reason.RATE_LIMITED
                  : status >= 500 ? AiException.Reason.PROVIDER_ERROR : AiException.Reason.REJECTED;
    } else if (e instanceof dev.langchain4j.exception.TimeoutException) {
      reason = AiException.Reason.TIMEOUT;
    } else {
      reason = AiException.Reason.UNREACHABLE;
    }
    return new AiException(reason, "The embedding provider failed (" + what + ").", 1, 0, 0, e);
  }

  /** {@code error.message} or {@code message} of a JSON error body, else the body, capped. */
  private static String message(String body) {
    if (body == null) {
      return "no message";
    }
    try {
      JsonNode n = JSON.readTree(body);
      JsonNode m = n.path("error").path("message");
      if (m.isMissingNode()) {
        m = n.path("message");
      }
      if (m.isTextual()) {
        return m.asText();
      }
    } catch (java.io.IOException | RuntimeException notJson) {
      // not JSON: the body as it is
    }
    return body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }
}
