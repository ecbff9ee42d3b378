package io.omnireach.brand;

import java.util.EnumMap;
import java.util.Map;

/**
 * One layer of white-label branding: the platform default, a reseller's brand or a tenant's
 * overrides. A null field means "not set here, inherit it".
 */
public record Brand(
    String productName,
    String logoUrl,
    String faviconUrl,
    String primaryColor,
    String accentColor,
    String supportEmail,
    String supportUrl) {

  /** A layer that sets nothing. */
  public static final Brand EMPTY = new Brand(null, null, null, null, null, null, null);

  /** What OmniReach looks like when nobody has branded it. */
  public static final Brand PLATFORM_DEFAULT =
      new Brand("OmniReach", "/brand/omnireach.svg", null, "#6d28d9", "#0f766e", null, null);

  public String get(BrandField field) {
    return switch (field) {
      case PRODUCT_NAME -> productName;
      case LOGO -> logoUrl;
      case FAVICON -> faviconUrl;
      case PRIMARY_COLOR -> primaryColor;
      case ACCENT_COLOR -> accentColor;
      case SUPPORT_EMAIL -> supportEmail;
      case SUPPORT_URL -> supportUrl;
    };
  }

  /** A copy with one field replaced (null clears it). */
  public Brand with(BrandField field, String value) {
    Map<BrandField, String> values = toMap();
    values.put(field, value);
    return of(values);
  }

  /**
   * Applies a partial update: a null field in {@code patch} keeps this layer's value, an empty
   * string clears it (back to inheriting), anything else replaces it.
   */
  public Brand patchedWith(Brand patch) {
    Map<BrandField, String> values = toMap();
    for (BrandField f : BrandField.values()) {
      String v = patch.get(f);
      if (v != null) {
        values.put(f, v.isBlank() ? null : v);
      }
    }
    return of(values);
  }

  /** The fields this layer sets, in declaration order. */
  public Map<BrandField, String> toMap() {
    Map<BrandField, String> values = new EnumMap<>(BrandField.class);
    for (BrandField f : BrandField.values()) {
      values.put(f, get(f));
    }
    return values;
  }

  public static Brand of(Map<BrandField, String> values) {
    return new Brand(
        values.get(BrandField.PRODUCT_NAME),
        values.get(BrandField.LOGO),
        values.get(BrandField.FAVICON),
        values.get(BrandField.PRIMARY_COLOR),
        values.get(BrandField.ACCENT_COLOR),
        values.get(BrandField.SUPPORT_EMAIL),
        values.get(BrandField.SUPPORT_URL));
  }
}
