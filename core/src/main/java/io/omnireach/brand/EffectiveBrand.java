package io.omnireach.brand;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The brand to show: every field resolved (logo, favicon and support fields may still be null when
 * no layer sets them), where each came from, whether "Powered by OmniReach" shows, and which fields
 * the tenant may override.
 */
public record EffectiveBrand(
    Brand brand,
    Map<BrandField, BrandSource> sources,
    boolean showPoweredBy,
    Set<BrandField> tenantOverridable) {

  public EffectiveBrand {
    EnumMap<BrandField, BrandSource> ordered = new EnumMap<>(BrandField.class);
    ordered.putAll(sources);
    sources = Collections.unmodifiableMap(ordered);
    tenantOverridable = BrandFields.immutable(tenantOverridable);
  }

  public boolean overridable(BrandField field) {
    return tenantOverridable.contains(field);
  }
}
