package io.omnireach.deal;

import java.time.Instant;
import java.util.List;

/**
 * A transaction template: a title and body with merge fields ({@link MergeFields}) and clause slots
 * (clause keys, in print order). Every edit raises {@code version}; a document records the version
 * it was generated from.
 */
public record DealTemplate(
    long id,
    DocumentKind kind,
    String name,
    String title,
    String body,
    List<String> clauseKeys,
    int version,
    String updatedBy,
    Instant updatedAt) {

  public DealTemplate {
    clauseKeys = clauseKeys == null ? List.of() : List.copyOf(clauseKeys);
  }
}
