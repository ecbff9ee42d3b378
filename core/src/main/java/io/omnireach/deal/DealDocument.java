package io.omnireach.deal;

import java.time.Instant;
import java.util.List;

/**
 * A generated document of a deal (the PDF is read separately): its version on the deal, status, the
 * template and clause versions it used, the terms it prints, and the SHA-256 of its bytes.
 */
public record DealDocument(
    long id,
    long dealId,
    int version,
    DocumentStatus status,
    Long templateId,
    DocumentKind kind,
    String templateName,
    int templateVersion,
    Long decisionId,
    List<UsedClause> clauses,
    Terms terms,
    String sha256,
    int size,
    String createdBy,
    Instant createdAt,
    Instant sentAt,
    Long messageId,
    Instant frozenAt,
    String frozenBy) {

  /** A clause as printed: key, version and the exact text. */
  public record UsedClause(String key, int version, String title, String category, String body) {}

  public DealDocument {
    clauses = clauses == null ? List.of() : List.copyOf(clauses);
  }

  public boolean frozen() {
    return status.frozen();
  }

  /** The file name the PDF is downloaded and attached as. */
  public String filename() {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
        + "-deal-"
        + dealId
        + "-v"
        + version
        + ".pdf";
  }
}
