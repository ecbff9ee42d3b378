package io.omnireach.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Progress of a CSV import job ({@code GET /api/v1/leads/imports/{id}}).
 *
 * @param progress 0 to 1, by bytes of the file read
 * @param createdAt ISO-8601 instant
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadImport(
    long id,
    Status status,
    String fileName,
    int processed,
    int imported,
    int updated,
    int skipped,
    int failed,
    double progress,
    String error,
    String createdAt,
    String finishedAt) {

  public enum Status {
    STARTING,
    STARTED,
    COMPLETED,
    FAILED;

    public boolean finished() {
      return this == COMPLETED || this == FAILED;
    }
  }

  /** What to do with a row whose email (or phone) is already a lead's. */
  public enum DuplicatePolicy {
    SKIP,
    UPDATE;

    String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
