package io.omnireach.lead;

import io.omnireach.common.DomainException;
import java.util.Arrays;
import java.util.Locale;

/** Where a lead stands in the sales cycle, in order. */
public enum Stage {
  NEW,
  CONTACTED,
  REPLIED,
  MEETING,
  NEGOTIATION,
  WON,
  LOST;

  private static final Stage[] ALL = values();

  // computed once: value() runs for every row of an import
  private final String value = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used in JSON, CSV and the database. */
  public String value() {
    return value;
  }

  public static Stage parse(String field, String value) {
    if (value != null) {
      String wanted = value.trim().toLowerCase(Locale.ROOT);
      for (Stage s : ALL) {
        if (s.value.equals(wanted)) {
          return s;
        }
      }
    }
    throw DomainException.invalid(
        field,
        "Stage must be one of "
            + Arrays.stream(values()).map(Stage::value).toList()
            + (value == null ? "." : ", got '" + value + "'."));
  }
}
