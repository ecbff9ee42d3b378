package io.omnireach.app.rest;

import io.omnireach.app.rest.ReplyDtos.PollDto;
import io.omnireach.channel.Mailboxes;
import io.omnireach.channel.inbound.ImapPoller;
import io.omnireach.common.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reads a mailbox's IMAP inbox now instead of waiting for the scheduled poll. */
@Path("/mailboxes/{id}/poll")
@Tag(name = "Mailboxes")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MailboxPollResource {

  @Inject ImapPoller poller;
  @Inject Mailboxes mailboxes;
  @Inject CurrentUser current;

  @POST
  @RolesAllowed({"Admin", "Sales"})
  @Operation(summary = "Poll the mailbox's IMAP inbox now; returns the counts")
  public PollDto poll(@PathParam("id") long id) {
    mailboxes.get(current.tenant(), id); // 404 for another tenant's or an unknown mailbox
    try {
      return PollDto.of(poller.poll(current.tenant(), id));
    } catch (IllegalStateException e) {
      throw DomainException.invalid("imapHost", e.getMessage());
    }
  }
}
