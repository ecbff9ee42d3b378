package io.omnireach.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds discounts in a folded text ({@link NormalizedText}) and what percent each amounts to: "20%
 * off", "20 percent discount", "save 25 %", "twenty-five per cent off", "a fifth off list", "half
 * price", "1/3 off", "$200 off $1,000", "$800 instead of $1,000". A percentage counts only near a
 * word of discounting ("20% of our customers" is not an offer).
 */
final class Discounts {

  /** A discount found: where (folded offsets) and how much. */
  record Found(int start, int end, double percent) {}

  private static final String UNITS =
      "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
          + "|fifteen|sixteen|seventeen|eighteen|nineteen";
  private static final String TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
  private static final String WORDS =
      "(?:(?:" + TENS + ")(?:[ -]?(?:" + UNITS + "))?|" + UNITS + "|(?:a |one )?hundred)";

  /** Digits, also spaced out to dodge a filter ("9 0 %"), or a number in words. */
  private static final String NUM =
      "(?:\\d(?: \\d){1,2}(?=\\s*(?:%|percent|per\\s*cent|pct))|\\d{1,3}(?:[.,]\\d+)?|"
          + WORDS
          + ")";

  private static final Pattern PERCENT =
      Pattern.compile(
          "(?<![\\w.,])("
              + NUM
              + ")\\s*(?:%|percent\\b|per\\s*cent\\b|pct\\b|per\\s*100\\b)"
              + "(\\s*(?:off|discount(?:ed)?|reduction|rebate|cheaper)\\b)?");

  /** Words of discounting, looked for around a percentage. */
  private static final Pattern DISCOUNT_WORD =
      Pattern.compile(
          "\\b(?:off|discount\\w*|reduc\\w*|sav(?:e|es|ing|ings)|rebate|markdown|marked down"
              + "|cheaper|cut|less|knock\\w*|slash\\w*|lower|below|deal|promo\\w*|coupon)\\b");

  private static final Map<String, Double> FRACTIONS =
      Map.of(
          "half",
          2.0,
          "halves",
          2.0,
          "third",
          3.0,
          "thirds",
          3.0,
          "quarter",
          4.0,
          "quarters",
          4.0,
          "fifth",
          5.0,
          "fifths",
          5.0,
          "tenth",
          10.0,
          "tenths",
          10.0);

  private static final Pattern FRACTION =
      Pattern.compile(
          "\\b(?:(a|an|one|two|three|four|1|2|3|4)[ -]?)?(half|halves|thirds?|quarters?|fifths?"
              + "|tenths?)\\b(?:[ -]?(?:the |of the |of |)?(?:list |regular |usual |retail"
              + " |full |normal )?(?:price|off|discount|cheaper|less|reduction))"
              + "|\\b(\\d{1,2})\\s*/\\s*(\\d{1,2})\\b(?:\\s*(?:the |of the )?(?:list |regular"
              + " |usual )?(?:price|off|discount|cheaper|less))");

  private static final String AMOUNT =
      "(?:[$€£]\\s?(\\d[\\d,]*(?:\\.\\d+)?)\\s?(k)?"
          + "|(\\d[\\d,]*(?:\\.\\d+)?)\\s?(k)?\\s?(?:dollars|usd|euros?|eur|pounds|gbp)\\b)";

  /** "$200 off $1,000", "$200 discount on the $1,000 list price". */
  private static final Pattern MONEY_OFF =
      Pattern.compile(
          AMOUNT
              + "\\s*(?:off|discount|less|reduction|rebate)\\b\\s*(?:(?:of|on|from|the|a|your"
              + "|our|an|list|regular|usual|full|normal|retail|price|of)\\s+)*"
              + AMOUNT);

  /** "$800 instead of $1,000", "$800, down from $1,000". */
  private static final Pattern MONEY_INSTEAD =
      Pattern.compile(
          AMOUNT
              + "[ ,]*(?:instead of|rather than|down from|reduced from|marked down from"
              + "|not|was|vs\\.?|versus)\\s*(?:the\\s+)?(?:usual\\s+|regular\\s+|list\\s+)?"
              + AMOUNT);

  private Discounts() {}

