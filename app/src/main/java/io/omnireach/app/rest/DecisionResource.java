package io.omnireach.app.rest;

import io.omnireach.app.rest.DealDtos.DecisionDto;
import io.omnireach.deal.Negotiations;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A stored negotiation decision with its trace: why the engine chose what it chose. */
@Path("/decisions")
@Tag(name = "Deals")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class DecisionResource {

  @Inject Negotiations negotiations;
  @Inject CurrentUser current;

  @GET
  @Path("/{id}")
  @Requires(Permission.DEALS_READ)
  @Operation(
      summary = "A decision's trace",
      description =
          "The message, the asks read from it, the playbook version, each rule with its outcome,"
              + " the alternatives rejected and why, the action, terms and draft, and who"
              + " approved (the person who completed the approval task).")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DecisionDto.class),
              examples =
                  @ExampleObject(
                      name = "trace",
                      value =
                          "{\"id\":4,\"dealId\":12,\"action\":\"counter\",\"terms\":"
                              + "{\"discountPercent\":5,\"termMonths\":24,\"total\":950.00},"
                              + "\"trace\":{\"message\":\"We need 40% off.\",\"ask\":"
                              + "{\"discountPercent\":40.00},\"playbookVersion\":1,\"rules\":"
                              + "[{\"rule\":\"requested discount\",\"outcome\":\"triggered\","
                              + "\"detail\":\"40 % is above the limit of 15 %.\"}],"
                              + "\"alternatives\":[{\"option\":\"Accept 40 % off\","
                              + "\"rejectedBecause\":\"above the limit of 15 % — never offered,"
                              + " whoever asks\"}],\"summary\":\"Countered with 5 % off on a"
                              + " 24-month contract.\"},\"draftGenerator\":\"offline\","
                              + "\"taskId\":null,\"approvedBy\":null,\"createdBy\":"
                              + "\"rep@acme.example\",\"createdAt\":\"2026-12-06T10:00:00Z\"}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public DecisionDto get(@Parameter(description = "Decision id") @PathParam("id") long id) {
    return DecisionDto.of(negotiations.get(current.tenant(), id));
  }
}
