package io.omnireach.deal;

import io.omnireach.common.DomainException;
import io.omnireach.lead.Stage;
import java.util.Arrays;
import java.util.Locale;

/** Where a deal stands, in pipeline order. */
public enum DealStage {
  QUALIFICATION,
  PROPOSAL,
  NEGOTIATION,
  WON,
  LOST;

  /** The lower-case name used in JSON and the database. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return name().charAt(0) + value().substring(1);
  }

  /** The stage the deal's lead takes (negotiation, won, lost), or null: the lead keeps its own. */
  public Stage leadStage() {
    return switch (this) {
      case NEGOTIATION -> Stage.NEGOTIATION;
      case WON -> Stage.WON;
      case LOST -> Stage.LOST;
      default -> null;
    };
  }

  public static DealStage parse(String field, String value) {
    if (value != null) {
      for (DealStage s : values()) {
        if (s.value().equals(value.strip().toLowerCase(Locale.ROOT))) {
          return s;
        }
      }
    }
    throw DomainException.invalid(
        field,
        "stage must be one of "
            + Arrays.stream(values()).map(DealStage::value).toList()
            + (value == null ? "." : ", got '" + value + "'."));
  }
}
