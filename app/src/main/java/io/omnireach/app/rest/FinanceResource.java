package io.omnireach.app.rest;

import io.omnireach.app.rest.BillingDtos.FinanceDto;
import io.omnireach.billing.finance.FinanceReport;
import io.omnireach.common.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The finance desk: each tenant's month — usage, what it is billed, what the platform bills the
 * reseller for it, the margin. A Reseller sees its own tenants, the Owner all of them.
 */
@Path("/finance")
@Tag(name = "Finance")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"Owner", "Reseller"})
public class FinanceResource {

  static final String EXAMPLE =
      "{\"month\":\"2026-03\",\"currency\":\"USD\",\"tenants\":[{\"tenantId\":3,"
          + "\"slug\":\"acme\",\"name\":\"Acme Demo\",\"plan\":\"TEAM\",\"resellerId\":1,"
          + "\"reseller\":\"Demo Reseller\",\"usage\":{\"emails_sent\":12000,"
          + "\"ai_input_tokens\":0},\"invoiceNumber\":\"DEMO-2026-000003\","
          + "\"invoiceStatus\":\"OPEN\",\"invoiceTotal\":13140,\"wholesaleCost\":7070,"
          + "\"retailRevenue\":13140,\"margin\":6070,\"currency\":\"USD\"}],"
          + "\"totals\":{\"invoiceTotal\":13140,\"wholesaleCost\":7070,\"retailRevenue\":13140,"
          + "\"margin\":6070,\"usage\":{\"emails_sent\":12000}}}";

  @Inject FinanceReport report;
  @Inject CurrentUser current;

  @GET
  @Path("/tenants")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Tenants' usage, invoices, wholesale cost and margin for a month",
      description =
          "month is YYYY-MM (UTC; default the current month, never a future one). invoiceTotal is"
              + " the finalized invoice's total, or for a month not finalized what it comes to so"
              + " far (invoiceStatus DRAFT). wholesaleCost is what the platform bills the reseller"
              + " for the tenant (its wholesale price list); null for tenants the platform bills"
              + " directly (Owner view). Amounts in minor units.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FinanceDto.class),
              examples = @ExampleObject(name = "one tenant", value = EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "month is not YYYY-MM or has not begun",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "bad month",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"month must be YYYY-MM, e.g. 2026-03.\","
                              + "\"field\":\"month\"}")))
  public FinanceDto tenants(
      @Parameter(description = "YYYY-MM", example = "2026-03") @QueryParam("month") String month) {
    return FinanceDto.of(report.report(scope(), month(month)));
  }

  @GET
  @Path("/tenants.csv")
  @Produces("text/csv")
  @Operation(
      summary = "The same as CSV",
      description = "One row per tenant and a TOTAL row; amounts in minor units.")
  @APIResponse(
      responseCode = "200",
      description = "CSV",
      content =
          @Content(
              mediaType = "text/csv",
              examples =
                  @ExampleObject(
                      name = "csv",
                      value =
                          "month,tenant,name,reseller,plan,emails_sent,…,invoice_number,"
                              + "invoice_status,currency,retail_minor,wholesale_minor,"
                              + "margin_minor\n2026-03,acme,\"Acme Demo\",\"Demo Reseller\","
                              + "TEAM,12000,…,DEMO-2026-000003,OPEN,USD,13140,7070,6070\n")))
  @APIResponse(responseCode = "400", description = "month is not YYYY-MM or has not begun")
  public Response csv(@QueryParam("month") String month) {
    FinanceReport.Report r = report.report(scope(), month(month));
    return Response.ok(
            FinanceReport.csv(r).getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"finance-" + r.month() + ".csv\"")
        .build();
  }

  private static YearMonth month(String month) {
    if (month == null || month.isBlank()) {
      return YearMonth.now(ZoneOffset.UTC);
    }
    try {
      return YearMonth.parse(month.trim());
    } catch (DateTimeParseException e) {
      throw DomainException.invalid("month", "month must be YYYY-MM, e.g. 2026-03.");
    }
  }

  /** Null for the Owner (all tenants), the reseller's id for a Reseller. */
  private Long scope() {
    if (current.hasRole("Owner")) {
      return null;
    }
    Long reseller = current.resellerId();
    if (reseller == null) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN, "This account is not linked to a reseller.");
    }
    return reseller;
  }
}
