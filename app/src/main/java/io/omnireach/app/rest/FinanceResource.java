package io.omnireach.app.rest;

import io.omnireach.app.rest.BillingDtos.FinanceDto;
import io.omnireach.app.rest.BillingDtos.InvoiceDto;
import io.omnireach.billing.InvoiceStatus;
import io.omnireach.billing.finance.FinanceReport;
import io.omnireach.billing.invoice.Invoices;
import io.omnireach.common.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
          + "\"ai_input_tokens\":0},\"invoiceId\":17,\"invoiceNumber\":\"DEMO-2026-000003\","
          + "\"invoiceStatus\":\"OPEN\",\"settleable\":true,\"invoiceTotal\":13140,\"wholesaleCost\":7070,"
          + "\"retailRevenue\":13140,\"margin\":6070,\"currency\":\"USD\"}],"
          + "\"totals\":{\"invoiceTotal\":13140,\"wholesaleCost\":7070,\"retailRevenue\":13140,"
          + "\"margin\":6070,\"usage\":{\"emails_sent\":12000}}}";

  @Inject FinanceReport report;
  @Inject Invoices invoices;
  @Inject CurrentUser current;
  @Inject io.omnireach.audit.AuditLog audit;

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

  @POST
  @Path("/tenants/{tenantId}/invoices/{invoiceId}/{status: paid|void}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record how a hand-sent invoice was settled: paid or void",
      description =
          "For invoices OmniReach issued itself (no Stripe): the issuer records a payment that"
              + " arrived outside OmniReach (e.g. a bank transfer) or cancels the invoice (VOID;"
              + " its number stays used). Only the issuer may: a Reseller for its tenants, the"
              + " Owner for tenants the platform bills directly. Stripe's invoices follow Stripe.")
  @APIResponse(
      responseCode = "200",
      description = "The invoice, now PAID or VOID",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InvoiceDto.class),
              examples =
                  @ExampleObject(
                      name = "paid",
                      value =
                          "{\"id\":17,\"number\":\"DEMO-2026-000003\","
                              + "\"periodStart\":\"2026-03-01\",\"periodEnd\":\"2026-03-31\","
                              + "\"total\":13140,\"currency\":\"USD\",\"status\":\"PAID\","
                              + "\"pdfUrl\":\"/api/v1/billing/invoices/17/pdf\","
                              + "\"source\":\"SELF\"}")))
  @APIResponse(
      responseCode = "404",
      description = "No such tenant among the caller's, or no such invoice",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "409",
      description = "A draft, already settled, Stripe's, or issued by someone else",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "not the issuer",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                              + "\"detail\":\"Invoice DEMO-2026-000003 was issued by the"
                              + " tenant's reseller; only its issuer records how it was settled.\","
                              + "\"field\":\"issuer\"}")))
  public InvoiceDto settle(
      @PathParam("tenantId") long tenantId,
      @PathParam("invoiceId") long invoiceId,
      @Parameter(description = "paid or void", example = "paid") @PathParam("status")
          String status) {
    InvoiceStatus outcome = "paid".equals(status) ? InvoiceStatus.PAID : InvoiceStatus.VOID;
    var settled = invoices.settle(scope(), tenantId, invoiceId, outcome);
    // an issuer's act (Owner or Reseller): the platform's audit log, not the tenant's
    audit.record(
        current.email(),
        null,
        "billing.invoice-settle",
        "tenant " + tenantId + " invoice " + settled.number(),
        outcome.name());
    return InvoiceDto.of(settled);
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
