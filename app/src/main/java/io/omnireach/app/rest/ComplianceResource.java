package io.omnireach.app.rest;

import io.omnireach.channel.ComplianceSettings;
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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sender details that every email's CAN-SPAM footer carries. Everyone reads; Admins change. */
@Path("/compliance")
@Tag(name = "Compliance", description = "Sender details for the email footer (CAN-SPAM)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class ComplianceResource {

  @Inject ComplianceSettings settings;
  @Inject CurrentUser current;

  /** The tenant's postal address; null until set (emails then say that it is not set). */
  @Schema(name = "Compliance")
  public record ComplianceDto(
      @Schema(example = "Acme Inc.\n1 Main St, Springfield, IL 62701, USA", maxLength = 300)
          String postalAddress) {}

  @GET
  @Requires(Permission.SETTINGS_READ)
  @Operation(summary = "The postal address shown in email footers")
  @APIResponse(responseCode = "200", description = "OK")
  public ComplianceDto get() {
    return new ComplianceDto(settings.postalAddress(current.tenant()));
  }

  /** The tenant's holidays: no email leaves on these dates, in each lead's own time zone. */
  @Schema(name = "Holidays")
  public record HolidaysDto(
      @Schema(example = "[\"2026-12-24\",\"2026-12-25\",\"2027-01-01\"]") List<String> dates) {}

  @GET
  @Path("/holidays")
  @Requires(Permission.SETTINGS_READ)
  @Operation(summary = "The tenant's holidays (no email is sent on them)")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = HolidaysDto.class)))
  public HolidaysDto holidays() {
    return new HolidaysDto(
        settings.holidays(current.tenant()).stream().map(LocalDate::toString).toList());
  }

  @PUT
  @Path("/holidays")
  @Requires(Permission.SETTINGS_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace the tenant's holidays",
      description =
          "ISO dates (YYYY-MM-DD), at most 366; sorted, duplicates dropped. A message due on a"
              + " holiday (in the lead's time zone) waits for the next allowed slot.")
  @APIResponse(
      responseCode = "200",
      description = "Saved",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = HolidaysDto.class)))
  @APIResponse(responseCode = "400", description = "Not a date, or too many")
  public HolidaysDto putHolidays(HolidaysDto body) {
    return new HolidaysDto(
        settings
            .setHolidays(current.tenant(), body == null ? null : body.dates(), current.email())
            .stream()
            .map(LocalDate::toString)
            .toList());
  }

  @PUT
  @Requires(Permission.SETTINGS_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set the postal address shown in email footers",
      description = "At most 300 characters; line breaks are kept. An empty value clears it.")
  @APIResponse(responseCode = "200", description = "Saved")
  @APIResponse(responseCode = "400", description = "Too long or control characters")
  public ComplianceDto put(ComplianceDto body) {
    return new ComplianceDto(
        settings.setPostalAddress(
            current.tenant(), body == null ? null : body.postalAddress(), current.email()));
  }
}
