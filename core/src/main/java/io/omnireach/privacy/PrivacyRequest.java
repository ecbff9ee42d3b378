package io.omnireach.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * One export or erasure of a lead and how far its job got. {@code counts}: rows found (export) or
 * removed (erasure) per step, in step order.
 */
public record PrivacyRequest(
    long id,
    Kind kind,
    long leadId,
    Status status,
    int stepsDone,
    int stepsTotal,
    Map<String, Integer> counts,
    boolean hasArchive,
    String error,
    Long executionId,
    String createdBy,
    Instant createdAt,
    Instant finishedAt) {

  /** What the request does. */
  public enum Kind {
    EXPORT,
    ERASE
  }

  /** Where its job is. */
  public enum Status {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED;

    public boolean finished() {
      return this == COMPLETED || this == FAILED;
    }
  }

  /** 0 to 1. */
  public double progress() {
    return stepsTotal == 0 ? 1 : (double) stepsDone / stepsTotal;
  }
}
