package io.omnireach.app.rest;

import io.omnireach.app.rest.BillingDtos.PlanDto;
import io.omnireach.billing.plan.PlanOverview;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's plan: what it includes and costs, and this month's usage against its limits. */
@Path("/billing/plan")
@Tag(name = "Billing", description = "Plan, limits, invoices (tenant Admin and Finance)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class BillingPlanResource {

  static final String EXAMPLE =
      "{\"plan\":\"TEAM\",\"name\":\"Team\",\"currency\":\"USD\",\"baseFee\":12900,"
          + "\"seats\":{\"used\":7,\"included\":5,\"limit\":25,\"price\":2400},"
          + "\"billedBy\":\"Demo Reseller\",\"period\":\"2026-03\",\"resetsOn\":\"2026-04-01\","
          + "\"meters\":[{\"meter\":\"emails_sent\",\"label\":\"Emails sent\",\"unit\":\"email\","
          + "\"used\":8200,\"included\":10000,\"softLimit\":8000,\"hardLimit\":25000,"
          + "\"unitPricePer1000Micros\":1200000,\"overage\":0,\"state\":\"WARNING\","
          + "\"message\":\"8,200 of the 10,000 emails included this month are used (82 %).\"}],"
          + "\"warnings\":[\"8,200 of the 10,000 emails included this month are used (82 %).\"]}";

  @Inject PlanOverview plans;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.BILLING_READ)
  @Operation(
      summary = "The plan and this month's usage against its limits",
      description =
          "Base fee and seat price as this workspace pays them (its reseller's retail prices, or"
              + " list prices), included seats and seat limit, and per meter: used this calendar"
              + " month (UTC), included quantity, soft limit (a warning, 80 % of the included"
              + " quantity by default), hard limit (sending stops there) and the usage price per"
              + " 1,000 units in micros. state is OK, WARNING, OVERAGE (billed beyond the included"
              + " quantity) or LIMIT_REACHED; warnings lists the messages of the others.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PlanDto.class),
              examples =
                  @ExampleObject(name = "team plan near its email allowance", value = EXAMPLE)))
  @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHORIZED)
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public PlanDto plan() {
    return PlanDto.of(plans.of(current.tenant()));
  }
}
