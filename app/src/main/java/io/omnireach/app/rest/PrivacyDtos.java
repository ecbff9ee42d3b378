package io.omnireach.app.rest;

import io.omnireach.privacy.PrivacyRequest;
import io.omnireach.privacy.Retention;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON of GDPR exports, erasures and retention settings. */
final class PrivacyDtos {

  static final String TAG = "Privacy (GDPR)";
  static final String TAG_DESCRIPTION =
      "Data-subject requests on a lead: export everything held about the person, erase them"
          + " everywhere (a hashed suppression stays), retention settings. Admin only; audited.";

  static final String EXPORT_EXAMPLE =
      "{\"id\":12,\"kind\":\"EXPORT\",\"leadId\":4711,\"status\":\"COMPLETED\",\"stepsDone\":15,"
          + "\"stepsTotal\":15,\"progress\":1.0,\"counts\":{\"lead\":1,\"messages\":3,"
          + "\"replies\":1},\"error\":null,\"createdAt\":\"2026-12-06T10:00:00Z\","
          + "\"finishedAt\":\"2026-12-06T10:00:02Z\",\"archiveUrl\":"
          + "\"/api/v1/gdpr-exports/12/archive\"}";

  static final String ERASURE_EXAMPLE =
      "{\"id\":13,\"kind\":\"ERASE\",\"leadId\":4711,\"status\":\"RUNNING\",\"stepsDone\":6,"
          + "\"stepsTotal\":15,\"progress\":0.4,\"counts\":{\"suppression\":1,"
          + "\"export_archives\":1,\"ai_calls\":2,\"signals\":1,\"history_embeddings\":4,"
          + "\"graph\":0},\"error\":null,\"createdAt\":\"2026-12-06T10:05:00Z\","
          + "\"finishedAt\":null,\"archiveUrl\":null}";

  static final String RETENTION_EXAMPLE =
      "{\"messageBodyMonths\":24,\"replyBodyMonths\":24,\"aiCacheDays\":30,\"signalDays\":90}";

  private PrivacyDtos() {}

  /** An export or erasure and its progress. */
  @Schema(name = "PrivacyRequest")
  public record RequestDto(
      long id,
      @Schema(enumeration = {"EXPORT", "ERASE"}) String kind,
      long leadId,
      @Schema(enumeration = {"QUEUED", "RUNNING", "COMPLETED", "FAILED"}) String status,
      int stepsDone,
      int stepsTotal,
      @Schema(description = "0 to 1") double progress,
      @Schema(description = "Rows found (export) or removed (erasure) per finished step")
          Map<String, Integer> counts,
      String error,
      Instant createdAt,
      Instant finishedAt,
      @Schema(description = "The zip, once an export is completed") String archiveUrl) {

    static RequestDto of(PrivacyRequest r) {
      return new RequestDto(
          r.id(),
          r.kind().name(),
          r.leadId(),
          r.status().name(),
          r.stepsDone(),
          r.stepsTotal(),
          Math.round(r.progress() * 1000) / 1000.0,
          r.counts(),
          r.error(),
          r.createdAt(),
          r.finishedAt(),
          r.hasArchive() && r.status() == PrivacyRequest.Status.COMPLETED
              ? "/api/v1/gdpr-exports/" + r.id() + "/archive"
              : null);
    }
  }

  /** Retention per tenant; null keeps forever. */
  @Schema(name = "Retention")
  public record RetentionDto(
      @Schema(description = "Blank message bodies and subjects after N months (1–120)")
          Integer messageBodyMonths,
      @Schema(description = "Blank reply bodies and subjects after N months (1–120)")
          Integer replyBodyMonths,
      @Schema(description = "Delete cached AI-generated texts after N days (1–3650)")
          Integer aiCacheDays,
      @Schema(description = "Delete consumed lead signals after N days (1–3650)")
          Integer signalDays) {

    static RetentionDto of(Retention r) {
      return new RetentionDto(
          r.messageBodyMonths(), r.replyBodyMonths(), r.aiCacheDays(), r.signalDays());
    }

    Retention toRetention() {
      return new Retention(messageBodyMonths, replyBodyMonths, aiCacheDays, signalDays);
    }
  }
}
