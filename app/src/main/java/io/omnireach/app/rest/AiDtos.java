package io.omnireach.app.rest;

import io.omnireach.ai.AiSettings;
import io.omnireach.ai.AiSettingsUpdate;
import io.omnireach.ai.AiUsage;
import io.omnireach.ai.Draft;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of AI drafts and {@code /settings/ai} (JSON, camelCase). */
public final class AiDtos {

  private AiDtos() {}

  @Schema(name = "DraftRequest", description = "Which persona writes the draft")
  public record DraftRequest(@Schema(required = true, example = "2") Long personaId) {}

  @Schema(
      name = "Draft",
      description =
          "A generated first message. Nothing is sent: the draft is for a person to review."
              + " generator is \"offline\" for template output (no API key configured), otherwise"
              + " provider/model.")
  public record DraftDto(
      @Schema(example = "An idea for Northwind's Head of Operations") String subject,
      @Schema(example = "Hello Maria,\n\nI am reaching out …") String body,
      @Schema(description = "Why the draft says what it says") String rationale,
      @Schema(example = "offline") String generator,
      @Schema(description = "True when written from templates without an AI provider")
          boolean offline,
      @Schema(description = "True when served from the generation cache") boolean cached,
      @Schema(example = "0") int promptTokens,
      @Schema(example = "0") int completionTokens,
      @Schema(
              description =
                  "The knowledge documents the draft drew on: kind \"document\", id, file name")
          List<SourceDto> sources) {

    static DraftDto of(Draft d) {
      return new DraftDto(
          d.subject(),
          d.body(),
          d.rationale(),
          d.generator(),
          d.offline(),
          d.cached(),
          d.promptTokens(),
          d.completionTokens(),
          d.sources().stream().map(s -> new SourceDto(s.kind(), s.id(), s.title())).toList());
    }
  }

  @Schema(name = "DraftSource", description = "A source a draft used")
  public record SourceDto(
      @Schema(
              example = "document",
              description =
                  "document (knowledge base; id = document id), message (our earlier message to"
                      + " the lead; id = message id) or reply (the lead's reply; id = reply id)")
          String kind,
      @Schema(example = "4") long id,
      @Schema(example = "Globex account notes.pdf") String title) {}

  @Schema(name = "AiUsage", description = "This calendar month (UTC)")
  public record UsageDto(
      @Schema(example = "2026-11") String month,
      @Schema(example = "42") int calls,
      @Schema(example = "7") int cacheHits,
      @Schema(example = "1") int failures,
      @Schema(example = "31200") long promptTokens,
      @Schema(example = "8800") long completionTokens,
      @Schema(example = "40000") long totalTokens,
      @Schema(example = "0.01") BigDecimal costUsd,
      @Schema(description = "Calls of models missing from the price table, counted at cost 0")
          int unpricedCalls) {

    static UsageDto of(AiUsage u) {
      return new UsageDto(
          u.month().toString(),
          u.calls(),
          u.cacheHits(),
          u.failures(),
          u.promptTokens(),
          u.completionTokens(),
          u.totalTokens(),
          u.costUsd(),
          u.unpricedCalls());
    }
  }

  @Schema(
      name = "AiSettings",
      description =
          "The tenant's AI provider. The API key is never returned: keyConfigured says whether"
              + " one is set and keyHint holds at most its last 4 characters. Without a key the"
              + " offline generator writes drafts (generator \"offline\").")
  public record AiSettingsDto(
      @Schema(
              enumeration = {"OPENROUTER", "MISTRAL"},
              example = "OPENROUTER")
          String provider,
      @Schema(example = "openai/gpt-4o-mini") String model,
      @Schema(example = "true") boolean keyConfigured,
      @Schema(example = "WXYZ", nullable = true) String keyHint,
      @Schema(description = "\"offline\" or provider/model", example = "offline") String generator,
      @Schema(minimum = "0", maximum = "2", example = "0.7") double temperature,
      @Schema(example = "200000") long monthlyTokenBudget,
      @Schema(implementation = UsageDto.class) UsageDto usage,
      Instant updatedAt,
      @Schema(example = "admin@acme.demo") String updatedBy,
      @Schema(
              description =
                  "The provider's embedding model for the knowledge base and lead history (used"
                      + " while a key is set); null: the in-process all-MiniLM-L6-v2",
              example = "mistral-embed",
              nullable = true)
          String embeddingModel) {

    static AiSettingsDto of(AiSettings s, AiUsage usage) {
      return new AiSettingsDto(
          s.provider().name(),
          s.model(),
          s.keyConfigured(),
          s.keyHint(),
          s.keyConfigured() ? s.provider().id() + "/" + s.model() : Draft.OFFLINE,
          s.temperature(),
          s.monthlyTokenBudget(),
          UsageDto.of(usage),
          s.updatedAt(),
          s.updatedBy(),
          s.embeddingModel());
    }
  }

  @Schema(
      name = "AiSettingsInput",
      description =
          "Only the fields sent change. apiKey is write-only: a value replaces the key, \"\""
              + " removes it (back to the offline generator), leaving it out keeps it.")
  public record AiSettingsRequest(
      @Schema(enumeration = {"OPENROUTER", "MISTRAL"}) String provider,
      @Schema(example = "openai/gpt-4o-mini") String model,
      @Schema(example = "sk-or-v1-…", writeOnly = true) String apiKey,
      @Schema(minimum = "0", maximum = "2", example = "0.7") Double temperature,
      @Schema(example = "200000") Long monthlyTokenBudget,
      @Schema(
              description =
                  "The provider's embedding model (e.g. mistral-embed, or"
                      + " openai/text-embedding-3-small through OpenRouter); \"\" goes back to the"
                      + " in-process model. A change re-embeds the knowledge base and lead history"
                      + " in the background (GET /knowledge/embeddings shows the progress).",
              example = "mistral-embed")
          String embeddingModel) {

    AiSettingsUpdate update() {
      return new AiSettingsUpdate(
          provider, model, apiKey, temperature, monthlyTokenBudget, embeddingModel);
    }
  }
}
