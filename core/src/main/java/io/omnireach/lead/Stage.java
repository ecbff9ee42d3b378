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

  /** The lower-case name used in JSON, CSV and the database. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Stage parse(String field, String value) {
    if (value != null) {
      for (Stage s : values()) {
        if (s.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
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
