package io.omnireach.app.rest;

import io.omnireach.app.OutboxDispatcher;
import io.omnireach.app.rest.ChannelDtos.MessageDto;
import io.omnireach.app.rest.ChannelDtos.MessageRequest;
import io.omnireach.channel.MessageView;
import io.omnireach.channel.Messages;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.Meter;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
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
@Tag(
    name = "Messages",
    description = "Email and SMS to leads through the outbox; status and history")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class LeadMessageResource {

  @Inject Messages messages;
  @Inject OutboxDispatcher dispatcher;
  @Inject CurrentUser current;
  @Inject SendingLimits limits;
  @Inject PolicyGate policies;

  @POST
  @Requires(Permission.MESSAGES_SEND)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Email or text a lead",
      description =
          "Queues the message and returns 202 at once; poll GET /messages/{id}. Before sending,"
              + " do-not-contact, the suppression list and denied email consent are checked: the"
              + " message then ends BLOCKED with the reason. Outside the send window (in the"
              + " lead's time zone), on a tenant holiday, over the mailbox's daily cap or too soon"
              + " after its previous send it waits (notBefore, a DEFERRED event). Transient"
              + " failures are retried with backoff. inReplyToMessageId makes it a follow-up in"
              + " that message's thread (subject defaults to \"Re: …\"). A repeated"
              + " Idempotency-Key returns the first message instead of queueing another."
              + " With \"channel\":\"sms\" only body is needed: the SMS goes to the lead's"
              + " phone from the tenant's Twilio sender; without the lead's SMS consent (or"
              + " without SMS settings or a phone in E.164) the answer is 422. SMS arrive only"
              + " 08:00–21:00 in the lead's time zone and inside the tenant's SMS window"
              + " (deferred otherwise); each is metered in segments (GSM-7: 160/153 characters,"
              + " else UCS-2: 70/67). The tenant's policies are checked first: a message that"
              + " breaks a blocking policy is a 422 listing the violations and nothing is queued;"
              + " one with warnings is a 422 too unless \"confirmWarnings\":true; the outbox"
              + " checks again right before sending (the message then ends BLOCKED).")
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
                            + "\"inReplyToMessageId\":41}"),
                @ExampleObject(
                    name = "SMS",
                    value =
                        "{\"channel\":\"sms\",\"body\":\"Hi María, it's Sam from Acme - is"
                            + " 3pm tomorrow still good for our call?\"}")
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
      responseCode = "422",
      description =
          "The message breaks a policy (block) or has unconfirmed warnings (verdict and"
              + " violations are listed); or an SMS that may not be sent: no SMS consent, no"
              + " phone, or SMS not set up",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = PolicyDtos.PolicyProblem.class),
              examples = {
                @ExampleObject(
                    name = "no SMS consent",
                    value =
                        "{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\","
                            + "\"status\":422,\"detail\":\"Lead 12 has not granted SMS"
                            + " consent (status: none); an SMS needs the lead's express"
                            + " consent.\",\"field\":\"channel\"}"),
                @ExampleObject(
                    name = "policy violation",
                    value =
                        "{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\","
                            + "\"status\":422,\"detail\":\"The message breaks a blocking"
                            + " policy: Discounts up to 15% — Never offer more than 15% off the"
                            + " list price. («20% off»).\",\"field\":\"body\",\"verdict\":"
                            + "\"block\",\"violations\":[{\"policyId\":7,\"policyName\":"
                            + "\"Discounts up to 15%\",\"kind\":\"max_discount\",\"severity\""
                            + ":\"block\",\"explanation\":\"Never offer more than 15% off the"
                            + " list price.\",\"excerpt\":\"20% off\",\"field\":\"body\","
                            + "\"start\":13,\"end\":20}]}")
              }))
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
    String channel = body.channel() == null ? "email" : body.channel().strip();
    boolean sms = "sms".equalsIgnoreCase(channel);
    if (!sms && !"email".equalsIgnoreCase(channel)) {
      throw DomainException.invalid("channel", "channel must be email or sms.");
    }
    Response refused =
        policies.refusal(
            tenant,
            current.email(),
            leadId,
            sms ? "sms" : "email",
            body.subject(),
            body.body(),
            body.confirmWarnings());
    if (refused != null) {
      return refused; // nothing is queued
    }
    MessageView queued;
    if (sms) {
      limits.requireRoom(tenant.id(), Meter.SMS_SEGMENTS);
      queued = messages.queueSms(tenant, leadId, body.body(), idempotencyKey, current.email());
    } else {
      limits.requireRoom(tenant.id(), Meter.EMAILS_SENT);
      queued = email(tenant, leadId, idempotencyKey, body);
    }
    if (queued.status() == MessageView.Status.QUEUED) {
      dispatcher.dispatch(tenant, queued.id()); // the row is committed: queue() has returned
    }
    return accepted(queued);
  }

  private static Response accepted(MessageView m) {
    return Response.accepted(MessageDto.of(m)).location(URI.create("messages/" + m.id())).build();
  }

  private MessageView email(
      TenantRef tenant, long leadId, String idempotencyKey, MessageRequest body) {
    if (body.mailboxId() == null) {
      throw DomainException.invalid("mailboxId", "mailboxId is required.");
    }
    return messages.queue(
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
  }
}
