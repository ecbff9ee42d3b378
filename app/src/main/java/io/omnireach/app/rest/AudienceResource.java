package io.omnireach.app.rest;

import io.omnireach.app.rest.IntegrationDtos.AudienceDto;
import io.omnireach.app.rest.IntegrationDtos.AudienceRequest;
import io.omnireach.app.rest.IntegrationDtos.SyncDto;
import io.omnireach.common.DomainException;
import io.omnireach.integration.Audiences;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Retargeting audiences: a workflow segment's consenting leads synced, hashed, to an ad platform.
 * Admins only.
 */
@Path("/audiences")
@Tag(name = "Integrations")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
@Requires(Permission.INTEGRATIONS_MANAGE)
public class AudienceResource {

  private static final String SYNC_EXAMPLE =
      "{\"id\":7,\"startedAt\":\"2026-12-01T10:00:00Z\",\"finishedAt\":\"2026-12-01T10:00:02Z\","
          + "\"status\":\"succeeded\",\"added\":120,\"removed\":3,\"skippedNoConsent\":41,"
          + "\"triggeredBy\":\"admin@acme.example\"}";
  private static final String AUDIENCE_EXAMPLE =
      "{\"id\":2,\"name\":\"Trial nurture — retarget\",\"workflowId\":12,"
          + "\"workflowName\":\"Trial nurture\",\"segment\":\"enrolled\",\"adapter\":\"meta\","
          + "\"adapterLabel\":\"Meta custom audience\",\"externalAudienceId\":\"23851234567890123\","
          + "\"tokenLast4\":\"ZD3x\",\"status\":\"active\",\"lastSyncAt\":\"2026-12-01T10:00:02Z\","
          + "\"members\":117,\"lastSync\":"
          + SYNC_EXAMPLE
          + "}";
  private static final String BAD_REQUEST =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"The ad platform's audience id is a number (e.g. 23851234567890).\","
          + "\"field\":\"externalAudienceId\"}";

  @Inject Audiences audiences;
  @Inject CurrentUser current;

  @GET
  @Operation(summary = "List audiences", description = "Tokens are shown by their last four.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AudienceDto.class, type = SchemaType.ARRAY),
              examples = @ExampleObject(name = "one", value = "[" + AUDIENCE_EXAMPLE + "]")))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public List<AudienceDto> list() {
    return audiences.list(current.tenant()).stream().map(AudienceDto::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add an audience",
      description =
          "Syncs the leads of a workflow (enrolled, active or completed) to the ad platform's"
              + " audience: emails and phones normalised and SHA-256 hashed, only leads whose"
              + " advertising consent is granted, never do-not-contact or suppressed ones. Meta"
              + " custom audiences (adapter meta) ship built in. The token is stored encrypted.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AudienceRequest.class),
              examples =
                  @ExampleObject(
                      name = "meta",
                      value =
                          "{\"name\":\"Trial nurture — retarget\",\"workflowId\":12,"
                              + "\"segment\":\"enrolled\",\"adapter\":\"meta\","
                              + "\"externalAudienceId\":\"23851234567890123\","
                              + "\"accessToken\":\"EAAB…\"}")))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AudienceDto.class),
              examples = @ExampleObject(name = "created", value = AUDIENCE_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid field",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "audience id", value = BAD_REQUEST)))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public Response create(AudienceRequest body) {
    if (body == null) {
      throw DomainException.invalid(null, "Send the audience as a JSON object.");
    }
    AudienceDto created =
        AudienceDto.of(audiences.create(current.tenant(), body.draft(), current.email()));
    return Response.created(URI.create("audiences/" + created.id())).entity(created).build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read an audience")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AudienceDto.class),
              examples = @ExampleObject(name = "audience", value = AUDIENCE_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public AudienceDto get(@PathParam("id") long id) {
    return AudienceDto.of(audiences.get(current.tenant(), id));
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change an audience", description = "Fields left out stay as they are.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AudienceRequest.class),
              examples = @ExampleObject(name = "pause", value = "{\"status\":\"paused\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Changed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AudienceDto.class),
              examples = @ExampleObject(name = "audience", value = AUDIENCE_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid field",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "audience id", value = BAD_REQUEST)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public AudienceDto update(@PathParam("id") long id, AudienceRequest body) {
    if (body == null) {
      throw DomainException.invalid(null, "Send the changes as a JSON object.");
    }
    return AudienceDto.of(audiences.update(current.tenant(), id, body.draft(), current.email()));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Delete an audience",
      description = "Stops syncing; the ad platform's audience itself is left as it is.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response delete(@PathParam("id") long id) {
    audiences.delete(current.tenant(), id, current.email());
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/sync")
  @Operation(
      summary = "Sync now",
      description =
          "Adds the segment's consenting leads that joined, removes those that left or withdrew"
              + " consent. A refusal by the platform is recorded as a failed sync (200 with"
              + " status failed and the reason). 409 while another sync of it runs.")
  @APIResponse(
      responseCode = "200",
      description = "The sync's record",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SyncDto.class),
              examples = @ExampleObject(name = "succeeded", value = SYNC_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "A sync of this audience is running",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "running",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                              + "\"detail\":\"Audience 2 is being synced already.\","
                              + "\"field\":\"audience\"}")))
  public SyncDto sync(@PathParam("id") long id) {
    return SyncDto.of(audiences.sync(current.tenant(), id, current.email()));
  }

  @GET
  @Path("{id}/syncs")
  @Operation(summary = "The audience's syncs, newest first")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SyncDto.class, type = SchemaType.ARRAY),
              examples = @ExampleObject(name = "one", value = "[" + SYNC_EXAMPLE + "]")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public List<SyncDto> syncs(@PathParam("id") long id) {
    return audiences.syncs(current.tenant(), id, 50).stream().map(SyncDto::of).toList();
  }
}
