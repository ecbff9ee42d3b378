package io.omnireach.app.rest;

import io.omnireach.deal.Clause;
import io.omnireach.deal.DealDocument;
import io.omnireach.deal.DealDocuments;
import io.omnireach.deal.DealTemplate;
import io.omnireach.deal.DealTemplates;
import io.omnireach.deal.DocumentKind;
import io.omnireach.deal.Terms;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of {@code /clauses}, {@code /deal-templates} and {@code /deals/{id}/documents}. */
public final class DealDocumentDtos {

  private DealDocumentDtos() {}

  @Schema(name = "Clause", description = "One version of a clause of the library")
  public record ClauseDto(
      @Schema(example = "liability-cap") String key,
      @Schema(example = "2") int version,
      @Schema(example = "Limitation of liability") String title,
      @Schema(
              example =
                  "Each party's total liability is limited to the fees paid in the twelve"
                      + " months before the claim.")
          String body,
      @Schema(example = "Legal") String category,
      String createdBy,
      Instant createdAt) {

    static ClauseDto of(Clause c) {
      return new ClauseDto(
          c.key(), c.version(), c.title(), c.body(), c.category(), c.createdBy(), c.createdAt());
    }
  }

  @Schema(name = "ClauseList")
  public record ClauseList(List<ClauseDto> items) {}

  @Schema(name = "ClauseWrite", description = "key on create only; on edit, fields not given stay")
  public record ClauseWrite(String key, String title, String body, String category) {}

  @Schema(name = "AllowedClauses", description = "The clause keys a product allows")
  public record AllowedClauses(
      @Schema(example = "[\"liability-cap\",\"sla\"]") List<String> clauseKeys) {}

  @Schema(
      name = "DealTemplate",
      description = "A transaction template with merge fields and clause slots")
  public record TemplateDto(
      @Schema(example = "2") long id,
      @Schema(example = "ORDER_FORM") DocumentKind kind,
      @Schema(example = "Order form") String name,
      @Schema(example = "Order form: {{deal.title}}") String title,
      String body,
      @Schema(example = "[\"liability-cap\"]") List<String> clauseKeys,
      @Schema(example = "3") int version,
      String updatedBy,
      Instant updatedAt) {

    static TemplateDto of(DealTemplate t) {
      return new TemplateDto(
          t.id(),
          t.kind(),
          t.name(),
          t.title(),
          t.body(),
          t.clauseKeys(),
          t.version(),
          t.updatedBy(),
          t.updatedAt());
    }
  }

  @Schema(name = "DealTemplateList")
  public record TemplateList(List<TemplateDto> items, Map<String, String> mergeFields) {}

  @Schema(name = "DealTemplateWrite", description = "On edit, fields not given stay")
  public record TemplateWrite(
      @Schema(example = "CONTRACT") String kind,
      String name,
      String title,
      String body,
      List<String> clauseKeys) {

    DealTemplates.Draft draft() {
      return new DealTemplates.Draft(
          kind == null ? null : DocumentKind.parse("kind", kind), name, title, body, clauseKeys);
    }
  }

  @Schema(name = "TemplatePreviewRequest")
  public record PreviewRequest(@Schema(example = "12") Long dealId) {}

  @Schema(name = "TemplatePreview", description = "A template rendered against a deal")
  public record PreviewDto(String title, String body, List<DealDocument.UsedClause> clauses) {

    static PreviewDto of(DealDocuments.Preview p) {
      return new PreviewDto(p.title(), p.body(), p.clauses());
    }
  }

  @Schema(name = "GenerateDocument")
  public record GenerateRequest(
      @Schema(example = "2") Long templateId,
      @Schema(
              description =
                  "Print the terms this decision offered (accept or counter) instead of"
                      + " the deal's current lines",
              example = "4")
          Long decisionId,
      @Schema(
              description = "The clauses to print instead of the template's slots",
              example = "[\"liability-cap\"]")
          List<String> clauseKeys) {}

  @Schema(name = "DealDocument", description = "A stored, versioned document of a deal")
  public record DocumentDto(
      @Schema(example = "7") long id,
      @Schema(example = "12") long dealId,
      @Schema(example = "2") int version,
      @Schema(example = "SENT") String status,
      @Schema(example = "false") boolean frozen,
      Long templateId,
      @Schema(example = "ORDER_FORM") DocumentKind kind,
      @Schema(example = "Order form") String templateName,
      @Schema(example = "3") int templateVersion,
      Long decisionId,
      List<DealDocument.UsedClause> clauses,
      Terms terms,
      @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
          String sha256,
      @Schema(example = "4210") int size,
      @Schema(example = "order-form-deal-12-v2.pdf") String filename,
      String createdBy,
      Instant createdAt,
      Instant sentAt,
      Long messageId,
      Instant frozenAt,
      String frozenBy) {

    static DocumentDto of(DealDocument d) {
      return new DocumentDto(
          d.id(),
          d.dealId(),
          d.version(),
          d.status().name(),
          d.frozen(),
          d.templateId(),
          d.kind(),
          d.templateName(),
          d.templateVersion(),
          d.decisionId(),
          d.clauses(),
          d.terms(),
          d.sha256(),
          d.size(),
          d.filename(),
          d.createdBy(),
          d.createdAt(),
          d.sentAt(),
          d.messageId(),
          d.frozenAt(),
          d.frozenBy());
    }
  }

  @Schema(name = "DealDocumentList")
  public record DocumentList(List<DocumentDto> items) {}

  @Schema(
      name = "SendDocument",
      description =
          "The offer email; subject and body default to the"
              + " decision's draft, else a cover note")
  public record SendRequest(
      @Schema(example = "1") Long mailboxId,
      String subject,
      String body,
      @Schema(description = "Queue even when a policy warns", example = "false")
          Boolean confirmWarnings) {}

  @Schema(name = "DocumentSent")
  public record SentDto(DocumentDto document, @Schema(example = "41") long messageId) {}
}
