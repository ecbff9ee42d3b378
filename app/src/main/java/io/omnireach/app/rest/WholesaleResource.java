package io.omnireach.app.rest;

import io.omnireach.app.rest.WholesaleDtos.WholesaleInvoiceDetailDto;
import io.omnireach.app.rest.WholesaleDtos.WholesaleInvoiceDto;
import io.omnireach.billing.InvoiceStatus;
import io.omnireach.billing.wholesale.WholesaleInvoiceView;
import io.omnireach.billing.wholesale.WholesaleInvoices;
import io.omnireach.common.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/**
 * Wholesale invoices: what the platform bills a reseller per month for its tenants. The Owner sees
 * every reseller's and records payments; a Reseller sees its own (another reseller's id is "not
 * found"); tenants' users are forbidden.
 */
@Path("/finance/resellers")
@Tag(name = "Finance")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"Owner", "Reseller"})
@Produces(MediaType.APPLICATION_JSON)
public class WholesaleResource {

  static final String ITEM =
      "{\"id\":5,\"resellerId\":1,\"reseller\":\"Demo Reseller\",\"number\":\"ORW-2026-000003\","
          + "\"periodStart\":\"2026-03-01\",\"periodEnd\":\"2026-03-31\",\"status\":\"OPEN\","
          + "\"wholesalePlan\":\"STANDARD\",\"total\":48370,\"currency\":\"USD\",\"tenants\":2,"
          + "\"pdfUrl\":\"/api/v1/finance/resellers/1/invoices/5.pdf\",\"stripeInvoiceId\":null,"
          + "\"hostedUrl\":null,\"finalizedAt\":\"2026-04-01T01:00:00Z\",\"paidAt\":null}";

  static final String LIST_EXAMPLE =
      "[{\"id\":9,\"resellerId\":1,\"reseller\":\"Demo Reseller\",\"number\":null,"
          + "\"periodStart\":\"2026-04-01\",\"periodEnd\":\"2026-04-30\",\"status\":\"DRAFT\","
          + "\"wholesalePlan\":\"STANDARD\",\"total\":13860,\"currency\":\"USD\",\"tenants\":2,"
          + "\"pdfUrl\":\"/api/v1/finance/resellers/1/invoices/9.pdf\",\"stripeInvoiceId\":null,"
          + "\"hostedUrl\":null,\"finalizedAt\":null,\"paidAt\":null},"
          + ITEM
          + "]";

  static final String DETAIL_EXAMPLE =
      "{\"invoice\":"
          + ITEM
          + ",\"lines\":[{\"tenantId\":3,\"tenant\":\"acme\",\"plan\":\"TEAM\","
          + "\"kind\":\"BASE_FEE\",\"description\":\"Team plan, March 2026\",\"meter\":null,"
          + "\"quantity\":1,\"included\":0,\"billable\":1,\"unitPrice\":6930,"
          + "\"unitPricePer1000Micros\":null,\"amount\":6930},{\"tenantId\":3,\"tenant\":\"acme\","
          + "\"plan\":\"TEAM\",\"kind\":\"USAGE\",\"description\":\"Emails sent\","
          + "\"meter\":\"emails_sent\",\"quantity\":12000,\"included\":10000,\"billable\":2000,"
          + "\"unitPrice\":null,\"unitPricePer1000Micros\":700000,\"amount\":140}]}";

  static final String PAID_EXAMPLE =
      "{\"id\":5,\"resellerId\":1,\"reseller\":\"Demo Reseller\",\"number\":\"ORW-2026-000003\","
          + "\"periodStart\":\"2026-03-01\",\"periodEnd\":\"2026-03-31\",\"status\":\"PAID\","
          + "\"wholesalePlan\":\"STANDARD\",\"total\":48370,\"currency\":\"USD\",\"tenants\":2,"
          + "\"pdfUrl\":\"/api/v1/finance/resellers/1/invoices/5.pdf\",\"stripeInvoiceId\":null,"
          + "\"hostedUrl\":null,\"finalizedAt\":\"2026-04-01T01:00:00Z\","
          + "\"paidAt\":\"2026-04-09T10:12:00Z\"}";

  static final String NOT_FOUND_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
          + "\"detail\":\"No reseller 2.\"}";

  @Inject WholesaleInvoices wholesale;
  @Inject CurrentUser current;
  @Inject io.omnireach.audit.AuditLog audit;

