package io.omnireach.app.rest;

import io.omnireach.common.DomainException;
import io.omnireach.privacy.PrivacyRetention;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The workspace's retention settings. */
@Path("/privacy/retention")
@Tag(name = PrivacyDtos.TAG, description = PrivacyDtos.TAG_DESCRIPTION)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class PrivacyRetentionResource {

  @Inject PrivacyRetention retention;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.PRIVACY_MANAGE)
  @Operation(summary = "Retention settings", description = "null keeps forever.")
  @APIResponse(
      responseCode = "200",
      description = "Settings",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "set", value = PrivacyDtos.RETENTION_EXAMPLE)))
  public PrivacyDtos.RetentionDto get() {
    return PrivacyDtos.RetentionDto.of(retention.get(current.tenant()));
  }

  @PUT
  @Requires(Permission.PRIVACY_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change retention settings",
      description =
          "The privacy-retention job (hourly by default) then blanks message and reply bodies"
              + " older than the months given, and deletes cached AI texts and consumed lead"
              + " signals older than the days given; each purge is audited. Omitted or null"
              + " fields keep forever. Audited.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "two years", value = PrivacyDtos.RETENTION_EXAMPLE)))
  @APIResponse(
      responseCode = "200",
      description = "Saved",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "saved", value = PrivacyDtos.RETENTION_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "A value out of range",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "out of range",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"aiCacheDays must be between 1 and 3650, or null"
                              + " to keep forever.\",\"field\":\"aiCacheDays\"}")))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public PrivacyDtos.RetentionDto put(PrivacyDtos.RetentionDto body) {
    if (body == null) {
      throw DomainException.invalid("messageBodyMonths", "Send the retention settings as JSON.");
    }
    return PrivacyDtos.RetentionDto.of(
        retention.put(current.tenant(), body.toRetention(), current.email()));
  }
}
