package io.omnireach.lead;

import io.omnireach.common.DomainException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which lead field each CSV column fills: a {@link LeadField} JSON name, {@code custom:<name>} for
 * a custom field, or {@code ignore}. Keyed by header text, in file order.
 */
public record ImportMapping(Map<String, String> targets) {

  public static final String IGNORE = "ignore";
  public static final String CUSTOM = "custom:";

  /** Known headers to their fields; other columns become custom fields named after the header. */
  public static ImportMapping auto(List<String> headers) {
    Map<String, String> targets = new LinkedHashMap<>();
    for (String header : headers) {
      targets.put(
          header,
          LeadField.forHeader(header)
              .filter(f -> !targets.containsValue(f.json()))
              .map(LeadField::json)
              .orElse(header.isBlank() ? IGNORE : CUSTOM + header));
    }
    return new ImportMapping(targets);
  }

  /** The automatic mapping with the caller's choices on top; checks the result. */
  public static ImportMapping of(List<String> headers, Map<String, String> overrides) {
    Map<String, String> targets = new LinkedHashMap<>(auto(headers).targets());
    if (overrides != null) {
      overrides.forEach(
          (header, target) -> {
            if (!targets.containsKey(header)) {
              throw DomainException.invalid("mapping", "The file has no column '" + header + "'.");
            }
            targets.put(header, target);
          });
    }
    ImportMapping mapping = new ImportMapping(targets);
    mapping.validate();
    return mapping;
  }

  void validate() {
    Map<String, String> used = new LinkedHashMap<>();
    targets.forEach(
        (header, target) -> {
          if (target.equals(IGNORE) || target.startsWith(CUSTOM)) {
            return;
          }
          if (LeadField.forJson(target).isEmpty()) {
            throw DomainException.invalid(
                "mapping", "Column '" + header + "' maps to unknown field '" + target + "'.");
          }
          String previous = used.put(target, header);
          if (previous != null) {
            throw DomainException.invalid(
                "mapping",
                "Columns '" + previous + "' and '" + header + "' both map to " + target + ".");
          }
        });
    if (!used.containsKey(LeadField.EMAIL.json())
        && !used.containsKey(LeadField.PHONE.json())
        && !used.containsKey(LeadField.LINKEDIN_URL.json())) {
      throw DomainException.invalid(
          "file",
          "Missing required column: email, phone or linkedinUrl (found "
              + String.join(", ", targets.keySet())
              + ").");
    }
  }

  /** Builds a draft from one row's cells, in header order. */
  public LeadDraft draft(List<String> headers, List<String> cells) {
    LeadDraft draft = new LeadDraft();
    Map<String, String> custom = new LinkedHashMap<>();
    for (int i = 0; i < headers.size() && i < cells.size(); i++) {
      String target = targets.getOrDefault(headers.get(i), IGNORE);
      String cell = cells.get(i);
      if (target.equals(IGNORE) || cell == null || cell.isBlank()) {
        continue;
      }
      if (target.startsWith(CUSTOM)) {
        custom.put(target.substring(CUSTOM.length()), cell.trim());
      } else {
        draft.set(LeadField.forJson(target).orElseThrow(), cell);
      }
    }
    if (!custom.isEmpty()) {
      draft.customFields(custom);
    }
    return draft;
  }
}
