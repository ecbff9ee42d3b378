package io.omnireach.brand;

import io.omnireach.common.DomainException;
import java.util.Arrays;
import java.util.Locale;

/** The fields of a brand, each with its JSON name and the column that stores it. */
public enum BrandField {
  PRODUCT_NAME("productName", "product_name"),
  LOGO("logoUrl", "logo_url"),
  FAVICON("faviconUrl", "favicon_url"),
  PRIMARY_COLOR("primaryColor", "primary_color"),
  ACCENT_COLOR("accentColor", "accent_color"),
  SUPPORT_EMAIL("supportEmail", "support_email"),
  SUPPORT_URL("supportUrl", "support_url");

  private final String jsonName;
  private final String column;

  BrandField(String jsonName, String column) {
    this.jsonName = jsonName;
    this.column = column;
  }

  /** The name in REST bodies and error fields, e.g. "primaryColor". */
  public String jsonName() {
    return jsonName;
  }

  String column() {
    return column;
  }

  /** Parses "PRIMARY_COLOR", "primary_color" or "primaryColor". */
  public static BrandField parse(String value) {
    if (value != null) {
      String v = value.trim();
      for (BrandField f : values()) {
        if (f.name().equalsIgnoreCase(v) || f.jsonName.equalsIgnoreCase(v)) {
          return f;
        }
      }
    }
    throw DomainException.invalid(
        "tenantOverridable",
        "Unknown brand field '"
            + value
            + "': use one of "
            + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList()
            + " (or their camelCase names).");
  }
}
