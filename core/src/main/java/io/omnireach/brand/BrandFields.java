package io.omnireach.brand;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Sets of brand fields kept in declaration order (stable JSON and UI order). */
final class BrandFields {

  private BrandFields() {}

  static Set<BrandField> immutable(Collection<BrandField> fields) {
    EnumSet<BrandField> set = EnumSet.noneOf(BrandField.class);
    if (fields != null) {
      set.addAll(fields);
    }
    return Collections.unmodifiableSet(set);
  }
}
