package io.omnireach.app.rest;

import io.omnireach.app.rest.ChannelDtos.SmsSettingsDto;
import io.omnireach.app.rest.ChannelDtos.SmsSettingsRequest;
import io.omnireach.channel.SmsAccounts;
import io.omnireach.common.DomainException;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

/** The tenant's SMS sender (Twilio). Everyone reads; Admins change. The token is write-only. */
@Path("/channels/sms")
@Tag(name = "Channels", description = "SMS sender settings (Twilio)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class SmsChannelResource {

  private static final String SETTINGS_EXAMPLE =
      "{\"accountSid\":\"AC0123456789abcdef0123456789abcdef\",\"fromNumber\":\"+14155550123\","
          + "\"messagingServiceSid\":null,\"sendWindow\":{\"days\":[\"MON\",\"TUE\",\"WED\","
          + "\"THU\",\"FRI\"],\"start\":\"09:00\",\"end\":\"18:00\"},\"authTokenSet\":true,"
          + "\"updatedAt\":\"2026-12-01T10:00:00Z\"}";

  @Inject SmsAccounts accounts;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.SETTINGS_READ)
  @Operation(
      summary = "Read the SMS settings",
      description = "The auth token is never returned, only authTokenSet. 404 when none are saved.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SmsSettingsDto.class),
              examples = @ExampleObject(name = "number", value = SETTINGS_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public SmsSettingsDto get() {
    return accounts
        .get(current.tenant())
        .map(SmsSettingsDto::of)
        .orElseThrow(() -> DomainException.notFound("SMS is not set up for this workspace."));
  }

  @POST
  @Requires(Permission.SETTINGS_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Save the SMS settings",
      description =
          "The Twilio account SID, its auth token (write-only, stored encrypted with AES-GCM;"
              + " leave it out to keep the stored one) and the sender: an E.164 number or a"
              + " messaging service SID. sendWindow is the tenant's window; SMS also keep the"
              + " quiet hours 08:00–21:00 in the lead's time zone.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SmsSettingsRequest.class),
              examples = {
                @ExampleObject(
                    name = "sender number",
                    value =
                        "{\"accountSid\":\"AC0123456789abcdef0123456789abcdef\","
                            + "\"authToken\":\"your_auth_token\",\"fromNumber\":\"+14155550123\","
                            + "\"sendWindow\":{\"days\":[\"MON\",\"TUE\",\"WED\",\"THU\","
                            + "\"FRI\"],\"start\":\"09:00\",\"end\":\"18:00\"}}"),
                @ExampleObject(
                    name = "messaging service",
                    value =
                        "{\"accountSid\":\"AC0123456789abcdef0123456789abcdef\","
                            + "\"messagingServiceSid\":\"MG0123456789abcdef0123456789abcdef\"}")
              }))
  @APIResponse(
      responseCode = "200",
      description = "The saved settings (without the token)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SmsSettingsDto.class),
              examples = @ExampleObject(name = "saved", value = SETTINGS_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid field (named in field)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "sender",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"fromNumber must be in E.164 format, e.g."
                              + " +14155550123.\",\"field\":\"fromNumber\"}")))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public SmsSettingsDto save(SmsSettingsRequest body) {
    if (body == null) {
      throw DomainException.invalid(null, "Send the SMS settings as a JSON object.");
    }
    return SmsSettingsDto.of(accounts.save(current.tenant(), body.update(), current.email()));
  }
}
