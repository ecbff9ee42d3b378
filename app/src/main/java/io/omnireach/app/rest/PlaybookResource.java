package io.omnireach.app.rest;

import io.omnireach.app.rest.DealDtos.PlaybookDto;
import io.omnireach.app.rest.DealDtos.PlaybookRequest;
import io.omnireach.common.DomainException;
import io.omnireach.deal.Autonomy;
import io.omnireach.deal.Negotiations;
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
import java.math.BigDecimal;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The negotiation playbook of the workspace: everyone reads it, admins change it. */
@Path("/deal-playbook")
@Tag(name = "Deals")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class PlaybookResource {

  private static final String EXAMPLE =
      "{\"autonomy\":\"ALWAYS_ESCALATE_ABOVE\",\"escalateAbove\":50000.00,"
          + "\"discountStepPercent\":5,\"termBeforeDiscount\":true,\"version\":2}";

  @Inject Negotiations negotiations;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.DEALS_READ)
  @Operation(summary = "Read the negotiation playbook")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PlaybookDto.class),
              examples = @ExampleObject(name = "playbook", value = EXAMPLE)))
  public PlaybookDto get() {
    return PlaybookDto.of(negotiations.playbook(current.tenant()));
  }

  @PUT
  @Requires(Permission.DEALS_CONFIGURE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace the playbook",
      description =
          "autonomy SUGGEST_ONLY (every draft is a suggestion a person sends), AUTO_SEND"
              + " (accepts, counters and questions within the limits are queued through the"
              + " outbox at once, checked by the policies; escalations never; escalateAbove, when"
              + " set, still escalates bigger deals) or ALWAYS_ESCALATE_ABOVE (suggestions, and"
              + " every deal whose total is above escalateAbove is escalated); discountStepPercent (0 < step ≤ 100): each counter on a deal"
              + " gives at most one more step; termBeforeDiscount: offer a longer allowed"
              + " contract with the discount before going deeper. The version goes up by one.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PlaybookRequest.class),
              examples =
                  @ExampleObject(
                      name = "escalate big deals",
                      value =
                          "{\"autonomy\":\"ALWAYS_ESCALATE_ABOVE\",\"escalateAbove\":50000,"
                              + "\"discountStepPercent\":5,\"termBeforeDiscount\":true}")))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PlaybookDto.class),
              examples = @ExampleObject(name = "playbook", value = EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Invalid playbook (the field is named)")
  public PlaybookDto put(PlaybookRequest body) {
    if (body == null) {
      throw DomainException.invalid("autonomy", "A JSON object with autonomy is required.");
    }
    Autonomy autonomy;
    try {
      autonomy =
          body.autonomy() == null
              ? null
              : Autonomy.valueOf(body.autonomy().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      autonomy = null;
    }
    if (autonomy == null) {
      throw DomainException.invalid(
          "autonomy", "autonomy is SUGGEST_ONLY, AUTO_SEND or ALWAYS_ESCALATE_ABOVE.");
    }
    BigDecimal step =
        body.discountStepPercent() == null ? BigDecimal.valueOf(5) : body.discountStepPercent();
    return PlaybookDto.of(
        negotiations.updatePlaybook(
            current.tenant(),
            autonomy,
            body.escalateAbove(),
            step,
            body.termBeforeDiscount() == null || body.termBeforeDiscount(),
            current.email()));
  }
}
