package io.omnireach.app.rest;

import io.omnireach.app.rest.DealDocumentDtos.AllowedClauses;
import io.omnireach.deal.Clauses;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The price book's allowed clauses of a product (keys of the clause library). */
@Path("/products/{id}/clauses")
@Tag(name = "Deals")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class ProductClauseResource {

  private static final String EXAMPLE = "{\"clauseKeys\":[\"liability-cap\",\"sla\"]}";

  @Inject Clauses clauses;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.DEALS_READ)
  @Operation(summary = "A product's allowed clauses")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AllowedClauses.class),
              examples = @ExampleObject(name = "allowed", value = EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public AllowedClauses get(@Parameter(description = "Product id") @PathParam("id") long id) {
    return new AllowedClauses(clauses.allowed(current.tenant(), id));
  }

  @PUT
  @Requires(Permission.DEALS_CONFIGURE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set a product's allowed clauses",
      description =
          "Replaces the list. A deal document may print only clauses that a product on the deal"
              + " allows (422 otherwise).")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AllowedClauses.class),
              examples = @ExampleObject(name = "allow", value = EXAMPLE)))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AllowedClauses.class),
              examples = @ExampleObject(name = "allowed", value = EXAMPLE)))
  @APIResponse(
      responseCode = "422",
      description = "A key is not in the library",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "unknown clause",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\","
                              + "\"status\":422,\"detail\":\"No clause 'sla' in the clause"
                              + " library.\",\"field\":\"clauseKeys\"}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public AllowedClauses put(
      @Parameter(description = "Product id") @PathParam("id") long id, AllowedClauses body) {
    return new AllowedClauses(
        clauses.allow(
            current.tenant(), id, body == null ? null : body.clauseKeys(), current.email()));
  }
}
