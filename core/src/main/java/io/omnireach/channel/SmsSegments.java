package io.omnireach.channel;

/**
 * How many SMS segments a text takes, as carriers and Twilio count them: GSM-7 when every character
 * is in the GSM 03.38 default alphabet or its extension table (the extension characters take two
 * septets), 160 septets in one segment and 153 per segment of a longer message; otherwise UCS-2
 * (UTF-16 code units), 70 in one segment and 67 per segment.
 */
public record SmsSegments(Encoding encoding, int units, int segments) {

  /** The text's encoding on the air. */
  public enum Encoding {
    GSM_7,
    UCS_2
  }

  private static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM_EXTENDED = "\f^{}\\[~]|€";

  public static SmsSegments count(String text) {
    String t = text == null ? "" : text;
    int septets = 0;
    boolean gsm = true;
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (GSM_BASIC.indexOf(ch) >= 0) {
        septets++;
      } else if (GSM_EXTENDED.indexOf(ch) >= 0) {
        septets += 2; // escape + character
      } else {
        gsm = false;
        break;
      }
    }
    if (gsm) {
      return new SmsSegments(Encoding.GSM_7, septets, segments(septets, 160, 153));
    }
    int units = t.length(); // UTF-16 code units: an emoji takes two
    return new SmsSegments(Encoding.UCS_2, units, segments(units, 70, 67));
  }

  private static int segments(int units, int single, int perPart) {
    if (units == 0) {
      return 1;
    }
    return units <= single ? 1 : (units + perPart - 1) / perPart;
  }
}
