package io.omnireach.ai;

import io.omnireach.retry.RetryPolicy;

/**
 * A provider call that did not give a usable draft. {@code reason} decides the HTTP status at the
 * REST boundary (timeouts 504, the rest 502); the tokens are those the provider billed anyway (a
 * malformed reply still costs), so the ledger records them.
 */
public class AiException extends RuntimeException {

  /** Why the call failed. */
  public enum Reason {
    /** 429 from the provider, still after every retry. */
    RATE_LIMITED,
    /** 5xx from the provider, still after every retry. */
    PROVIDER_ERROR,
    /** No answer in time, still after every retry. */
    TIMEOUT,
    /** 401/403: the tenant's API key is wrong or lacks access. */
    AUTHENTICATION,
    /** Another 4xx (400 bad request, 402 no credit, 404 unknown model): retrying cannot help. */
    REJECTED,
    /** The model answered, but not with the JSON object asked for. */
    MALFORMED_REPLY,
    /** The provider could not be reached at all. */
    UNREACHABLE,
    /** Anything else (not retried). */
    OTHER
  }

  private final Reason reason;
  private final int attempts;
  private final int promptTokens;
  private final int completionTokens;

  public AiException(
      Reason reason,
      String message,
      int attempts,
      int promptTokens,
      int completionTokens,
      Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.attempts = attempts;
    this.promptTokens = promptTokens;
    this.completionTokens = completionTokens;
  }

  public Reason reason() {
    return reason;
  }

  public int attempts() {
    return attempts;
  }

  public int promptTokens() {
    return promptTokens;
  }

  public int completionTokens() {
    return completionTokens;
  }

  /**
   * The provider's failure as the retry policy sees it (which of them are permanent is its data).
   */
  public RetryPolicy.Failure failure() {
    return switch (reason) {
      case RATE_LIMITED -> RetryPolicy.Failure.RATE_LIMITED;
      case PROVIDER_ERROR -> RetryPolicy.Failure.SERVER_ERROR;
      case TIMEOUT -> RetryPolicy.Failure.TIMEOUT;
      case UNREACHABLE -> RetryPolicy.Failure.UNREACHABLE;
      case AUTHENTICATION -> RetryPolicy.Failure.AUTHENTICATION;
      case REJECTED -> RetryPolicy.Failure.REJECTED;
      case MALFORMED_REPLY -> RetryPolicy.Failure.MALFORMED;
      case OTHER -> RetryPolicy.Failure.OTHER;
    };
  }
}
