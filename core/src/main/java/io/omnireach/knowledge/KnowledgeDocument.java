package io.omnireach.knowledge;

import java.time.Instant;

/** A document of the knowledge base, without its content. */
public record KnowledgeDocument(
    long id,
    String filename,
    String mediaType,
    int sizeBytes,
    KnowledgeStatus status,
    String error,
    Integer chunksTotal,
    int chunksDone,
    Long executionId,
    String createdBy,
    Instant createdAt,
    Instant indexedAt) {

  /** 0..1; 1 once READY. */
  public double progress() {
    if (status == KnowledgeStatus.READY) {
      return 1;
    }
    return chunksTotal == null || chunksTotal == 0 ? 0 : (double) chunksDone / chunksTotal;
  }
}
