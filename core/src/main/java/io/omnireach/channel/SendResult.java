package io.omnireach.channel;

import io.omnireach.retry.RetryPolicy;

/**
 * What the transport said: accepted or not, the server's reply (for example an SMTP line), and for
 * a refusal whether trying again later may succeed (connection refused or timed out, SMTP 4xx, HTTP
 * 429/5xx) or not (SMTP 5xx, HTTP 4xx: a permanent failure).
 */
public record SendResult(boolean accepted, String reply, boolean retryable) {

  public SendResult(boolean accepted, String reply) {
    this(accepted, reply, false);
  }

  public static SendResult accepted(String reply) {
    return new SendResult(true, reply, false);
  }

  /** A permanent failure: the message is not tried again. */
  public static SendResult failed(String reply) {
    return new SendResult(false, reply, false);
  }

  /** A transient failure: the relay tries again later with backoff. */
  public static SendResult retry(String reply) {
    return new SendResult(false, reply, true);
  }

  /** The refusal as the retry policy sees it (meaningless for an accepted message). */
  public RetryPolicy.Failure failure() {
    return retryable ? RetryPolicy.Failure.TRANSIENT : RetryPolicy.Failure.REJECTED;
  }
}
