package io.omnireach.lead;

import io.omnireach.common.DomainException;
import java.util.Locale;

/** What an import does with a row whose email already belongs to a lead. */
public enum DuplicatePolicy {
  /** Keep the stored lead untouched; the row counts as skipped. */
  SKIP,
  /** Fill the stored lead with the row's non-empty values; tags and custom fields are merged. */
  UPDATE,
  /** Only create: such a row is reported as an error. */
  CREATE;

  public static DuplicatePolicy parse(String value) {
    if (value == null || value.isBlank()) {
      return SKIP;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(
          "duplicatePolicy", "Duplicate policy must be skip, update or create.");
    }
  }
}
