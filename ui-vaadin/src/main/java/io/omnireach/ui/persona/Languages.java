package io.omnireach.ui.persona;

import java.util.List;
import java.util.Locale;

/** ISO 639-1 codes offered in the editor; people may type any other two-letter code. */
final class Languages {

  static final List<String> COMMON =
      List.of(
          "en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "nb", "fi", "pl", "cs", "tr", "ar",
          "he", "hi", "ja", "ko", "zh");

  private Languages() {}

  /** "German (de)"; just the code when Java does not know it. */
  static String label(String code) {
    if (code == null) {
      return "";
    }
    String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name + " (" + code + ")";
  }
}
