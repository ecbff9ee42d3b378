package io.omnireach.app.rest;

import io.omnireach.app.rest.ChannelDtos.EventWebhookRequest;
import io.omnireach.app.rest.ChannelDtos.MailboxDto;
import io.omnireach.app.rest.ChannelDtos.MailboxList;
import io.omnireach.app.rest.ChannelDtos.MailboxRequest;
import io.omnireach.app.rest.ChannelDtos.SendingRequest;
import io.omnireach.channel.Mailboxes;
import io.omnireach.common.DomainException;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sending mailboxes of the caller's tenant. Everyone reads; only Admins add and remove. */
@Path("/mailboxes")
@Tag(name = "Mailboxes", description = "SMTP and SendGrid mailboxes that email is sent from")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class MailboxResource {

  @Inject Mailboxes mailboxes;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.MAILBOXES_READ)
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
  @Requires(Permission.MAILBOXES_READ)
  @Operation(summary = "Get one mailbox (without password)")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MailboxDto.class)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public MailboxDto get(@PathParam("id") long id) {
    return MailboxDto.of(mailboxes.get(current.tenant(), id));
  }

  @POST
  @Requires(Permission.MAILBOXES_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a mailbox",
      description =
          "provider smtp (host, port, credentials; optional DKIM domain, selector and PEM key) or"
              + " sendgrid (apiKey; apiBaseUrl only to point at another endpoint). Password, API"
              + " key and DKIM key are stored encrypted and never returned. Hosts that resolve to"
              + " loopback, link-local or private addresses are refused unless the operator allows"
              + " them. sendWindow, minSpacingSeconds and timezone: see PUT /{id}/sending.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MailboxRequest.class),
              examples = {
                @ExampleObject(
                    name = "SMTP, office hours",
                    value =
                        "{\"name\":\"Elena\",\"host\":\"smtp.example.com\",\"port\":587,"
                            + "\"username\":\"elena@acme.example\",\"password\":\"…\","
                            + "\"tls\":true,\"fromAddress\":\"elena@acme.example\","
                            + "\"fromName\":\"Elena Marsh\",\"dailyCap\":200,"
                            + "\"sendWindow\":{\"days\":[\"MON\",\"TUE\",\"WED\",\"THU\","
                            + "\"FRI\"],\"start\":\"09:00\",\"end\":\"17:00\"},"
                            + "\"minSpacingSeconds\":60,\"timezone\":\"Europe/Berlin\"}"),
                @ExampleObject(
                    name = "SendGrid",
                    value =
                        "{\"name\":\"Campaigns\",\"provider\":\"sendgrid\","
                            + "\"apiKey\":\"SG.…\",\"fromAddress\":\"news@acme.example\","
                            + "\"fromName\":\"Acme\",\"dailyCap\":5000}")
              }))
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

  @PUT
  @Path("/{id}/sending")
  @Requires(Permission.MAILBOXES_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set when and how fast a mailbox sends",
      description =
          "sendWindow: days and hours in the lead's time zone (or this timezone for leads"
              + " without one, else UTC); null = any time. minSpacingSeconds: at least this long"
              + " between two sends. A message claimed outside the window, over the cap or too"
              + " soon waits for the next allowed slot (DEFERRED event); it is never dropped."
              + " smtpConnections: how many connections (1-16) the relay sends over in parallel;"
              + " providers limit concurrent connections per account.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SendingRequest.class),
              examples =
                  @ExampleObject(
                      name = "office hours",
                      value =
                          "{\"sendWindow\":{\"days\":[\"MON\",\"TUE\",\"WED\",\"THU\","
                              + "\"FRI\"],\"start\":\"09:00\",\"end\":\"17:00\"},"
                              + "\"minSpacingSeconds\":60,\"timezone\":\"Europe/Berlin\","
                              + "\"dailyCap\":200,\"smtpConnections\":4}")))
  @APIResponse(
      responseCode = "200",
      description = "Saved",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MailboxDto.class)))
  @APIResponse(responseCode = "400", description = "Invalid field (named in field)")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public MailboxDto sending(@PathParam("id") long id, SendingRequest body) {
    SendingRequest rules = body == null ? new SendingRequest(null, null, null, null, null) : body;
    return MailboxDto.of(
        mailboxes.updateSending(current.tenant(), id, rules.rules(), current.email()));
  }

  @PUT
  @Path("/{id}/event-webhook")
  @Requires(Permission.MAILBOXES_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set the verification key of SendGrid's signed event webhook",
      description =
          "For a SendGrid mailbox: the public key SendGrid shows under Mail Settings → Event"
              + " Webhook → Signature Verification (base64, ECDSA P-256). SendGrid posts its"
              + " events to POST /webhooks/sendgrid; a batch is applied only when its signature"
              + " verifies under a key of the workspace the events name. A blank key removes"
              + " it (events are then refused).")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EventWebhookRequest.class),
              examples =
                  @ExampleObject(
                      name = "SendGrid's key",
                      value =
                          "{\"verificationKey\":\"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Saved",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MailboxDto.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Not an ECDSA P-256 public key, or not a SendGrid mailbox (field eventWebhookKey)")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public MailboxDto eventWebhook(@PathParam("id") long id, EventWebhookRequest body) {
    return MailboxDto.of(
        mailboxes.setEventWebhookKey(
            current.tenant(), id, body == null ? null : body.verificationKey(), current.email()));
  }

  @DELETE
  @Path("/{id}")
  @Requires(Permission.MAILBOXES_MANAGE)
  @Operation(summary = "Remove a mailbox; queued messages of it then fail as MAILBOX_DELETED")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response delete(@PathParam("id") long id) {
    mailboxes.delete(current.tenant(), id, current.email());
    return Response.noContent().build();
  }
}
