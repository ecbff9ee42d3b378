package io.omnireach.app.rest;

import io.omnireach.app.rest.GraphDtos.WarmPathDto;
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

/** The shortest warm path from the team to a lead. */
@Path("/leads/{leadId}/warm-path")
@Tag(name = "Leads")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class WarmPathResource {

  static final String PATH_EXAMPLE =
      "{\"leadId\":43,\"found\":true,\"hops\":3,\"maxDepth\":4,\"nodes\":["
          + "{\"id\":\"user:3\",\"kind\":\"user\",\"label\":\"Elena Ruiz\",\"score\":null},"
          + "{\"id\":\"lead:42\",\"kind\":\"lead\",\"label\":\"Hank Scorpio\",\"score\":77},"
          + "{\"id\":\"account:7\",\"kind\":\"account\",\"label\":\"Globex Corporation\","
          + "\"score\":62},"
          + "{\"id\":\"lead:43\",\"kind\":\"lead\",\"label\":\"Jane Doe\",\"score\":12}],"
          + "\"edges\":["
          + "{\"source\":\"user:3\",\"target\":\"lead:42\",\"kind\":\"replied\","
          + "\"strength\":0.5,\"count\":1,\"lastAt\":\"2026-03-12T09:41:00Z\"},"
          + "{\"source\":\"lead:42\",\"target\":\"account:7\",\"kind\":\"works_at\","
          + "\"strength\":1.0,\"count\":1,\"lastAt\":null},"
          + "{\"source\":\"account:7\",\"target\":\"lead:43\",\"kind\":\"works_at\","
          + "\"strength\":1.0,\"count\":1,\"lastAt\":null}]}";

  @Inject RelationshipGraph graph;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.LEADS_READ)
  @Operation(
      summary = "The shortest warm path from the team to a lead",
      description =
          "Fewest hops (then the strongest edges) from a current member of the workspace to the"
              + " lead, over warm edges only: a reply, a meeting, knows, introduced_by, and"
              + " colleagues at the same account (works_at). An email without reply is cold and"
              + " not used. At most "
              + RelationshipGraph.MAX_DEPTH
              + " hops; found is false when there is no such path. Nodes run from our user to"
              + " the lead; each edge's source and target follow that order.")
  @APIResponse(
      responseCode = "200",
      description = "The path, or found=false",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WarmPathDto.class),
              examples = {
                @ExampleObject(name = "through a colleague", value = PATH_EXAMPLE),
                @ExampleObject(
                    name = "none",
                    value =
                        "{\"leadId\":44,\"found\":false,\"hops\":0,\"maxDepth\":4,"
                            + "\"nodes\":[],\"edges\":[]}")
              }))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public WarmPathDto warmPath(
      @Parameter(description = "Lead id") @PathParam("leadId") long leadId) {
    return WarmPathDto.of(graph.warmPath(current.tenant(), leadId), RelationshipGraph.MAX_DEPTH);
  }
}
