package io.omnireach.app.rest;

import io.omnireach.app.rest.GraphDtos.ConnectionDto;
import io.omnireach.app.rest.GraphDtos.ConnectionInput;
import io.omnireach.common.DomainException;
import io.omnireach.graph.EdgeKind;
import io.omnireach.graph.RelationshipGraph;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
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

/** A lead's manual connections (knows, introduced_by). */
@Path("/leads/{leadId}/connections")
@Tag(name = "Leads")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class LeadConnectionResource {

  static final String CONNECTION_EXAMPLE =
      "{\"id\":5,\"kind\":\"introduced_by\",\"leadId\":43,\"peerLeadId\":42,"
          + "\"peerUserId\":null,\"peerLabel\":\"Hank Scorpio\",\"note\":\"Intro at the"
          + " March offsite\",\"createdBy\":\"elena@acme.example\","
          + "\"createdAt\":\"2026-03-14T10:00:00Z\"}";

  @Inject RelationshipGraph graph;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.LEADS_READ)
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
  @Requires(Permission.LEADS_WRITE)
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
  @Path("/{connectionId}")
  @Requires(Permission.LEADS_WRITE)
  @Operation(summary = "Remove a manual connection")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response disconnect(
      @PathParam("leadId") long leadId, @PathParam("connectionId") long connectionId) {
    graph.disconnect(current.tenant(), leadId, connectionId);
    return Response.noContent().build();
  }
}
