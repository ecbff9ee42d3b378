package io.omnireach.ui.workflow;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ISO-8601 durations of wait steps as a number and a unit, the way people pick them. */
public final class Durations {

  public enum Unit {
    MINUTES("minutes"),
    HOURS("hours"),
    DAYS("days");

    public final String label;

    Unit(String label) {
      this.label = label;
    }
  }

  /** An amount in one unit, e.g. 3 days. */
  public record Amount(int amount, Unit unit) {
    public String iso() {
      return switch (unit) {
        case MINUTES -> "PT" + amount + "M";
        case HOURS -> "PT" + amount + "H";
        case DAYS -> "P" + amount + "D";
      };
    }
  }

  private static final Pattern ISO =
      Pattern.compile("^P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?)?$", Pattern.CASE_INSENSITIVE);

  private Durations() {}

  /** "P2D" → 2 days, "PT36H" → 36 hours, "P1DT12H" → 36 hours; null when not such a duration. */
  public static Amount parse(String iso) {
    if (iso == null) {
      return null;
    }
    Matcher m = ISO.matcher(iso.trim().toUpperCase(Locale.ROOT));
    if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
      return null;
    }
    long minutes =
        num(m.group(1)) * 24 * 60 + num(m.group(2)) * 60 + num(m.group(3)); // always whole minutes
    if (minutes <= 0 || minutes > Integer.MAX_VALUE) {
      return null;
    }
    if (minutes % (24 * 60) == 0) {
      return new Amount((int) (minutes / (24 * 60)), Unit.DAYS);
    }
    if (minutes % 60 == 0) {
      return new Amount((int) (minutes / 60), Unit.HOURS);
    }
    return new Amount((int) minutes, Unit.MINUTES);
  }

  private static long num(String s) {
    return s == null ? 0 : Long.parseLong(s);
  }
}
