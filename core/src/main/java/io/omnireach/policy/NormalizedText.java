package io.omnireach.policy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * A text folded for matching — lower case, no diacritics (NFKD without combining marks, so also
 * full-width and other compatibility forms), no invisible characters (zero-width joiners and
 * spaces, bidi controls, soft hyphens), common Cyrillic and Greek look-alikes mapped to Latin —
 * with a map from each folded character back to the original, so a match can be shown where it is.
 */
final class NormalizedText {

  /** Letters that look Latin (Cyrillic, Greek) and symbols used for them, after lower-casing. */
  private static final Map<Character, Character> CONFUSABLES =
      Map.ofEntries(
          Map.entry('а', 'a'),
          Map.entry('в', 'b'),
          Map.entry('е', 'e'),
          Map.entry('ё', 'e'),
          Map.entry('к', 'k'),
          Map.entry('м', 'm'),
          Map.entry('н', 'h'),
          Map.entry('о', 'o'),
          Map.entry('р', 'p'),
          Map.entry('с', 'c'),
          Map.entry('т', 't'),
          Map.entry('у', 'y'),
          Map.entry('х', 'x'),
          Map.entry('і', 'i'),
          Map.entry('ї', 'i'),
          Map.entry('ј', 'j'),
          Map.entry('ѕ', 's'),
          Map.entry('ԁ', 'd'),
          Map.entry('һ', 'h'),
          Map.entry('ӏ', 'l'),
          Map.entry('ԛ', 'q'),
          Map.entry('ԝ', 'w'),
          Map.entry('α', 'a'),
          Map.entry('β', 'b'),
          Map.entry('ε', 'e'),
          Map.entry('η', 'n'),
          Map.entry('ι', 'i'),
          Map.entry('κ', 'k'),
          Map.entry('ν', 'v'),
          Map.entry('ο', 'o'),
          Map.entry('ρ', 'p'),
          Map.entry('τ', 't'),
          Map.entry('υ', 'u'),
          Map.entry('χ', 'x'),
          Map.entry('γ', 'y'),
          Map.entry('ω', 'w'),
          Map.entry('ı', 'i'),
          Map.entry('ℓ', 'l'),
          Map.entry('\u2010', '-'),
          Map.entry('\u2011', '-'),
          Map.entry('\u2012', '-'),
          Map.entry('\u2013', '-'),
          Map.entry('\u2014', '-'),
          Map.entry('\u2212', '-'),
          Map.entry('\u00A0', ' '),
          Map.entry('\u2019', '\''),
          Map.entry('\u2018', '\''));

  final String original;
  final String text;
  private final int[] origin;

  private NormalizedText(String original, String text, int[] origin) {
    this.original = original;
    this.text = text;
    this.origin = origin;
  }

  static NormalizedText of(String original) {
    String s = original == null ? "" : original;
    StringBuilder out = new StringBuilder(s.length());
    int[] origin = new int[s.length() * 4 + 1];
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      if (!invisible(cp)) {
        String folded =
            Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT);
        for (int k = 0; k < folded.length(); k++) {
          char ch = folded.charAt(k);
          if (Character.getType(ch) == Character.NON_SPACING_MARK
              || Character.getType(ch) == Character.COMBINING_SPACING_MARK
              || Character.getType(ch) == Character.ENCLOSING_MARK) {
            continue;
          }
          Character mapped = CONFUSABLES.get(ch);
          char c = mapped == null ? ch : mapped;
          if (Character.isWhitespace(c) && c != '\n') {
            c = ' ';
          }
          if (out.length() >= origin.length - 1) {
            origin = java.util.Arrays.copyOf(origin, origin.length * 2);
          }
          origin[out.length()] = i;
          out.append(c);
        }
      }
      i += len;
    }
    origin[out.length()] = s.length();
    return new NormalizedText(s, out.toString(), origin);
  }

  /** Zero-width and other format characters (Cf), soft hyphen, and variation selectors. */
  private static boolean invisible(int cp) {
    return Character.getType(cp) == Character.FORMAT
        || cp == 0x00AD
        || cp == 0x034F
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  /** The original offset of folded position {@code i} (start of a match). */
  int start(int i) {
    return origin[i];
  }

  /** The original offset just past folded position {@code end - 1} (end of a match). */
  int end(int end) {
    if (end <= 0) {
      return 0;
    }
    int last = origin[end - 1];
    int cp = original.codePointAt(last);
    return last + Character.charCount(cp);
  }

  String excerpt(int start, int end) {
    return original.substring(start(start), end(end));
  }
}
