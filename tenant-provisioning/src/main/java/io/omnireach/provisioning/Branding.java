package io.omnireach.provisioning;

import io.omnireach.common.DomainException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of branding input. */
final class Branding {

  private static final Pattern HEX_COLOUR = Pattern.compile("^#[0-9a-fA-F]{6}$");
  static final String DEFAULT_COLOUR = "#4f46e5";

  private Branding() {}

  static String colour(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_COLOUR;
    }
    if (!HEX_COLOUR.matcher(value.trim()).matches()) {
      throw DomainException.invalid(
          "primaryColor", "Primary colour must be a hex colour like #4f46e5, got '" + value + "'.");
    }
    return value.trim().toLowerCase(Locale.ROOT);
  }

  /** An https URL, or a path served by the app itself (e.g. /brand/acme.svg); null if blank. */
  static String logoUrl(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (v.startsWith("/") && !v.startsWith("//")) {
      return v;
    }
    try {
      URI uri = new URI(v);
      if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
        return v;
      }
    } catch (Exception e) {
      // falls through to the error below
    }
    throw DomainException.invalid(
        "logoUrl", "Logo URL must be an https:// address or a path starting with /.");
  }

  static String displayName(String value) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid("displayName", "Display name is required.");
    }
    if (value.trim().length() > 80) {
      throw DomainException.invalid("displayName", "Display name must have at most 80 characters.");
    }
    return value.trim();
  }
}
