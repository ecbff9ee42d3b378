package io.omnireach.app.rest;

import io.omnireach.app.rest.ReplyDtos.ReplyDto;
import io.omnireach.app.rest.ReplyDtos.ReplyPage;
import io.omnireach.channel.inbound.Replies;
import io.omnireach.channel.inbound.ReplyClass;
import io.omnireach.channel.inbound.ReplyView;
import io.omnireach.common.DomainException;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Replies received by the caller's tenant, newest first. */
@Path("/replies")
@Tag(name = "Replies", description = "Replies read from the mailboxes' IMAP inboxes")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class ReplyResource {

  private static final String PAGE_EXAMPLE =
      "{\"items\":[{\"id\":4,\"messageId\":7,\"leadId\":42,\"leadName\":\"Maria Garcia\","
          + "\"from\":\"maria@northwind.example\",\"subject\":\"Abwesenheitsnotiz: Hallo\","
          + "\"body\":\"Ich bin bis 2. Dezember nicht im Büro …\","
          + "\"receivedAt\":\"2026-11-25T09:12:03Z\",\"classification\":\"OUT_OF_OFFICE\","
          + "\"oooUntil\":\"2026-12-03\",\"classifier\":\"openrouter/openai/gpt-4o-mini\","
          + "\"confidence\":0.970,\"sentiment\":\"neutral\","
          + "\"rationale\":\"Automatic absence note, back on 3 December.\","
          + "\"classifierFallback\":null},{\"id\":3,\"messageId\":5,\"leadId\":17,"
          + "\"leadName\":\"Sam Lee\",\"from\":\"sam@globex.example\",\"subject\":\"Re: Hello\","
          + "\"body\":\"Not interested, thanks.\",\"receivedAt\":\"2026-11-24T16:40:00Z\","
          + "\"classification\":\"NOT_INTERESTED\",\"oooUntil\":null,\"classifier\":\"offline\","
          + "\"confidence\":null,\"sentiment\":\"negative\","
          + "\"rationale\":\"Offline rule matched: not interested.\","
          + "\"classifierFallback\":\"openrouter/openai/gpt-4o-mini: TIMEOUT\"}],"
          + "\"nextCursor\":\"3\"}";
  private static final String INVALID_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"Unknown classification.\",\"field\":\"classification\"}";

  @Inject Replies replies;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.LEADS_READ)
  @Operation(
      summary = "List replies, newest first; filter by classification; cursor pagination",
      description =
          "Each reply carries its class and who decided it: the tenant's LLM (classifier ="
              + " provider/model, with confidence, sentiment and rationale) when Settings → AI has"
              + " a key, else the offline rules (classifier = \"offline\"); classifierFallback"
              + " says why the rules decided although an LLM is configured. Bounces are always"
              + " decided by rule.")
  @APIResponse(
      responseCode = "200",
      description = "A page of replies",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReplyPage.class),
              examples = @ExampleObject(name = "two replies", value = PAGE_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Unknown classification or a malformed cursor",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "unknown class", value = INVALID_EXAMPLE)))
  public ReplyPage list(
      @Parameter(description = "Only this class (any case)", example = "interested")
          @QueryParam("classification")
          String classification,
      @Parameter(description = "nextCursor of the previous page", example = "3")
          @QueryParam("cursor")
          String cursor,
      @Parameter(description = "Page size, 1 to 200", example = "50")
          @QueryParam("limit")
          @DefaultValue("50")
          int limit) {
    ReplyClass only = null;
    if (classification != null && !classification.isBlank()) {
      try {
        only = ReplyClass.valueOf(classification.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid("classification", "Unknown classification.");
      }
    }
    Long before = null;
    if (cursor != null && !cursor.isBlank()) {
      try {
        before = Long.parseLong(cursor.trim());
      } catch (NumberFormatException e) {
        throw DomainException.invalid("cursor", "Invalid cursor.");
      }
    }
    int size = Math.max(1, Math.min(limit, 200));
    List<ReplyView> page = replies.list(current.tenant(), only, before, size);
    String next = page.size() == size ? Long.toString(page.get(page.size() - 1).id()) : null;
    return new ReplyPage(page.stream().map(ReplyDto::of).toList(), next);
  }
}
