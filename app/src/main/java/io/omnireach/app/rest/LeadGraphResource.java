package io.omnireach.app.rest;

import io.omnireach.app.rest.GraphDtos.ConnectionDto;
import io.omnireach.app.rest.GraphDtos.ConnectionInput;
import io.omnireach.app.rest.GraphDtos.GraphDto;
import io.omnireach.app.rest.GraphDtos.WarmPathDto;
import io.omnireach.common.DomainException;
import io.omnireach.graph.EdgeKind;
import io.omnireach.graph.RelationshipGraph;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

/** A lead in the relationship graph: its graph, the warm path to it, its manual connections. */
@Path("/leads/{leadId}")
@Tag(name = "Leads")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class LeadGraphResource {

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

  static final String CONNECTION_EXAMPLE =
      "{\"id\":5,\"kind\":\"introduced_by\",\"leadId\":43,\"peerLeadId\":42,"
          + "\"peerUserId\":null,\"peerLabel\":\"Hank Scorpio\",\"note\":\"Intro at the"
          + " March offsite\",\"createdBy\":\"elena@acme.example\","
          + "\"createdAt\":\"2026-03-14T10:00:00Z\"}";

  @Inject RelationshipGraph graph;
  @Inject CurrentUser current;

  @GET
  @Path("/graph")
  @RolesAllowed({"Admin", "Sales", "Viewer"})
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

  @GET
  @Path("/warm-path")
  @RolesAllowed({"Admin", "Sales", "Viewer"})
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

  @GET
  @Path("/connections")
  @RolesAllowed({"Admin", "Sales", "Viewer"})
  @Operation(
      summary = "A lead's manual connections",
      description = "Both ways round: those of the lead and those naming it as the peer.")
  @APIResponse(
      responseCode = "200",
      description = "Newest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(name = "connections", value = "[" + CONNECTION_EXAMPLE + "]")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public List<ConnectionDto> connections(
      @Parameter(description = "Lead id") @PathParam("leadId") long leadId) {
    return graph.connections(current.tenant(), leadId).stream().map(ConnectionDto::of).toList();
  }

  @POST
  @Path("/connections")
  @RolesAllowed({"Admin", "Sales"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a manual connection",
      description =
          "kind knows: the lead and the peer know each other; introduced_by: the lead was"
              + " introduced by the peer. The peer is another lead of this workspace (leadId) or"
              + " one of its members (userId), exactly one of them.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConnectionInput.class),
              examples = {
                @ExampleObject(
                    name = "introduced by another lead",
                    value =
                        "{\"kind\":\"introduced_by\",\"leadId\":42,"
                            + "\"note\":\"Intro at the March offsite\"}"),
                @ExampleObject(
                    name = "a teammate knows the lead",
                    value = "{\"kind\":\"knows\",\"userId\":3}")
              }))
  @APIResponse(
      responseCode = "201",
      description = "Added",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "connection", value = CONNECTION_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Bad kind, not exactly one peer, the lead itself, or an unknown peer",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "two peers",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"Name exactly one peer: leadId (another lead) or"
                              + " userId (a teammate).\",\"field\":\"leadId\"}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(responseCode = "409", description = "The same connection exists")
  public Response connect(
      @Parameter(description = "Lead id") @PathParam("leadId") long leadId, ConnectionInput body) {
    if (body == null) {
      throw DomainException.invalid("kind", "Send {\"kind\", \"leadId\" or \"userId\"}.");
    }
    ConnectionDto added =
        ConnectionDto.of(
            graph.connect(
                current.tenant(),
                leadId,
                EdgeKind.parseManual(body.kind()),
                body.leadId(),
                body.userId(),
                body.note(),
                current.email()));
    return Response.created(URI.create("leads/" + leadId + "/connections/" + added.id()))
        .entity(added)
        .build();
  }

  @DELETE
  @Path("/connections/{connectionId}")
  @RolesAllowed({"Admin", "Sales"})
  @Operation(summary = "Remove a manual connection")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response disconnect(
      @PathParam("leadId") long leadId, @PathParam("connectionId") long connectionId) {
    graph.disconnect(current.tenant(), leadId, connectionId);
    return Response.noContent().build();
  }
}
