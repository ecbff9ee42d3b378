package io.omnireach.brand;

import io.omnireach.common.DomainException;
import io.omnireach.common.Emails;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Validates and normalises brand input; every refusal names the field and says what to do. */
public final class BrandRules {

  /** WCAG 2.x AA for normal text: buttons and the header put white text on these colours. */
  public static final double MIN_CONTRAST_WITH_WHITE = 4.5;

  private static final Pattern HEX_COLOUR = Pattern.compile("^#[0-9a-fA-F]{6}$");
  private static final int MAX_PRODUCT_NAME = 60;

  private BrandRules() {}

  /** A layer with every set field checked and normalised; nulls stay null (inherit). */
  public static Brand validate(Brand brand) {
    return validateChanges(Brand.EMPTY, brand);
  }

  /**
   * The requested layer with changed fields checked; fields equal to {@code current} pass as they
   * are, so a value stored under older rules never blocks an unrelated change.
   */
  public static Brand validateChanges(Brand current, Brand requested) {
    Map<BrandField, String> values = requested.toMap();
    for (BrandField f : BrandField.values()) {
      if (!Objects.equals(current.get(f), requested.get(f))) {
        values.put(f, field(f, requested.get(f)));
      }
    }
    return Brand.of(values);
  }

  /** One field checked and normalised; null when blank. */
  public static String field(BrandField field, String value) {
    return switch (field) {
      case PRODUCT_NAME -> productName(value);
      case LOGO, FAVICON -> imageUrl(field, value);
      case PRIMARY_COLOR, ACCENT_COLOR -> colour(field, value);
      case SUPPORT_EMAIL -> supportEmail(value);
      case SUPPORT_URL -> supportUrl(value);
    };
  }

  public static String productName(String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    if (v.length() > MAX_PRODUCT_NAME) {
      throw DomainException.invalid(
          "productName", "Product name must have at most " + MAX_PRODUCT_NAME + " characters.");
    }
    if (v.chars().anyMatch(Character::isISOControl)) {
      throw DomainException.invalid("productName", "Product name must not contain control codes.");
    }
    return v;
  }

  /**
   * A hex colour like {@code #4f46e5} (lower-cased) that white text stays readable on: the WCAG
   * contrast ratio against white must reach {@link #MIN_CONTRAST_WITH_WHITE}.
   */
  public static String colour(BrandField field, String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    String name = label(field);
    if (!HEX_COLOUR.matcher(v).matches()) {
      throw DomainException.invalid(
          field.jsonName(), name + " must be a hex colour like #4f46e5, got '" + v + "'.");
    }
    double ratio = contrastWithWhite(v);
    if (ratio < MIN_CONTRAST_WITH_WHITE) {
      throw DomainException.invalid(
          field.jsonName(),
          String.format(
              Locale.ROOT,
              "%s %s is too light: white text on it has a contrast ratio of %.2f:1, WCAG AA needs"
                  + " at least %.1f:1. Choose a darker shade.",
              name,
              v.toLowerCase(Locale.ROOT),
              ratio,
              MIN_CONTRAST_WITH_WHITE));
    }
    return v.toLowerCase(Locale.ROOT);
  }

  /** The WCAG 2.x contrast ratio between white and a {@code #rrggbb} colour (1 to 21). */
  public static double contrastWithWhite(String hex) {
    double l = relativeLuminance(hex);
    return 1.05 / (l + 0.05);
  }

  static double relativeLuminance(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return 0.2126 * channel((rgb >> 16) & 0xff)
        + 0.7152 * channel((rgb >> 8) & 0xff)
        + 0.0722 * channel(rgb & 0xff);
  }

  private static double channel(int value) {
    double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  /** An https URL, or a path served by the app itself (e.g. /brand-assets/…); null if blank. */
  public static String imageUrl(BrandField field, String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    if (v.length() <= 2000 && v.startsWith("/") && !v.startsWith("//") && !v.contains("\\")) {
      return v;
    }
    if (isHttps(v)) {
      return v;
    }
    throw DomainException.invalid(
        field.jsonName(),
        label(field) + " URL must be an https:// address or a path starting with /.");
  }

  public static String supportEmail(String value) {
    String v = blankToNull(value);
    return v == null ? null : Emails.normalise("supportEmail", v);
  }

  public static String supportUrl(String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    if (!isHttps(v)) {
      throw DomainException.invalid(
          "supportUrl", "Support URL must be an https:// address, got '" + v + "'.");
    }
    return v;
  }

  private static boolean isHttps(String v) {
    if (v.length() > 2000) {
      return false;
    }
    try {
      URI uri = new URI(v);
      return "https".equalsIgnoreCase(uri.getScheme())
          && uri.getHost() != null
          && uri.getUserInfo() == null;
    } catch (Exception e) {
      return false;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String label(BrandField field) {
    return switch (field) {
      case PRODUCT_NAME -> "Product name";
      case LOGO -> "Logo";
      case FAVICON -> "Favicon";
      case PRIMARY_COLOR -> "Primary colour";
      case ACCENT_COLOR -> "Accent colour";
      case SUPPORT_EMAIL -> "Support email";
      case SUPPORT_URL -> "Support URL";
    };
  }
}
