package io.omnireach.deal;

import io.omnireach.common.DomainException;
import java.util.Arrays;
import java.util.Locale;

/** The kinds of transaction template. */
public enum DocumentKind {
  OFFER_LETTER("Offer letter"),
  ORDER_FORM("Order form"),
  CONTRACT("Contract");

  private final String label;

  DocumentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static DocumentKind parse(String field, String value) {
    if (value != null) {
      String v = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
      for (DocumentKind k : values()) {
        if (k.name().equals(v)) {
          return k;
        }
      }
    }
    throw DomainException.invalid(
        field,
        "kind must be one of "
            + Arrays.stream(values()).map(Enum::name).toList()
            + (value == null ? "." : ", got '" + value + "'."));
  }
}
