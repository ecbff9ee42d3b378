package io.omnireach.app.rest;

import io.omnireach.app.rest.ChannelDtos.MessageDto;
import io.omnireach.channel.Messages;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Outbound messages of the caller's tenant: status, reason and history. */
@Path("/messages")
@Tag(
    name = "Messages",
    description = "Email and SMS to leads through the outbox; status and history")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class MessageResource {

  @Inject Messages messages;
  @Inject CurrentUser current;

  @GET
  @Path("/{id}")
  @Requires(Permission.LEADS_READ)
  @Operation(summary = "A message's status, reason and events")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MessageDto.class)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public MessageDto get(@PathParam("id") long id) {
    return MessageDto.of(messages.get(current.tenant(), id));
  }
}
