package io.omnireach.app.rest;

import io.omnireach.app.rest.AuditDtos.EntryDto;
import io.omnireach.app.rest.AuditDtos.PageDto;
import io.omnireach.app.rest.AuditDtos.VerifyAllDto;
import io.omnireach.app.rest.AuditDtos.VerifyDto;
import io.omnireach.audit.AuditLog;
import io.omnireach.audit.AuditQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The whole platform's audit log for the Owner: every tenant's entries and the platform's own. */
@Path("/platform")
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
@RolesAllowed("Owner")
public class PlatformAuditResource {

  @Inject AuditLog audit;

  @GET
  @Path("/audit")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Search the platform's audit log (Owner)",
      description = "tenant narrows to one tenant's entries." + AuditFilters.FILTERS_DOC)
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PageDto.class),
              examples = @ExampleObject(name = "one entry", value = AuditResource.PAGE_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "A bad date, page or size",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "bad date", value = AuditFilters.BAD_DATE_EXAMPLE)))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public PageDto list(
      @Parameter(description = "Tenant slug", example = "acme") @QueryParam("tenant") String tenant,
      @Parameter(example = "2026-12-01") @QueryParam("from") String from,
      @Parameter(example = "2026-12-31") @QueryParam("to") String to,
      @Parameter(example = "owner@omnireach.demo") @QueryParam("actor") String actor,
      @Parameter(example = "tenant.") @QueryParam("action") String action,
      @Parameter(description = "0-based", example = "0") @QueryParam("page") Integer page,
      @Parameter(description = "1–200, default 50", example = "50") @QueryParam("size")
          Integer size) {
    AuditQuery q = AuditFilters.query(blankToNull(tenant), from, to, actor, action, page, size);
    AuditLog.Page result = audit.search(q);
    return new PageDto(
        result.items().stream().map(EntryDto::of).toList(), q.page(), q.size(), result.more());
  }

  @GET
  @Path("/audit.csv")
  @Produces("text/csv")
  @Operation(summary = "The platform's audit log as CSV (Owner)", description = "Same filters.")
  @APIResponse(
      responseCode = "200",
      description = "CSV",
      content =
          @Content(
              mediaType = "text/csv",
              examples = @ExampleObject(name = "csv", value = AuditFilters.CSV_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "A bad date")
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public Response csv(
      @QueryParam("tenant") String tenant,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action) {
    return AuditFilters.csv(
        audit,
        AuditFilters.query(blankToNull(tenant), from, to, actor, action, 0, 1),
        "audit-platform.csv");
  }

  @GET
  @Path("/audit/verify")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Verify every hash chain (Owner)",
      description = "Each tenant's chain and the platform's own (tenant null).")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = VerifyAllDto.class),
              examples =
                  @ExampleObject(
                      name = "intact",
                      value =
                          "{\"ok\":true,\"rows\":120,\"chains\":[{\"ok\":true,\"rows\":2,"
                              + "\"tenant\":null},"
                              + AuditResource.VERIFY_OK_EXAMPLE
                              + "]}")))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public VerifyAllDto verify() {
    List<VerifyDto> chains = audit.chains().stream().map(audit::verify).map(VerifyDto::of).toList();
    return new VerifyAllDto(
        chains.stream().allMatch(VerifyDto::ok),
        chains.stream().mapToLong(VerifyDto::rows).sum(),
        chains);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
