package io.omnireach.app.rest;

import io.omnireach.ai.AiSettingsRepository;
import io.omnireach.ai.GenerationService;
import io.omnireach.app.rest.AiDtos.AiSettingsDto;
import io.omnireach.app.rest.AiDtos.AiSettingsRequest;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's AI provider settings and this month's usage. Everyone reads; Admins change. */
@Path("/settings/ai")
@Tag(name = "AI settings", description = "Provider, model, API key (write-only), budget, usage")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class AiSettingsResource {

  private static final String SETTINGS_EXAMPLE =
      "{\"provider\":\"OPENROUTER\",\"model\":\"openai/gpt-4o-mini\",\"keyConfigured\":true,"
          + "\"keyHint\":\"WXYZ\",\"generator\":\"openrouter/openai/gpt-4o-mini\","
          + "\"temperature\":0.7,\"monthlyTokenBudget\":200000,\"usage\":{\"month\":\"2026-11\","
          + "\"calls\":42,\"cacheHits\":7,\"failures\":1,\"promptTokens\":31200,"
          + "\"completionTokens\":8800,\"totalTokens\":40000,\"costUsd\":0.01,"
          + "\"unpricedCalls\":0},\"updatedAt\":\"2026-11-25T10:00:00Z\","
          + "\"updatedBy\":\"admin@acme.demo\",\"embeddingModel\":null}";
  private static final String OFFLINE_EXAMPLE =
      "{\"provider\":\"OPENROUTER\",\"model\":\"openai/gpt-4o-mini\",\"keyConfigured\":false,"
          + "\"keyHint\":null,\"generator\":\"offline\",\"temperature\":0.7,"
          + "\"monthlyTokenBudget\":200000,\"usage\":{\"month\":\"2026-11\",\"calls\":0,"
          + "\"cacheHits\":0,\"failures\":0,\"promptTokens\":0,\"completionTokens\":0,"
          + "\"totalTokens\":0,\"costUsd\":0,\"unpricedCalls\":0},\"updatedAt\":null,"
          + "\"updatedBy\":null,\"embeddingModel\":null}";
  private static final String INVALID_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"Temperature must be between 0 and 2.\",\"field\":\"temperature\"}";

  @Inject AiSettingsRepository settings;
  @Inject GenerationService generation;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.SETTINGS_READ)
  @Operation(
      summary = "Read the AI settings",
      description = "The API key itself is never returned, only keyConfigured and keyHint.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AiSettingsDto.class),
              examples = {
                @ExampleObject(name = "with a key", value = SETTINGS_EXAMPLE),
                @ExampleObject(name = "offline", value = OFFLINE_EXAMPLE)
              }))
  public AiSettingsDto get() {
    TenantRef tenant = current.tenant();
    return AiSettingsDto.of(settings.get(tenant), generation.usage(tenant));
  }

  @PUT
  @Requires(Permission.SETTINGS_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change the AI settings",
      description =
          "Only the fields sent change. apiKey is write-only and stored encrypted (AES-GCM);"
              + " \"\" removes it. Changing only the provider switches to its default model.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AiSettingsRequest.class),
              examples = {
                @ExampleObject(
                    name = "OpenRouter",
                    value =
                        "{\"provider\":\"OPENROUTER\",\"model\":\"openai/gpt-4o-mini\","
                            + "\"apiKey\":\"sk-or-v1-…\",\"temperature\":0.7,"
                            + "\"monthlyTokenBudget\":200000}"),
                @ExampleObject(name = "back to offline", value = "{\"apiKey\":\"\"}"),
                @ExampleObject(
                    name = "Mistral embeddings",
                    value =
                        "{\"provider\":\"MISTRAL\",\"model\":\"mistral-small-latest\","
                            + "\"apiKey\":\"…\",\"embeddingModel\":\"mistral-embed\"}")
              }))
  @APIResponse(
      responseCode = "200",
      description = "The new settings (without the key)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AiSettingsDto.class),
              examples = @ExampleObject(name = "saved", value = SETTINGS_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid field (named in field)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "temperature", value = INVALID_EXAMPLE)))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public AiSettingsDto update(AiSettingsRequest body) {
    if (body == null) {
      throw DomainException.invalid(null, "Send the settings to change as a JSON object.");
    }
    TenantRef tenant = current.tenant();
    return AiSettingsDto.of(
        settings.update(tenant, body.update(), current.email()), generation.usage(tenant));
  }
}
