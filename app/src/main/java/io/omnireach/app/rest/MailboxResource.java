package io.omnireach.app.rest;

import io.omnireach.app.rest.ChannelDtos.MailboxDto;
import io.omnireach.app.rest.ChannelDtos.MailboxList;
import io.omnireach.app.rest.ChannelDtos.MailboxRequest;
import io.omnireach.channel.Mailboxes;
import io.omnireach.common.DomainException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sending mailboxes of the caller's tenant. Everyone reads; only Admins add and remove. */
@Path("/mailboxes")
@Tag(name = "Mailboxes", description = "SMTP mailboxes that email is sent from")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MailboxResource {

  @Inject Mailboxes mailboxes;
  @Inject CurrentUser current;

  @GET
  @RolesAllowed({"Admin", "Sales", "Viewer"})
  @Operation(summary = "List the tenant's mailboxes (without passwords)")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MailboxList.class)))
  public MailboxList list() {
    return new MailboxList(mailboxes.list(current.tenant()).stream().map(MailboxDto::of).toList());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({"Admin", "Sales", "Viewer"})
  @Operation(summary = "Get one mailbox (without password)")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MailboxDto.class)))
  @APIResponse(responseCode = "404", description = "No such mailbox in this tenant")
  public MailboxDto get(@PathParam("id") long id) {
    return MailboxDto.of(mailboxes.get(current.tenant(), id));
  }

  @POST
  @RolesAllowed("Admin")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a mailbox",
      description =
          "The password is stored encrypted and never returned. Hosts that resolve to loopback,"
              + " link-local or private addresses are refused unless the operator allows them.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MailboxDto.class)))
  @APIResponse(responseCode = "400", description = "Invalid field (named in field)")
  @APIResponse(responseCode = "409", description = "Name taken in this tenant")
  public Response create(MailboxRequest body) {
    if (body == null) {
      throw DomainException.invalid("name", "name is required.");
    }
    MailboxDto created =
        MailboxDto.of(mailboxes.create(current.tenant(), body.draft(), current.email()));
    return Response.created(URI.create("mailboxes/" + created.id())).entity(created).build();
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed("Admin")
  @Operation(summary = "Remove a mailbox; queued messages of it then fail as MAILBOX_DELETED")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such mailbox in this tenant")
  public Response delete(@PathParam("id") long id) {
    mailboxes.delete(current.tenant(), id, current.email());
    return Response.noContent().build();
  }
}
