package io.omnireach.app.rest;

import io.omnireach.app.rest.GraphDtos.GraphDto;
import io.omnireach.graph.RelationshipGraph;
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

/**
 * The relationship graph around a lead (its own path: a root "/leads/{leadId}" would shadow
 * LeadResource).
 */
@Path("/leads/{leadId}/graph")
@Tag(name = "Leads")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class LeadGraphResource {

  @Inject RelationshipGraph graph;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.LEADS_READ)
  @Operation(
      summary = "The relationship graph around a lead",
      description =
          "Its account's graph (as GET /accounts/{id}/graph) with focus on the lead; for a lead"
              + " without an account, the lead with its own edges.")
  @APIResponse(
      responseCode = "200",
      description = "Nodes and edges",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = GraphDto.class),
              examples =
                  @ExampleObject(name = "lead graph", value = AccountResource.GRAPH_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public GraphDto graph(@Parameter(description = "Lead id") @PathParam("leadId") long leadId) {
    return GraphDto.of(graph.lead(current.tenant(), leadId));
  }
}
