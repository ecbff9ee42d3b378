package io.omnireach.app.rest;

import io.omnireach.meeting.Meeting;
import io.omnireach.meeting.Meetings;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The meetings a lead booked on the tenant's Calendly. */
@Path("/leads/{leadId}/meetings")
@Tag(name = "Leads")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class LeadMeetingResource {

  static final String EXAMPLE =
      "{\"items\":[{\"id\":3,\"leadId\":42,\"status\":\"booked\","
          + "\"startTime\":\"2026-12-08T15:00:00Z\",\"endTime\":\"2026-12-08T15:30:00Z\","
          + "\"eventName\":\"30 Minute Meeting\","
          + "\"eventUri\":\"https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2\","
          + "\"inviteeUri\":\"https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2/"
          + "invitees/AAAAAAAAAAAAAAAA\",\"inviteeEmail\":\"maria@northwind.example\","
          + "\"inviteeName\":\"María López\",\"bookedAt\":\"2026-12-01T10:02:11Z\","
          + "\"canceledAt\":null,\"cancelReason\":null}]}";

  @Schema(name = "Meeting")
  public record MeetingDto(
      long id,
      long leadId,
      @Schema(
              enumeration = {"booked", "canceled"},
              example = "booked")
          String status,
      Instant startTime,
      Instant endTime,
      @Schema(example = "30 Minute Meeting") String eventName,
      String eventUri,
      String inviteeUri,
      String inviteeEmail,
      String inviteeName,
      Instant bookedAt,
      Instant canceledAt,
      String cancelReason) {

    static MeetingDto of(Meeting m) {
      return new MeetingDto(
          m.id(),
          m.leadId(),
          m.status().value(),
          m.startTime(),
          m.endTime(),
          m.eventName(),
          m.eventUri(),
          m.inviteeUri(),
          m.inviteeEmail(),
          m.inviteeName(),
          m.bookedAt(),
          m.canceledAt(),
          m.cancelReason());
    }
  }

  @Schema(name = "MeetingList")
  public record MeetingList(List<MeetingDto> items) {}

  @Inject Meetings meetings;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.LEADS_READ)
  @Operation(
      summary = "A lead's meetings",
      description =
          "Meetings booked through the workspace's Calendly (webhook invitee.created), newest"
              + " start first; a cancellation (invitee.canceled) keeps the meeting as canceled.")
  @APIResponse(
      responseCode = "200",
      description = "The meetings",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MeetingList.class),
              examples = @ExampleObject(name = "one booked", value = EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public MeetingList list(@Parameter(description = "Lead id") @PathParam("leadId") long leadId) {
    return new MeetingList(
        meetings.forLead(current.tenant(), leadId).stream().map(MeetingDto::of).toList());
  }
}
