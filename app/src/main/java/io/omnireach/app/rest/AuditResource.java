package io.omnireach.app.rest;

import io.omnireach.app.rest.AuditDtos.EntryDto;
import io.omnireach.app.rest.AuditDtos.PageDto;
import io.omnireach.app.rest.AuditDtos.VerifyDto;
import io.omnireach.audit.AuditLog;
import io.omnireach.audit.AuditQuery;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenant's audit log for its admins: who did what, from where, with before/after summaries.
 * Only the caller's tenant (from the token) is ever read.
 */
@Path("/audit")
@Tag(
    name = "Audit",
    description =
        "Append-only, hash-chained log of sign-ins, settings, role, policy and billing changes,"
            + " exports, deletions and blocked sends")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
@Requires(Permission.AUDIT_READ)
public class AuditResource {

  static final String PAGE_EXAMPLE =
      "{\"items\":[" + AuditFilters.ENTRY_EXAMPLE + "],\"page\":0,\"size\":50,\"more\":false}";
  static final String VERIFY_OK_EXAMPLE = "{\"ok\":true,\"rows\":118,\"tenant\":\"acme\"}";
  static final String VERIFY_BROKEN_EXAMPLE =
      "{\"ok\":false,\"rows\":41,\"tenant\":\"acme\",\"brokenId\":118,\"brokenSeq\":42,"
          + "\"problem\":\"its content does not match its hash\"}";

  @Inject AuditLog audit;
  @Inject CurrentUser current;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Search the tenant's audit log", description = AuditFilters.FILTERS_DOC)
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PageDto.class),
              examples = @ExampleObject(name = "one entry", value = PAGE_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "A bad date, page or size",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "bad date", value = AuditFilters.BAD_DATE_EXAMPLE)))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public PageDto list(
      @Parameter(example = "2026-12-01") @QueryParam("from") String from,
      @Parameter(example = "2026-12-31") @QueryParam("to") String to,
      @Parameter(example = "admin@acme.demo") @QueryParam("actor") String actor,
      @Parameter(example = "policy.") @QueryParam("action") String action,
      @Parameter(description = "0-based", example = "0") @QueryParam("page") Integer page,
      @Parameter(description = "1–200, default 50", example = "50") @QueryParam("size")
          Integer size) {
    AuditQuery q = AuditFilters.query(current.tenant().slug(), from, to, actor, action, page, size);
    AuditLog.Page result = audit.search(q);
    return new PageDto(
        result.items().stream().map(EntryDto::of).toList(), q.page(), q.size(), result.more());
  }

  @GET
  @Path("/verify")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Verify the tenant's hash chain",
      description =
          "Recomputes every entry's hash from its content and the entry before it; reports the"
              + " first entry that was changed, removed or inserted outside the application.")
  @APIResponse(
      responseCode = "200",
      description = "The result (ok false names the first broken entry)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = VerifyDto.class),
              examples = {
                @ExampleObject(name = "intact", value = VERIFY_OK_EXAMPLE),
                @ExampleObject(name = "tampered", value = VERIFY_BROKEN_EXAMPLE)
              }))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public VerifyDto verify() {
    return VerifyDto.of(audit.verify(current.tenant().slug()));
  }
}
