package io.omnireach.app.rest;

import io.omnireach.app.rest.BillingDtos.PriceSheetDto;
import io.omnireach.app.rest.BillingDtos.PutPricesRequest;
import io.omnireach.app.rest.BillingDtos.RetailPriceRequest;
import io.omnireach.billing.plan.ResellerPrices;
import io.omnireach.common.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A reseller's price sheet: wholesale (what the platform charges it, read-only), retail (what it
 * charges its tenants, editable) and the margin. A Reseller sees only its own; another reseller's
 * id is "not found".
 */
@Path("/resellers/{id}/prices")
@Tag(name = "Finance", description = "Resellers and the Owner: prices, margins, tenants' billing")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"Owner", "Reseller"})
@Produces(MediaType.APPLICATION_JSON)
public class ResellerPriceResource {

  static final String SHEET_EXAMPLE =
      "{\"resellerId\":1,\"resellerName\":\"Demo Reseller\",\"wholesalePlan\":\"STANDARD\","
          + "\"plans\":[{\"plan\":\"TEAM\",\"name\":\"Team\",\"currency\":\"USD\","
          + "\"list\":{\"baseFee\":9900,\"seatPrice\":1900,"
          + "\"usagePer1000Micros\":{\"emails_sent\":1000000}},"
          + "\"wholesale\":{\"baseFee\":6930,\"seatPrice\":1330,"
          + "\"usagePer1000Micros\":{\"emails_sent\":700000}},"
          + "\"retail\":{\"baseFee\":12900,\"seatPrice\":2400,"
          + "\"usagePer1000Micros\":{\"emails_sent\":1200000}},"
          + "\"margin\":{\"baseFee\":5970,\"seatPrice\":1070,"
          + "\"usagePer1000Micros\":{\"emails_sent\":500000}},"
          + "\"retailUpdatedAt\":\"2026-03-02T09:00:00Z\"}]}";

  @Inject ResellerPrices prices;
  @Inject CurrentUser current;
  @Inject io.omnireach.audit.AuditLog audit;

  @GET
  @Operation(
      summary = "The reseller's prices per plan",
      description =
          "List, wholesale (by the reseller's wholesale plan), retail and margin per plan; base"
              + " fee and seat price in minor units, usage prices in micros per 1,000 units.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PriceSheetDto.class),
              examples = @ExampleObject(name = "price sheet", value = SHEET_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public PriceSheetDto get(@Parameter(description = "Reseller id") @PathParam("id") long id) {
    return PriceSheetDto.of(prices.sheet(visible(id)));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set retail prices",
      description =
          "Replaces the retail prices of the plans given (base fee and seat price required; usage"
              + " prices of meters not named stay at the list price). Plans not given keep theirs."
              + " Everything is checked before anything is stored. New prices apply to invoices"
              + " not finalized yet.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PutPricesRequest.class),
              examples =
                  @ExampleObject(
                      name = "team above list",
                      value =
                          "{\"plans\":[{\"plan\":\"TEAM\",\"baseFee\":12900,\"seatPrice\":2400,"
                              + "\"usagePer1000Micros\":{\"emails_sent\":1200000}}]}")))
  @APIResponse(
      responseCode = "200",
      description = "The sheet with the new prices",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "price sheet", value = SHEET_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Unknown plan or meter, a missing or negative price (the field is named)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "unknown plan",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"Unknown plan 'GOLD': one of [FREE, TEAM, SCALE].\","
                              + "\"field\":\"plans[0].plan\"}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public PriceSheetDto put(
      @Parameter(description = "Reseller id") @PathParam("id") long id, PutPricesRequest body) {
    long reseller = visible(id);
    if (body == null || body.plans() == null) {
      throw DomainException.invalid("plans", "A JSON body with a plans array is required.");
    }
    List<ResellerPrices.RetailInput> inputs =
        body.plans().stream()
            .map(
                (RetailPriceRequest p) ->
                    p == null
                        ? null
                        : new ResellerPrices.RetailInput(
                            p.plan(), p.baseFee(), p.seatPrice(), p.usagePer1000Micros()))
            .toList();
    PriceSheetDto sheet = PriceSheetDto.of(prices.setRetail(reseller, inputs, current.email()));
    audit.record(
        current.email(),
        null,
        "billing.retail-prices",
        "reseller " + reseller,
        inputs.size() + " plan prices set");
    return sheet;
  }

  /** The Owner reaches every reseller, a Reseller only its own (others: 404). */
  private long visible(long id) {
    if (current.hasRole("Owner")) {
      return id;
    }
    Long own = current.resellerId();
    if (own == null || own != id) {
      throw DomainException.notFound("No reseller " + id + ".");
    }
    return id;
  }
}
