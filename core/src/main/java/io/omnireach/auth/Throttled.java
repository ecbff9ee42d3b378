package io.omnireach.auth;

import io.omnireach.common.DomainException;
import java.time.Duration;

/** Too many failed attempts: try again after {@link #retryAfter()} (the REST API's Retry-After). */
public final class Throttled extends DomainException {

  private final Duration retryAfter;

  public Throttled(String message, Duration retryAfter) {
    super(Kind.TOO_MANY_REQUESTS, message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
