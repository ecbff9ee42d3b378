package io.omnireach.app.rest;

import io.omnireach.persona.Channel;
import io.omnireach.persona.Persona;
import io.omnireach.persona.PersonaDraft;
import io.omnireach.persona.Tone;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of {@code /personas} (JSON, camelCase). */
public final class PersonaDtos {

  private PersonaDtos() {}

  @Schema(
      name = "Tone",
      description =
          "Three scales from 0 to 100: formality 0 formal … 100 casual, detail 0 concise … 100"
              + " detailed, warmth 0 warm … 100 direct. In a PATCH, a missing scale is kept.")
  public record ToneDto(
      @Schema(minimum = "0", maximum = "100", example = "10") Integer formality,
      @Schema(minimum = "0", maximum = "100", example = "85") Integer detail,
      @Schema(minimum = "0", maximum = "100", example = "50") Integer warmth) {

    static ToneDto of(Tone t) {
      return new ToneDto(t.formality(), t.detail(), t.warmth());
    }

    PersonaDraft.ToneDraft draft() {
      return new PersonaDraft.ToneDraft(formality, detail, warmth);
    }
  }

  @Schema(name = "Persona", description = "A voice the tenant's AI writes in")
  public record PersonaDto(
      @Schema(example = "2") long id,
      @Schema(example = "Enterprise AE") String name,
      @Schema(example = "Enterprise Account Executive") String role,
      @Schema(implementation = ToneDto.class) ToneDto tone,
      @Schema(example = "[\"Logistics\",\"Manufacturing\"]") List<String> industryFocus,
      @Schema(description = "Why a lead should care, in this persona's words")
          List<String> valuePropositions,
      @Schema(description = "Messages the persona would send; the AI mirrors their voice")
          List<String> writingSamples,
      @Schema(example = "Kind regards,\nElena Marsh") String signature,
      @Schema(
              enumeration = {"EMAIL", "SMS", "LINKEDIN", "CALL"},
              example = "EMAIL")
          String defaultChannel,
      @Schema(description = "ISO 639-1", example = "en") String language,
      @Schema(example = "2026-11-25T10:00:00Z") Instant createdAt,
      @Schema(example = "2026-11-25T10:00:00Z") Instant updatedAt) {

    static PersonaDto of(Persona p) {
      return new PersonaDto(
          p.id(),
          p.name(),
          p.role(),
          ToneDto.of(p.tone()),
          p.industryFocus(),
          p.valuePropositions(),
          p.writingSamples(),
          p.signature(),
          p.defaultChannel().name(),
          p.language(),
          p.createdAt(),
          p.updatedAt());
    }
  }

  @Schema(
      name = "PersonaInput",
      description =
          "Create: only name is required (tone defaults to 50/50/50, defaultChannel to EMAIL,"
              + " language to en). Update (PATCH): only the fields sent change; an empty list or"
              + " an empty string clears.")
  public record PersonaRequest(
      @Schema(maxLength = 80, example = "Enterprise AE") String name,
      @Schema(maxLength = 120, example = "Enterprise Account Executive") String role,
      @Schema(implementation = ToneDto.class) ToneDto tone,
      @Schema(maxItems = 15, example = "[\"Logistics\",\"Manufacturing\"]")
          List<String> industryFocus,
      @Schema(maxItems = 10, description = "Each at most 500 characters")
          List<String> valuePropositions,
      @Schema(maxItems = 10, description = "Each at most 4000 characters")
          List<String> writingSamples,
      @Schema(maxLength = 1000) String signature,
      @Schema(
              enumeration = {"EMAIL", "SMS", "LINKEDIN", "CALL"},
              example = "EMAIL")
          String defaultChannel,
      @Schema(pattern = "^[a-z]{2}$", example = "en") String language) {

    PersonaDraft draft() {
      return new PersonaDraft(
          name,
          role,
          tone == null ? null : tone.draft(),
          industryFocus,
          valuePropositions,
          writingSamples,
          signature,
          defaultChannel == null ? null : Channel.parse("defaultChannel", defaultChannel),
          language);
    }
  }

  @Schema(
      name = "PersonaPage",
      description = "All personas of the tenant by name; nextCursor is always null for now")
  public record PersonaPage(
      @Schema(type = SchemaType.ARRAY, implementation = PersonaDto.class) List<PersonaDto> items,
      @JsonbNillable @Schema(type = SchemaType.STRING, nullable = true) String nextCursor) {}

  @Schema(
      name = "PersonaPreviewRequest",
      description =
          "The lead to write to and, optionally, tone values to try instead of the saved ones"
              + " (a missing scale keeps the saved value)")
  public record PreviewRequest(
      @Schema(example = "17", required = true) Long leadId,
      @Schema(implementation = ToneDto.class) ToneDto tone) {}

  @Schema(
      name = "PersonaPreview",
      description = "The message the persona would write to the lead; nothing is saved or sent")
  public record PreviewDto(
      @Schema(example = "An idea for Northwind's Head of Operations") String subject,
      @Schema(example = "Hello Maria,\n\nI am reaching out …") String body,
      @Schema(
              description = "\"offline\" (the template generator) or the provider/model",
              example = "offline")
          String writer,
      @Schema(description = "The tone values that produced it", implementation = ToneDto.class)
          ToneDto tone,
      @Schema(description = "True when served from the generation cache") boolean cached,
      @Schema(description = "Why the message says what it says") String rationale) {

    static PreviewDto of(io.omnireach.ai.Draft d, Tone tone) {
      return new PreviewDto(
          d.subject(), d.body(), d.generator(), ToneDto.of(tone), d.cached(), d.rationale());
    }
  }
}
