package io.omnireach.ui.shell;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Colour arithmetic for branding: WCAG contrast and a lighter tint of a brand colour that stays
 * readable as text on dark backgrounds.
 */
public final class Colours {

  private static final Pattern HEX = Pattern.compile("^#[0-9a-fA-F]{6}$");

  private Colours() {}

  public static boolean isHex(String value) {
    return value != null && HEX.matcher(value).matches();
  }

  static int[] rgb(String hex) {
    return new int[] {
      Integer.parseInt(hex.substring(1, 3), 16),
      Integer.parseInt(hex.substring(3, 5), 16),
      Integer.parseInt(hex.substring(5, 7), 16)
    };
  }

  static String hex(int[] rgb) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  }

  /** WCAG 2 relative luminance, 0 (black) to 1 (white). */
  static double luminance(String hex) {
    int[] c = rgb(hex);
    double[] l = new double[3];
    for (int i = 0; i < 3; i++) {
      double s = c[i] / 255.0;
      l[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
  }

  /** WCAG contrast ratio between two colours, 1 to 21. */
  public static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /**
   * The colour mixed towards white until it reaches 4.5:1 against {@code background} (a dark
   * surface); the colour itself when it already does.
   */
  public static String readableOn(String colour, String background) {
    int[] c = rgb(colour);
    for (int step = 0; step <= 20; step++) {
      double t = step / 20.0;
      int[] mixed = new int[3];
      for (int i = 0; i < 3; i++) {
        mixed[i] = (int) Math.round(c[i] + (255 - c[i]) * t);
      }
      String candidate = hex(mixed);
      if (contrast(candidate, background) >= 4.5) {
        return candidate;
      }
    }
    return "#ffffff";
  }
}
