package io.omnireach.lead;

import java.util.List;

/** One CSV row after checking: valid values, or the problems found (with the row number). */
public record ImportRow(long rowNumber, LeadRules.Valid valid, List<LeadRules.FieldError> errors) {

  public boolean ok() {
    return errors.isEmpty();
  }
}