  @GET
  @Path("/{resellerId}/invoices")
  @Operation(
      summary = "A reseller's wholesale invoices",
      description =
          "Newest period first. One invoice per calendar month (UTC): per tenant of the reseller"
              + " its base fee, prorations, seats and usage beyond the plan's allowance, priced"
              + " at the reseller's wholesale prices — the same numbers as wholesaleCost in"
              + " /finance/tenants. The running month is a DRAFT recomputed on every read; after"
              + " the month ends the scheduled finalizer numbers it (ORW-<year>-<000001>) and"
              + " freezes it (OPEN), then the Owner records it PAID or VOID (or Stripe does, when"
              + " it was sent to Stripe). A Reseller may read only its own id; amounts in minor"
              + " units.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WholesaleInvoiceDto[].class),
              examples =
                  @ExampleObject(name = "a draft and an open invoice", value = LIST_EXAMPLE)))
  @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHORIZED)
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  @APIResponse(
      responseCode = "404",
      description = "No such reseller, or another reseller's (for a Reseller)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "not yours", value = NOT_FOUND_EXAMPLE)))
  public List<WholesaleInvoiceDto> list(
      @Parameter(description = "Reseller id", example = "1") @PathParam("resellerId")
          long resellerId) {
    return wholesale.list(scope(), resellerId).stream().map(WholesaleInvoiceDto::of).toList();
  }

  @GET
  @Path("/{resellerId}/invoices/{id: [0-9]+}")
  @Operation(summary = "A wholesale invoice with its lines per tenant")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WholesaleInvoiceDetailDto.class),
              examples = @ExampleObject(name = "open invoice", value = DETAIL_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public WholesaleInvoiceDetailDto get(
      @PathParam("resellerId") long resellerId,
      @Parameter(description = "Wholesale invoice id") @PathParam("id") long id) {
    return WholesaleInvoiceDetailDto.of(wholesale.get(scope(), resellerId, id));
  }

  @GET
  @Path("/{resellerId}/invoices/{id: [0-9]+}.pdf")
  @Produces("application/pdf")
  @Operation(
      summary = "A wholesale invoice as PDF",
      description = "In the platform's brand (the platform issues it), each line named by tenant.")
  @APIResponse(
      responseCode = "200",
      description = "The PDF",
      content = @Content(mediaType = "application/pdf"))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response pdf(@PathParam("resellerId") long resellerId, @PathParam("id") long id) {
    Long scope = scope();
    WholesaleInvoiceView invoice = wholesale.get(scope, resellerId, id);
    return Response.ok(wholesale.pdf(scope, resellerId, id), "application/pdf")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + WholesaleInvoices.fileName(invoice) + "\"")
        .build();
  }

  @POST
  @Path("/{resellerId}/invoices/{id: [0-9]+}/{status: paid|void}")
  @RolesAllowed("Owner")
  @Operation(
      summary = "Record how a wholesale invoice was settled: paid or void (Owner)",
      description =
          "For wholesale invoices not sent to Stripe: the Owner records a payment that arrived"
              + " outside OmniReach (e.g. a bank transfer) or cancels the invoice (VOID; its number"
              + " stays used). Only OPEN invoices; an invoice sent to Stripe follows Stripe.")
  @APIResponse(
      responseCode = "200",
      description = "The invoice, now PAID or VOID",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WholesaleInvoiceDto.class),
              examples = @ExampleObject(name = "paid", value = PAID_EXAMPLE)))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "A draft, already settled, or sent to Stripe",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "already paid",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                              + "\"detail\":\"Wholesale invoice ORW-2026-000003 is PAID.\","
                              + "\"field\":\"status\"}")))
  public WholesaleInvoiceDto settle(
      @PathParam("resellerId") long resellerId,
      @PathParam("id") long id,
      @Parameter(description = "paid or void", example = "paid") @PathParam("status")
          String status) {
    InvoiceStatus outcome = "paid".equals(status) ? InvoiceStatus.PAID : InvoiceStatus.VOID;
    WholesaleInvoiceDto settled = WholesaleInvoiceDto.of(wholesale.settle(resellerId, id, outcome));
    audit.record(
        current.email(),
        null,
        "billing.wholesale-settle",
        "reseller " + resellerId + " wholesale invoice " + id,
        outcome.name());
    return settled;
  }

  /** Null for the Owner (any reseller), the caller's reseller for a Reseller. */
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
