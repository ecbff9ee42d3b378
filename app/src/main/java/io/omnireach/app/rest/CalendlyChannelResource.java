package io.omnireach.app.rest;

import io.omnireach.app.rest.ChannelDtos.CalendlySettingsDto;
import io.omnireach.app.rest.ChannelDtos.CalendlySettingsRequest;
import io.omnireach.common.DomainException;
import io.omnireach.meeting.CalendlyAccounts;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's Calendly connection. Everyone reads; Admins connect and disconnect. */
@Path("/channels/calendly")
@Tag(name = "Channels", description = "SMS sender settings (Twilio), Calendly meetings")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class CalendlyChannelResource {

  private static final String SETTINGS_EXAMPLE =
      "{\"connected\":true,\"tokenSet\":true,\"tokenLast4\":\"b4Xq\","
          + "\"schedulingUrl\":\"https://calendly.com/elena-marsh/30min\","
          + "\"userUri\":\"https://api.calendly.com/users/AAAAAAAAAAAAAAAA\","
          + "\"organizationUri\":\"https://api.calendly.com/organizations/BBBBBBBBBBBBBBBB\","
          + "\"webhookUri\":\"https://api.calendly.com/webhook_subscriptions/CCCCCCCCCCCCCCCC\","
          + "\"webhookUrl\":\"https://app.example.com/webhooks/calendly\","
          + "\"updatedAt\":\"2026-12-01T10:00:00Z\",\"updatedBy\":\"admin@acme.example\"}";

  @Inject CalendlyAccounts accounts;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.SETTINGS_READ)
  @Operation(
      summary = "Read the Calendly connection",
      description =
          "The token and the signing key are never returned, only the token's last four"
              + " characters. 404 while Calendly is not connected.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CalendlySettingsDto.class),
              examples = @ExampleObject(name = "connected", value = SETTINGS_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public CalendlySettingsDto get() {
    return accounts
        .get(current.tenant())
        .map(CalendlySettingsDto::of)
        .orElseThrow(() -> DomainException.notFound("Calendly is not connected."));
  }

  @POST
  @Requires(Permission.SETTINGS_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Connect Calendly",
      description =
          "Checks the personal access token with Calendly (GET /users/me), takes schedulingUrl"
              + " or the user's own scheduling link, and subscribes OMNIREACH_PUBLIC_URL +"
              + " /webhooks/calendly to invitee.created and invitee.canceled under the signing"
              + " key (given or new), replacing an earlier connection's subscription. Token and"
              + " signing key are stored encrypted (AES-GCM) and never returned. A token Calendly"
              + " refuses is 422 and nothing is stored.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CalendlySettingsRequest.class),
              examples = {
                @ExampleObject(
                    name = "token only",
                    value = "{\"token\":\"your_personal_access_token\"}"),
                @ExampleObject(
                    name = "with link and signing key",
                    value =
                        "{\"token\":\"your_personal_access_token\","
                            + "\"schedulingUrl\":\"https://calendly.com/elena-marsh/30min\","
                            + "\"signingKey\":\"a-long-random-signing-key\"}")
              }))
  @APIResponse(
      responseCode = "200",
      description = "Connected (without the token)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CalendlySettingsDto.class),
              examples = @ExampleObject(name = "connected", value = SETTINGS_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid field (named in field)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "link",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"schedulingUrl must be a web address such as"
                              + " https://calendly.com/elena-marsh/30min.\","
                              + "\"field\":\"schedulingUrl\"}")))
  @APIResponse(
      responseCode = "422",
      description = "Calendly refused the token or the webhook subscription",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "bad token",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\","
                              + "\"status\":422,\"detail\":\"Calendly refused the personal"
                              + " access token (401 Unauthorized, \\\"Unauthenticated: The access"
                              + " token is invalid\\\"): create a new one in Calendly under"
                              + " Integrations → API & Webhooks and paste it whole.\","
                              + "\"field\":\"token\"}")))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public CalendlySettingsDto connect(CalendlySettingsRequest body) {
    if (body == null) {
      throw DomainException.invalid(null, "Send the Calendly settings as a JSON object.");
    }
    return CalendlySettingsDto.of(
        accounts.connect(current.tenant(), body.connect(), current.email()));
  }

  @DELETE
  @Requires(Permission.SETTINGS_MANAGE)
  @Operation(
      summary = "Disconnect Calendly",
      description =
          "Deletes the webhook subscription at Calendly (a failure there is logged, not"
              + " returned) and the stored token; {{meeting.link}} renders empty from then on."
              + " Meetings already recorded stay.")
  @APIResponse(responseCode = "204", description = "Disconnected")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public void disconnect() {
    accounts.disconnect(current.tenant(), current.email());
  }
}
