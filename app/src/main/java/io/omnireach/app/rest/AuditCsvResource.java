package io.omnireach.app.rest;

import io.omnireach.audit.AuditLog;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /audit.csv}: a path of its own, since {@code /audit/…} would not match it. */
@Path("/audit.csv")
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
@Requires(Permission.AUDIT_READ)
public class AuditCsvResource {

  @Inject AuditLog audit;
  @Inject CurrentUser current;

  @GET
  @Produces("text/csv")
  @Operation(
      summary = "The tenant's audit log as CSV",
      description = "Every matching entry (no paging), streamed." + AuditFilters.FILTERS_DOC)
  @APIResponse(
      responseCode = "200",
      description = "CSV",
      content =
          @Content(
              mediaType = "text/csv",
              examples = @ExampleObject(name = "csv", value = AuditFilters.CSV_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "A bad date",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "bad date", value = AuditFilters.BAD_DATE_EXAMPLE)))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public Response csv(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action) {
    String tenant = current.tenant().slug();
    return AuditFilters.csv(
        audit,
        AuditFilters.query(tenant, from, to, actor, action, 0, 1),
        "audit-" + tenant + ".csv");
  }
}
