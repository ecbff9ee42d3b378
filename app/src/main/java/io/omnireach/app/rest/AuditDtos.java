package io.omnireach.app.rest;

import io.omnireach.audit.AuditEntry;
import io.omnireach.audit.AuditVerification;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON shapes of the audit API. */
final class AuditDtos {

  private AuditDtos() {}

  @Schema(name = "AuditEntry")
  public record EntryDto(
      long id,
      Instant at,
      @Schema(description = "Who acted: an email, or a system actor") String actor,
      @Schema(description = "Tenant slug; null for platform-level entries") String tenant,
      @Schema(description = "What happened, e.g. user.role, policy.update, auth.sign-in")
          String action,
      @Schema(description = "What it was done to (id, email, host …)") String target,
      @Schema(description = "Short summary before the change") String before,
      @Schema(description = "Short summary after the change") String after,
      @Schema(description = "Client address of the request") String ip,
      @Schema(description = "X-Request-Id of the request") String requestId,
      @Schema(description = "Place in the tenant's hash chain (1, 2, 3 …)") long seq,
      @Schema(description = "SHA-256 over the entry and the previous entry's hash") String hash) {

    static EntryDto of(AuditEntry e) {
      return new EntryDto(
          e.id(),
          e.at(),
          e.actor(),
          e.tenantSlug(),
          e.action(),
          e.target(),
          e.before(),
          e.detail(),
          e.ip(),
          e.requestId(),
          e.seq(),
          e.hash());
    }
  }

  @Schema(name = "AuditPage")
  public record PageDto(List<EntryDto> items, int page, int size, boolean more) {}

  @Schema(name = "AuditVerification")
  public record VerifyDto(
      @Schema(description = "Whether the whole chain recomputes") boolean ok,
      @Schema(description = "Entries checked (up to the first broken one)") long rows,
      @Schema(description = "Tenant slug; null for the platform's own chain") String tenant,
      @Schema(description = "Id of the first entry that does not fit") Long brokenId,
      @Schema(description = "Its place in the chain") Long brokenSeq,
      @Schema(description = "Why it does not fit") String problem) {

    static VerifyDto of(AuditVerification v) {
      return new VerifyDto(
          v.ok(), v.rows(), v.tenantSlug(), v.brokenId(), v.brokenSeq(), v.problem());
    }
  }

  @Schema(name = "AuditVerificationAll")
  public record VerifyAllDto(
      @Schema(description = "Whether every chain recomputes") boolean ok,
      @Schema(description = "Entries checked in all chains") long rows,
      List<VerifyDto> chains) {}
}
