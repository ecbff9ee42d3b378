package io.omnireach.app.rest;

import io.omnireach.app.rest.BillingUsageDtos.UsageDto;
import io.omnireach.billing.UsagePeriod;
import io.omnireach.billing.UsageReports;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.UsageCsv;
import io.omnireach.usage.UsageExport;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's tenant's metered usage (the tenant comes from the token, never a parameter), for
 * Admins and Finance. Totals are exact the moment an action committed: the hourly roll-up plus the
 * events not rolled up yet.
 */
@Path("/billing")
@Tag(name = "Billing", description = "Usage per meter against the plan, exports (Admin, Finance)")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class BillingUsageResource {

  static final String EXAMPLE =
      "{\"from\":\"2026-11-01\",\"to\":\"2026-11-30\",\"meters\":["
          + "{\"meter\":\"emails_sent\",\"label\":\"Emails sent\",\"quantity\":8100,"
          + "\"included\":10000,\"unit\":\"email\",\"amount\":0,\"currency\":\"USD\"},"
          + "{\"meter\":\"active_seats\",\"label\":\"Active seats\",\"quantity\":6,"
          + "\"included\":25,\"unit\":\"seat\",\"amount\":0,\"currency\":\"USD\"},"
          + "{\"meter\":\"…\"}],"
          + "\"days\":[{\"day\":\"2026-11-03\",\"meter\":\"emails_sent\",\"quantity\":120},"
          + "{\"day\":\"2026-11-03\",\"meter\":\"active_seats\",\"quantity\":6}]}";

  static final String BAD_RANGE =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"'to' (2026-10-01) is before 'from' (2026-11-01): give an ascending"
          + " range.\",\"field\":\"to\"}";

  @Inject UsageReports reports;
  @Inject UsageExport export;
  @Inject CurrentUser current;
  @Inject Clock clock;

  @GET
  @Path("/usage")
  @Produces(MediaType.APPLICATION_JSON)
  @Requires(Permission.BILLING_READ)
  @Operation(
      summary = "Usage per meter against what the plan includes, and per day",
      description =
          "UTC days from 'from' to 'to', both included, at most 366 days. Without 'from': the"
              + " current calendar month (UTC); without 'to': the last day of from's month."
              + " Emails sent count once per message (a retried or recovered send is not counted"
              + " again), workflow steps once per finished step, AI calls and tokens once per"
              + " call; active_seats and leads_stored are daily snapshots and show the period's"
              + " peak.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UsageDto.class),
              examples = @ExampleObject(name = "a month", value = EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "A date that is not yyyy-MM-dd, a reversed range or one over 366 days",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "reversed", value = BAD_RANGE)))
  @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHORIZED)
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public UsageDto usage(
      @Parameter(description = "First UTC day, yyyy-MM-dd", example = "2026-11-01")
          @QueryParam("from")
          String from,
      @Parameter(description = "Last UTC day (included), yyyy-MM-dd", example = "2026-11-30")
          @QueryParam("to")
          String to) {
    TenantRef tenant = current.tenant();
    return UsageDto.of(reports.report(tenant.id(), UsagePeriod.parse(from, to, clock)));
  }

  @GET
  @Path("/usage.csv")
  @Produces("text/csv")
  @Requires(Permission.BILLING_READ)
  @Operation(
      summary = "Export usage as CSV",
      description =
          "One row per UTC day and meter (by=day), or per day, meter and workflow (by=workflow)"
              + " or user (by=user) where the meter knows one; usage that names none is one row"
              + " with empty workflow_id/user_id. Quantities are summed per row (snapshot"
              + " meters: that day's snapshot). Text cells starting with = + - @ are prefixed"
              + " with ' so spreadsheets do not run them as formulas. Same range rules as"
              + " GET /billing/usage.")
  @APIResponse(
      responseCode = "200",
      description = "CSV with a header row",
      content =
          @Content(
              mediaType = "text/csv",
              examples = {
                @ExampleObject(
                    name = "by day",
                    value =
                        "day,meter,unit,quantity\r\n2026-11-03,emails_sent,email,120\r\n"
                            + "2026-11-03,workflow_steps,step,310\r\n"),
                @ExampleObject(
                    name = "by workflow",
                    value =
                        "day,meter,unit,workflow_id,workflow,quantity\r\n"
                            + "2026-11-03,emails_sent,email,,,120\r\n"
                            + "2026-11-03,workflow_steps,step,4,Onboarding,310\r\n")
              }))
  @APIResponse(
      responseCode = "400",
      description = "A bad date or range, or 'by' other than day, workflow or user",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples = @ExampleObject(name = "reversed", value = BAD_RANGE)))
  @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHORIZED)
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public Response csv(
      @Parameter(description = "First UTC day, yyyy-MM-dd", example = "2026-11-01")
          @QueryParam("from")
          String from,
      @Parameter(description = "Last UTC day (included), yyyy-MM-dd", example = "2026-11-30")
          @QueryParam("to")
          String to,
      @Parameter(
              description = "Breakdown: day (default), workflow or user",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"day", "workflow", "user"},
                      defaultValue = "day"))
          @QueryParam("by")
          String by) {
    TenantRef tenant = current.tenant();
    UsageExport.By breakdown =
        by == null || by.isBlank()
            ? UsageExport.By.DAY
            : UsageExport.By.of(by)
                .orElseThrow(
                    () -> DomainException.invalid("by", "'by' must be day, workflow or user."));
    UsagePeriod period = UsagePeriod.parse(from, to, clock);
    // read before the response starts, so a failure is a problem+json, not a cut-off file
    List<UsageExport.Row> rows = export.rows(tenant, period.start(), period.end(), breakdown);
    StreamingOutput body =
        out -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          UsageCsv.write(writer, breakdown, rows);
          writer.flush();
        };
    String name =
        "usage-" + period.from() + "-to-" + period.to() + "-by-" + breakdown.key() + ".csv";
    return Response.ok(body, "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }
}
