package io.omnireach.graph;

import io.omnireach.common.DomainException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What an edge says, read "source kind target": a lead works_at an account, a user emailed a lead,
 * a lead replied to a user, a user met a lead, a lead was introduced_by a peer, a peer knows a
 * lead. Only {@link #KNOWS} and {@link #INTRODUCED_BY} are added by hand; the rest are derived.
 */
public enum EdgeKind {
  WORKS_AT,
  EMAILED,
  REPLIED,
  MET,
  INTRODUCED_BY,
  KNOWS;

  /** Lower-case name, as stored and in JSON. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean manual() {
    return this == KNOWS || this == INTRODUCED_BY;
  }

  public static EdgeKind parse(String value) {
    return Arrays.stream(values())
        .filter(k -> k.json().equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Unknown edge kind " + value));
  }

  /** A kind a person may add by hand; 400 naming the field otherwise. */
  public static EdgeKind parseManual(String value) {
    for (EdgeKind k : values()) {
      if (k.manual() && value != null && k.json().equals(value.strip().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw DomainException.invalid(
        "kind", "kind must be knows or introduced_by, got '" + value + "'.");
  }
}
