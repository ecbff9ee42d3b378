package io.omnireach.app.rest;

import io.omnireach.common.DomainException;
import io.omnireach.relationship.Relationship;
import io.omnireach.relationship.RelationshipScore;
import io.omnireach.relationship.RelationshipScores;
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

/** A lead's relationship score with its parts explained, and the sentiment of its replies. */
@Path("/leads/{leadId}/relationship")
@Tag(name = "Leads")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class RelationshipResource {

  static final String EXAMPLE =
      "{\"score\":57,\"computedAt\":\"2025-03-12T09:41:00Z\",\"parts\":["
          + "{\"name\":\"Replies\",\"points\":14,\"why\":\"1 reply, last 3 days ago.\"},"
          + "{\"name\":\"Sentiment\",\"points\":19,\"why\":\"1 positive, 0 negative, 0"
          + " neutral.\"},"
          + "{\"name\":\"Opens\",\"points\":6,\"why\":\"2 opens (1 scanner or proxy open not"
          + " counted).\"},"
          + "{\"name\":\"Clicks\",\"points\":9,\"why\":\"2 clicks on links in our emails.\"},"
          + "{\"name\":\"Recency\",\"points\":9,\"why\":\"Last engaged 3 days ago; engagement"
          + " halves in weight every 30 days.\"}],"
          + "\"sentiment\":[{\"at\":\"2025-03-09T14:02:00Z\",\"sentiment\":\"positive\","
          + "\"messageId\":41}]}";

  /** One part of the score: what it is, the points it adds (negative: takes) and why. */
  public record PartDto(String name, int points, String why) {}

  /** One reply's tone; messageId is our message it answered. */
  public record SentimentDto(Instant at, String sentiment, Long messageId) {}

  /**
   * The stored score (0–100), when it was computed, its parts, the reply sentiment oldest first.
   */
  public record RelationshipDto(
      int score, Instant computedAt, List<PartDto> parts, List<SentimentDto> sentiment) {

    static RelationshipDto of(Relationship r) {
      return new RelationshipDto(
          r.score(),
          r.computedAt(),
          r.parts().stream().map(RelationshipResource::part).toList(),
          r.sentiment().stream()
              .map(p -> new SentimentDto(p.at(), p.sentiment().json(), p.messageId()))
              .toList());
    }
  }

  @Inject RelationshipScores scores;
  @Inject CurrentUser current;

  private static PartDto part(RelationshipScore.Part p) {
    return new PartDto(p.name(), p.points(), p.why());
  }

  @GET
  @Requires(Permission.LEADS_READ)
  @Operation(
      summary = "A lead's relationship score, explained",
      description =
          "The relationship score (0-100) is computed from the lead's replies and their"
              + " sentiment, a booked meeting (stage meeting, negotiation or won), opens (by"
              + " people: privacy-proxy and scanner opens are not counted) and clicks, how"
              + " recently they engaged (engagement halves in weight every 30 days) and"
              + " bounces or an unsubscribe. It is recomputed in the transaction of every such"
              + " event; computedAt is when. It is separate from the lead's manual score."
              + " sentiment lists the tone of each reply, oldest first.")
  @APIResponse(
      responseCode = "200",
      description = "The score, its parts and the sentiment trend",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RelationshipDto.class),
              examples = @ExampleObject(name = "a warm lead", value = EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public RelationshipDto get(@Parameter(description = "Lead id") @PathParam("leadId") long leadId) {
    return scores
        .get(current.tenant(), leadId)
        .map(RelationshipDto::of)
        .orElseThrow(() -> DomainException.notFound("Lead " + leadId + " not found."));
  }
}
