package io.omnireach.lead;

import java.time.Instant;

/** One CSV import and its progress. */
public record LeadImport(
    long id,
    String status,
    String fileName,
    String filePath,
    long fileBytes,
    long bytesRead,
    DuplicatePolicy duplicatePolicy,
    String encoding,
    String delimiter,
    int processed,
    int imported,
    int updated,
    int skipped,
    int failed,
    Long executionId,
    String error,
    String createdBy,
    Instant createdAt,
    Instant finishedAt) {

  public boolean isFinished() {
    return status.equals("COMPLETED") || status.equals("FAILED");
  }

  /** 0..1, by bytes read. */
  public double progress() {
    if (isFinished()) {
      return 1;
    }
    return fileBytes == 0 ? 0 : Math.min(1, (double) bytesRead / fileBytes);
  }
}
