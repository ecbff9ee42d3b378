package io.omnireach.knowledge;

import java.time.Instant;

/**
 * The model and dimension a tenant's stored vectors come from and, while {@link
 * EmbeddingStatus#REINDEXING}, the model they are being re-made with ({@code done} of {@code total}
 * rows; {@code error}: why the last step failed, retried on the next).
 */
public record EmbeddingState(
    String model,
    int dimensions,
    EmbeddingStatus status,
    String targetModel,
    Integer targetDimensions,
    int total,
    int done,
    String error,
    Instant startedAt,
    Instant switchedAt) {

  /** 0..1 of the re-embedding; 1 when current. */
  public double progress() {
    if (status == EmbeddingStatus.CURRENT) {
      return 1;
    }
    return total == 0 ? 0 : Math.min(1, (double) done / total);
  }
}
