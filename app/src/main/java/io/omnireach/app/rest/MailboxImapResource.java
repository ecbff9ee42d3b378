package io.omnireach.app.rest;

import io.omnireach.app.rest.ReplyDtos.ImapRequest;
import io.omnireach.channel.inbound.ImapMailboxes;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The IMAP settings of a mailbox (replies are read from its INBOX). */
@Path("/mailboxes/{id}/imap")
@Tag(name = "Mailboxes")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class MailboxImapResource {

  @Inject ImapMailboxes imap;
  @Inject CurrentUser current;

  @PUT
  @Requires(Permission.MAILBOXES_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set or clear the IMAP settings",
      description =
          "The mailbox's stored password is used. The host is checked like the SMTP host.")
  public Response put(@PathParam("id") long id, ImapRequest body) {
    ImapRequest b = body == null ? new ImapRequest(null, null, null, null) : body;
    imap.configure(
        current.tenant(),
        id,
        new ImapMailboxes.Draft(b.host(), b.port(), b.tls(), b.username()),
        current.email());
    return Response.noContent().build();
  }
}
