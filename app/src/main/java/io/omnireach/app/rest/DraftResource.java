package io.omnireach.app.rest;

import io.omnireach.ai.GenerationService;
import io.omnireach.app.rest.AiDtos.DraftDto;
import io.omnireach.app.rest.AiDtos.DraftRequest;
import io.omnireach.common.DomainException;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** AI drafts of a first message to a lead, in a persona's voice. Admin and Sales. */
@Path("/leads/{id}/drafts")
@Tag(name = "AI drafts", description = "Generated first messages (never sent automatically)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class DraftResource {

  private static final String OFFLINE_EXAMPLE =
      "{\"subject\":\"An idea for Northwind's Head of Operations\",\"body\":\"Hello Maria,\\n\\n"
          + "I am reaching out to you as a Head of Operations at Northwind, since we work with"
          + " teams in Logistics facing similar challenges. …\\n\\nBest,\\nSam\","
          + "\"rationale\":\"Offline template (no AI provider configured): tone 50/50/50, using"
          + " the lead's name, company, title, industry and the persona's first value"
          + " proposition.\",\"generator\":\"offline\",\"offline\":true,\"cached\":false,"
          + "\"promptTokens\":0,\"completionTokens\":0,\"sources\":[{\"kind\":\"document\","
          + "\"id\":4,\"title\":\"Northwind account notes.pdf\"}]}";
  private static final String AI_EXAMPLE =
      "{\"subject\":\"Fewer manual steps at Northwind\",\"body\":\"Hi Maria, …\","
          + "\"rationale\":\"Used her title, company and the first value proposition.\","
          + "\"generator\":\"openrouter/openai/gpt-4o-mini\",\"offline\":false,\"cached\":false,"
          + "\"promptTokens\":812,\"completionTokens\":164,\"sources\":[]}";
  private static final String BUDGET_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
          + "\"detail\":\"The monthly AI token budget of 200000 tokens is spent.\"}";
  private static final String PROVIDER_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Bad Gateway\",\"status\":502,"
          + "\"detail\":\"HTTP 500 from openrouter/openai/gpt-4o-mini (attempt 3): …\"}";

  @Inject GenerationService generation;
  @Inject CurrentUser current;

  @POST
  @Requires(Permission.MESSAGES_SEND)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Generate a draft message to a lead",
      description =
          "Writes a subject and body in the persona's voice from the lead's name, company,"
              + " title and industry. With no API key in Settings → AI the offline template"
              + " generator answers (generator \"offline\"); otherwise the tenant's provider is"
              + " called (cached for identical requests, counted against the monthly token"
              + " budget, retried at most 3 times on 429/5xx/timeouts). Lead text is treated as"
              + " untrusted data. Up to three passages of the knowledge base (those naming the"
              + " lead's company first, then the closest to lead and persona) go into the prompt as"
              + " fenced, untrusted data; sources lists their documents. Nothing is sent and"
              + " nothing else changes.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DraftRequest.class),
              examples = @ExampleObject(name = "persona 2", value = "{\"personaId\":2}")))
  @APIResponse(
      responseCode = "200",
      description = "The draft",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DraftDto.class),
              examples = {
                @ExampleObject(name = "offline", value = OFFLINE_EXAMPLE),
                @ExampleObject(name = "from a provider", value = AI_EXAMPLE)
              }))
  @APIResponse(responseCode = "400", description = "personaId missing")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "429",
      description = "The tenant's monthly AI token budget is spent",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "budget spent", value = BUDGET_EXAMPLE)))
  @APIResponse(
      responseCode = "502",
      description = "The provider failed or sent an unusable reply (503 rate-limited, 504 timeout)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "provider error", value = PROVIDER_EXAMPLE)))
  public DraftDto draft(
      @Parameter(description = "Lead id", example = "17") @PathParam("id") long id,
      DraftRequest body) {
    if (body == null || body.personaId() == null) {
      throw DomainException.invalid("personaId", "personaId is required.");
    }
    return DraftDto.of(generation.draft(current.tenant(), id, body.personaId(), current.email()));
  }
}
