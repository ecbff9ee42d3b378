package io.omnireach.app.rest;

import io.omnireach.app.rest.ReplyDtos.PollDto;
import io.omnireach.channel.Mailboxes;
import io.omnireach.channel.inbound.ImapPoller;
import io.omnireach.common.DomainException;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
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

/** Reads a mailbox's IMAP inbox now instead of waiting for the scheduled poll. */
@Path("/mailboxes/{id}/poll")
@Tag(name = "Mailboxes")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class MailboxPollResource {

  @Inject ImapPoller poller;
  @Inject Mailboxes mailboxes;
  @Inject CurrentUser current;

  @POST
  @Requires(Permission.MAILBOXES_POLL)
  @Operation(
      summary = "Poll the mailbox's IMAP inbox now; returns the counts",
      description =
          "Reads the INBOX messages whose UID is above the last one processed (read-only: no"
              + " flag is changed, unread mail stays unread). A new UIDVALIDITY reads the folder"
              + " again; replies are stored once either way. Mail that answers none of our"
              + " messages is counted as unmatched and not stored.")
  @APIResponse(
      responseCode = "200",
      description = "What this poll read",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PollDto.class),
              examples =
                  @ExampleObject(
                      name = "one reply, two other mails",
                      value =
                          "{\"fetched\":3,\"stored\":1,\"duplicates\":0,\"unmatched\":2,"
                              + "\"failed\":0}")))
  @APIResponse(responseCode = "400", description = "The IMAP server cannot be reached or refused")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public PollDto poll(
      @Parameter(description = "Mailbox id", example = "1") @PathParam("id") long id) {
    mailboxes.get(current.tenant(), id); // 404 for another tenant's or an unknown mailbox
    try {
      return PollDto.of(poller.poll(current.tenant(), id));
    } catch (IllegalStateException e) {
      throw DomainException.invalid("imapHost", e.getMessage());
    }
  }
}
