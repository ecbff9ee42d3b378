package io.omnireach.app.rest;

import io.omnireach.common.DomainException;

/** Query parameters read as text, so a malformed value gets a 400 naming the field, not a 404. */
final class QueryParams {

  private QueryParams() {}

  /**
   * A parameter that names a row by its number ({@code whose}: "a lead's"); null when absent, else
   * 400 on the field.
   */
  static Long id(String field, String whose, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, field + " must be " + whose + " number.");
    }
  }
}
