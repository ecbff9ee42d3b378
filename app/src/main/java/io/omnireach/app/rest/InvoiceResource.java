package io.omnireach.app.rest;

import io.omnireach.app.rest.BillingDtos.InvoiceDetailDto;
import io.omnireach.app.rest.BillingDtos.InvoiceDto;
import io.omnireach.billing.invoice.InvoiceDocuments;
import io.omnireach.billing.invoice.InvoiceView;
import io.omnireach.billing.invoice.Invoices;
import io.omnireach.tenant.TenantRef;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
 * The caller's invoices: self-made ones per calendar month and those read back from Stripe. Another
 * tenant's invoice is "not found", never "forbidden".
 */
@Path("/billing/invoices")
@Tag(name = "Billing")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
@Requires(Permission.BILLING_READ)
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

  static final String LIST_EXAMPLE =
      "[{\"id\":12,\"number\":null,\"periodStart\":\"2026-04-01\",\"periodEnd\":\"2026-04-30\","
          + "\"total\":12900,\"currency\":\"USD\",\"status\":\"DRAFT\","
          + "\"pdfUrl\":\"/api/v1/billing/invoices/12/pdf\",\"source\":\"SELF\"},"
          + "{\"id\":7,\"number\":\"DEMO-2026-000003\",\"periodStart\":\"2026-03-01\","
          + "\"periodEnd\":\"2026-03-31\",\"total\":13971,\"currency\":\"USD\",\"status\":\"OPEN\","
          + "\"pdfUrl\":\"/api/v1/billing/invoices/7/pdf\",\"source\":\"SELF\"}]";

  static final String DETAIL_EXAMPLE =
      "{\"id\":7,\"number\":\"DEMO-2026-000003\",\"periodStart\":\"2026-03-01\","
          + "\"periodEnd\":\"2026-03-31\",\"total\":13971,\"currency\":\"USD\",\"status\":\"OPEN\","
          + "\"pdfUrl\":\"/api/v1/billing/invoices/7/pdf\",\"source\":\"SELF\",\"plan\":\"TEAM\","
          + "\"billTo\":\"Acme Demo\",\"issuer\":\"reseller:1\","
          + "\"finalizedAt\":\"2026-04-01T01:00:00Z\",\"paidAt\":null,\"hostedUrl\":null,"
          + "\"lines\":[{\"kind\":\"BASE_FEE\",\"description\":\"Team plan, March 2026\","
          + "\"meter\":null,\"quantity\":1,\"included\":0,\"billable\":1,\"unitPrice\":9900,"
          + "\"unitPricePer1000Micros\":null,\"amount\":9900},{\"kind\":\"USAGE\","
          + "\"description\":\"Emails sent\",\"meter\":\"emails_sent\",\"quantity\":12500,"
          + "\"included\":10000,\"billable\":2500,\"unitPrice\":null,"
          + "\"unitPricePer1000Micros\":1000000,\"amount\":250}]}";

  @Inject Invoices invoices;
  @Inject InvoiceDocuments documents;
  @Inject CurrentUser current;

  @GET
  @Operation(
      summary = "List invoices",
      description =
          "Newest period first. The running month's invoice is a DRAFT recomputed from metered"
              + " usage on every read; after the month ends it is finalized (OPEN, numbered per"
              + " issuer and year, lines frozen). Amounts in minor units. pdfUrl is our PDF, or"
              + " Stripe's for invoices issued by Stripe.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InvoiceDto[].class),
              examples =
                  @ExampleObject(name = "a draft and an open invoice", value = LIST_EXAMPLE)))
  @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHORIZED)
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public List<InvoiceDto> list() {
    return invoices.list(current.tenant()).stream().map(InvoiceDto::of).toList();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "An invoice with its lines")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InvoiceDetailDto.class),
              examples = @ExampleObject(name = "open invoice", value = DETAIL_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public InvoiceDetailDto get(@Parameter(description = "Invoice id") @PathParam("id") long id) {
    return InvoiceDetailDto.of(invoices.get(current.tenant(), id));
  }

  @GET
  @Path("/{id}/pdf")
  @Produces("application/pdf")
  @Operation(
      summary = "An invoice as PDF",
      description = "In the brand of the issuer (the workspace's reseller, or the platform).")
  @APIResponse(
      responseCode = "200",
      description = "The PDF",
      content = @Content(mediaType = "application/pdf"))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response pdf(@Parameter(description = "Invoice id") @PathParam("id") long id) {
    TenantRef tenant = current.tenant();
    InvoiceView invoice = invoices.get(tenant, id);
    return Response.ok(documents.pdf(tenant, id), "application/pdf")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + InvoiceDocuments.fileName(invoice) + "\"")
        .build();
  }
}