  static List<Found> find(String text) {
    List<Found> out = new ArrayList<>();
    Matcher m = PERCENT.matcher(text);
    while (m.find()) {
      Double value = number(m.group(1));
      if (value != null && (m.group(2) != null || nearDiscountWord(text, m.start(), m.end()))) {
        out.add(new Found(m.start(), m.end(), value));
      }
    }
    m = FRACTION.matcher(text);
    while (m.find()) {
      double pct;
      if (m.group(2) != null) {
        double count = m.group(1) == null ? 1 : count(m.group(1));
        pct = 100.0 * count / FRACTIONS.get(m.group(2));
      } else {
        double num = Double.parseDouble(m.group(3));
        double den = Double.parseDouble(m.group(4));
        if (den == 0 || num >= den) {
          continue;
        }
        pct = 100.0 * num / den;
      }
      out.add(new Found(m.start(), m.end(), pct));
    }
    m = MONEY_OFF.matcher(text);
    while (m.find()) {
      double off = amount(m, 1);
      double of = amount(m, 5);
      if (of > 0 && off < of) {
        out.add(new Found(m.start(), m.end(), 100.0 * off / of));
      }
    }
    m = MONEY_INSTEAD.matcher(text);
    while (m.find()) {
      double now = amount(m, 1);
      double was = amount(m, 5);
      if (was > 0 && now < was) {
        out.add(new Found(m.start(), m.end(), 100.0 * (was - now) / was));
      }
    }
    return out;
  }

  private static boolean nearDiscountWord(String text, int start, int end) {
    int from = Math.max(0, start - 40);
    int to = Math.min(text.length(), end + 40);
    String before = text.substring(from, start);
    String after = text.substring(end, to);
    // stay in the sentence: a line break or a full stop ends the look-around
    before = before.substring(Math.max(before.lastIndexOf('\n'), lastStop(before)) + 1);
    int cut = firstStop(after);
    after = cut < 0 ? after : after.substring(0, cut);
    return DISCOUNT_WORD.matcher(before).find() || DISCOUNT_WORD.matcher(after).find();
  }

  private static int lastStop(String s) {
    int best = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
        best = i;
      }
    }
    return best;
  }

  private static int firstStop(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n'
          || ((c == '.' || c == '!' || c == '?')
              && (i + 1 == s.length() || s.charAt(i + 1) == ' '))) {
        return i;
      }
    }
    return -1;
  }

  private static double amount(Matcher m, int group) {
    String digits = m.group(group) != null ? m.group(group) : m.group(group + 2);
    String k = m.group(group) != null ? m.group(group + 1) : m.group(group + 3);
    double v = Double.parseDouble(digits.replace(",", ""));
    return k == null ? v : v * 1000;
  }

  private static double count(String word) {
    return switch (word) {
      case "two", "2" -> 2;
      case "three", "3" -> 3;
      case "four", "4" -> 4;
      default -> 1;
    };
  }

  /** A number in digits ("12,5" is 12.5) or words up to "ninety-nine" and "a hundred". */
  static Double number(String s) {
    if (Character.isDigit(s.charAt(0))) {
      return Double.parseDouble(s.replace(" ", "").replace(',', '.'));
    }
    String w = s.replace('-', ' ').strip();
    if (w.endsWith("hundred")) {
      return 100.0;
    }
    String[] parts = w.split(" +");
    double total = 0;
    for (String p : parts) {
      Integer v = wordValue(p);
      if (v == null) {
        return null;
      }
      total += v;
    }
    return total;
  }

  private static Integer wordValue(String w) {
    String[] units = UNITS.split("\\|");
    for (int i = 0; i < units.length; i++) {
      if (units[i].equals(w)) {
        return i + 1;
      }
    }
    String[] tens = TENS.split("\\|");
    for (int i = 0; i < tens.length; i++) {
      if (tens[i].equals(w)) {
        return (i + 2) * 10;
      }
    }
    // "twentyfive" written together
    for (int i = 0; i < tens.length; i++) {
      if (w.startsWith(tens[i])) {
        Integer rest = wordValue(w.substring(tens[i].length()));
        return rest == null || rest > 9 ? null : (i + 2) * 10 + rest;
      }
    }
    return null;
  }
}
