package io.omnireach.app.rest;

import io.omnireach.app.OutboxDispatcher;
import io.omnireach.app.rest.ChannelDtos.MessageDto;
import io.omnireach.app.rest.ChannelDtos.MessageRequest;
import io.omnireach.channel.MessageView;
import io.omnireach.channel.Messages;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.Meter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Emailing a lead: the message is queued in the outbox and sent by the relay after commit. */
@Path("/leads/{leadId}/messages")
@Tag(name = "Messages", description = "Email to leads through the outbox; status and history")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class LeadMessageResource {

  @Inject Messages messages;
  @Inject OutboxDispatcher dispatcher;
  @Inject CurrentUser current;
  @Inject SendingLimits limits;

  @POST
  @RolesAllowed({"Admin", "Sales"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Email a lead",
      description =
          "Queues the message and returns 202 at once; poll GET /messages/{id}. Before sending,"
              + " do-not-contact, the suppression list and denied email consent are checked: the"
              + " message then ends BLOCKED with the reason. Outside the send window (in the"
              + " lead's time zone), on a tenant holiday, over the mailbox's daily cap or too soon"
              + " after its previous send it waits (notBefore, a DEFERRED event). Transient"
              + " failures are retried with backoff. inReplyToMessageId makes it a follow-up in"
              + " that message's thread (subject defaults to \"Re: …\"). A repeated"
              + " Idempotency-Key returns the first message instead of queueing another.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MessageRequest.class),
              examples = {
                @ExampleObject(
                    name = "first email",
                    value =
                        "{\"mailboxId\":1,\"subject\":\"Quick question\","
                            + "\"body\":\"Hi María,\\n\\nWould a call next week work?\","
                            + "\"personaId\":3}"),
                @ExampleObject(
                    name = "follow-up in the thread",
                    value =
                        "{\"mailboxId\":1,\"body\":\"Just bumping this up.\","
                            + "\"inReplyToMessageId\":41}")
              }))
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MessageDto.class)))
  @APIResponse(responseCode = "400", description = "Invalid field (named in field)")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "Sending is paused by billing: the plan's hard limit for emails is reached",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "hard limit",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                              + "\"detail\":\"The Team plan's limit of 25,000 emails this month is"
                              + " reached (resets on 1 Jan).\"}")))
  public Response send(
      @Parameter(description = "Lead id") @PathParam("leadId") long leadId,
      @Parameter(description = "Optional key that makes retries of this call safe")
          @HeaderParam("Idempotency-Key")
          String idempotencyKey,
      MessageRequest body) {
    if (body == null) {
      throw DomainException.invalid("mailboxId", "mailboxId is required.");
    }
    TenantRef tenant = current.tenant();
    // a retry gets its first answer, even when the plan's limit was reached since
    Optional<MessageView> before = messages.queuedBefore(tenant, idempotencyKey);
    if (before.isPresent()) {
      return accepted(before.get());
    }
    limits.requireRoom(tenant.id(), Meter.EMAILS_SENT);
    MessageView queued =
        messages.queue(
            tenant,
            leadId,
            body.mailboxId(),
            body.subject(),
            body.body(),
            idempotencyKey,
            current.email(),
            m ->
                m.withPersona(body.personaId())
                    .withThreadOf(body.inReplyToMessageId())
                    .withSendWindow(body.sendWindow() == null ? null : body.sendWindow().window()));
    if (queued.status() == MessageView.Status.QUEUED) {
      dispatcher.dispatch(tenant, queued.id()); // the row is committed: queue() has returned
    }
    return accepted(queued);
  }

  private static Response accepted(MessageView m) {
    return Response.accepted(MessageDto.of(m)).location(URI.create("messages/" + m.id())).build();
  }
}
