package io.omnireach.app.rest;

import io.omnireach.common.DomainException;
import io.omnireach.lead.Consent;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadDraft;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.LeadPage;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON shapes of leads (camelCase), and reading a JSON body into a {@link LeadDraft}. */
public final class LeadDtos {

  private LeadDtos() {}

  public record ConsentDto(
      @Schema(example = "granted") String status,
      @Schema(example = "webinar sign-up form") String source,
      Instant at) {}

  @Schema(name = "Lead")
  public record LeadDto(
      long id,
      @Schema(example = "María") String firstName,
      @Schema(example = "García") String lastName,
      @Schema(
              example = "maria.garcia@northwind-logistics.example",
              nullable = true,
              description = "null for a lead reached only by phone or LinkedIn")
          String email,
      @Schema(example = "+14155550123") String phone,
      @Schema(example = "Northwind Logistics") String company,
      @Schema(example = "VP Operations") String title,
      @Schema(example = "Logistics") String industry,
      @Schema(example = "201-1000") String companySize,
      @Schema(example = "US") String country,
      @Schema(example = "America/Los_Angeles") String timezone,
      String linkedinUrl,
      String website,
      @Schema(example = "[\"webinar\",\"priority\"]") List<String> tags,
      Long ownerId,
      @Schema(example = "new") String stage,
      @Schema(example = "40", description = "Set by hand") int score,
      @Schema(
              example = "57",
              description =
                  "Computed from replies, meetings, opens, clicks, recency and bounces (read only;"
                      + " GET /leads/{id}/relationship explains it)")
          int relationshipScore,
      Map<String, ConsentDto> consent,
      boolean doNotContact,
      @Schema(example = "{\"crmId\":\"0031x\"}") Map<String, String> customFields,
      Instant createdAt,
      Instant updatedAt) {

    static LeadDto of(Lead l) {
      Map<String, ConsentDto> consent = new LinkedHashMap<>();
      l.consent()
          .forEach(
              (ch, c) ->
                  consent.put(
                      ch.name().toLowerCase(Locale.ROOT),
                      new ConsentDto(
                          c.status().name().toLowerCase(Locale.ROOT), c.source(), c.at())));
      return new LeadDto(
          l.id(),
          l.firstName(),
          l.lastName(),
          l.email(),
          l.phone(),
          l.company(),
          l.title(),
          l.industry(),
          l.companySize(),
          l.country(),
          l.timezone(),
          l.linkedinUrl(),
          l.website(),
          l.tags(),
          l.ownerId(),
          l.stage().value(),
          l.score(),
          l.relationshipScore(),
          consent,
          l.doNotContact(),
          l.customFields(),
          l.createdAt(),
          l.updatedAt());
    }
  }

  public record LeadList(List<LeadDto> items, String nextCursor) {
    static LeadList of(LeadPage page) {
      return new LeadList(page.items().stream().map(LeadDto::of).toList(), page.nextCursor());
    }
  }

  public record BulkDelete(@Schema(example = "[12, 13]") List<Long> ids) {}

  public record BulkUpdate(
      @Schema(example = "[12, 13]") List<Long> ids,
      @Schema(example = "contacted") String stage,
      @Schema(example = "[\"q4\"]") List<String> addTags,
      Long ownerId) {}

  public record BulkResult(@Schema(example = "2") int affected) {}

  /** Reads the given members only, so PATCH can tell "absent" from "null". */
  static LeadDraft draft(JsonObject json) {
    if (json == null) {
      throw DomainException.invalid(null, "A JSON object is required.");
    }
    LeadDraft draft = new LeadDraft();
    for (Map.Entry<String, JsonValue> member : json.entrySet()) {
      String name = member.getKey();
      JsonValue value = member.getValue();
      switch (name) {
        case "id", "createdAt", "updatedAt" -> {
          // read-only; ignored so a GET body can be sent back
        }
        case "tags" -> draft.tags(strings(name, value));
        case "customFields" -> draft.customFields(stringMap(name, value));
        case "consent" -> draft.consent(consent(value));
        default -> {
          LeadField field =
              LeadField.forJson(name)
                  .orElseThrow(
                      () -> DomainException.invalid(name, "Unknown field '" + name + "'."));
          draft.set(field, text(name, value));
        }
      }
    }
    return draft;
  }

  private static String text(String name, JsonValue value) {
    return switch (value.getValueType()) {
      case NULL -> null;
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).toString();
      case TRUE -> "true";
      case FALSE -> "false";
      default -> throw DomainException.invalid(name, "'" + name + "' must be a single value.");
    };
  }

  private static List<String> strings(String name, JsonValue value) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw DomainException.invalid(name, "'" + name + "' must be an array of strings.");
    }
    List<String> out = new ArrayList<>();
    for (JsonValue v : value.asJsonArray()) {
      out.add(text(name, v));
    }
    return out;
  }

  private static Map<String, String> stringMap(String name, JsonValue value) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return Map.of();
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw DomainException.invalid(name, "'" + name + "' must be an object of strings.");
    }
    Map<String, String> out = new LinkedHashMap<>();
    value.asJsonObject().forEach((k, v) -> out.put(k, text(name, v)));
    return out;
  }

  private static Map<Consent.Channel, Consent> consent(JsonValue value) {
    Map<Consent.Channel, Consent> out = new EnumMap<>(Consent.Channel.class);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw DomainException.invalid(
          "consent", "consent must be an object keyed by email, sms, calls, advertising.");
    }
    for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
      try {
        Consent.Channel channel = Consent.Channel.valueOf(e.getKey().toUpperCase(Locale.ROOT));
        JsonObject c = e.getValue().asJsonObject();
        Consent.Status status =
            Consent.Status.valueOf(c.getString("status", "unknown").toUpperCase(Locale.ROOT));
        String at = c.getString("at", null);
        out.put(
            channel,
            new Consent(
                status, c.getString("source", null), at == null ? null : Instant.parse(at)));
      } catch (RuntimeException ex) {
        throw DomainException.invalid(
            "consent." + e.getKey(),
            "Consent must be {\"status\": \"granted|denied|unknown\", \"source\": \"…\", \"at\": ISO time} for email, sms, calls or advertising.");
      }
    }
    return out;
  }
}
