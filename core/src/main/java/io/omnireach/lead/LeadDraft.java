package io.omnireach.lead;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Input for creating or changing a lead, as text the way forms, JSON and CSV deliver it. A field
 * that is not set is left alone on update; set to null it is cleared.
 */
public final class LeadDraft {

  private final EnumMap<LeadField, String> values = new EnumMap<>(LeadField.class);
  private List<String> tags;
  private Map<String, String> customFields;
  private Map<Consent.Channel, Consent> consent;

  public LeadDraft set(LeadField field, String value) {
    if (field == LeadField.TAGS) {
      return tags(value == null ? List.of() : LeadRules.splitTags(value));
    }
    values.put(field, value);
    return this;
  }

  public LeadDraft tags(List<String> tags) {
    this.tags = tags == null ? List.of() : tags;
    return this;
  }

  public LeadDraft customFields(Map<String, String> customFields) {
    this.customFields = customFields == null ? Map.of() : customFields;
    return this;
  }

  public LeadDraft consent(Map<Consent.Channel, Consent> consent) {
    this.consent = consent == null ? Map.of() : consent;
    return this;
  }

  public boolean has(LeadField field) {
    return field == LeadField.TAGS ? tags != null : values.containsKey(field);
  }

  public String get(LeadField field) {
    return values.get(field);
  }

  /** Tags, or null when not given. */
  public List<String> tags() {
    return tags;
  }

  /** Custom fields, or null when not given. */
  public Map<String, String> customFields() {
    return customFields;
  }

  /** Consent per channel, or null when not given. */
  public Map<Consent.Channel, Consent> consent() {
    return consent;
  }
}
