package io.omnireach.deal;

import io.omnireach.policy.DiscountText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a pricing message asks for, by rules only (no LLM): the discount as the policy engine
 * reads it ("20% off", "forty percent", "a fifth off", "$200 off $1,000"), an amount off without a
 * base, the contract length ("24 months", "two years"), payment terms ("net 60", "monthly"), a
 * quantity ("50 seats"), the currencies named, and claims of approval or attempts to change the
 * rules. Several discounts or amounts off in one message are added up (a split ask). The text is
 * folded first (case, accents, look-alike letters, invisible characters).
 */
public final class AskParser {

  private static final String NUMBER_WORDS =
      "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four"
          + "|twenty four|thirty-six|thirty six|forty-eight|forty eight|sixty";
  private static final Map<String, Integer> WORD_VALUES =
      Map.ofEntries(
          Map.entry("one", 1),
          Map.entry("a", 1),
          Map.entry("an", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("eighteen", 18),
          Map.entry("twenty-four", 24),
          Map.entry("twenty four", 24),
          Map.entry("thirty-six", 36),
          Map.entry("thirty six", 36),
          Map.entry("forty-eight", 48),
          Map.entry("forty eight", 48),
          Map.entry("sixty", 60));

  private static final Pattern MONTHS =
      Pattern.compile("\\b(\\d{1,3}|" + NUMBER_WORDS + ")[ -]?(?:months?|mo)\\b");
  private static final Pattern YEARS =
      Pattern.compile("\\b(\\d{1,2}|a|an|" + NUMBER_WORDS + ")[ -]?(?:years?|yrs?)\\b");
  private static final Pattern NET = Pattern.compile("\\bnet[ -]?(\\d{1,3})\\b");
  private static final Pattern CADENCE =
      Pattern.compile(
          "\\b(?:pay(?:ing|ment)?s?|paid|billed|billing|invoiced?)\\s+(?:\\w+\\s+){0,2}?"
              + "(monthly|quarterly|annually|yearly|upfront|up front|in advance)\\b"
              + "|\\b(monthly|quarterly|annual|yearly) (?:payments?|billing|invoic\\w+)\\b");
  private static final Pattern QUANTITY =
      Pattern.compile("\\b(\\d{1,6})\\s*(?:seats?|licen[cs]es?|users?|units?|accounts?)\\b");

  /** An amount off with no price after it: "$500 off", "500 euros off". */
  private static final Pattern MONEY_OFF =
      Pattern.compile(
          "(?:([$€£])\\s?(\\d[\\d,]*(?:\\.\\d+)?)\\s?(k)?"
              + "|(\\d[\\d,]*(?:\\.\\d+)?)\\s?(k)?\\s?(dollars|usd|euros?|eur|pounds|gbp|chf))"
              + "\\s*(?:off|discount|less|reduction|rebate)\\b");

  private static final Pattern CURRENCY =
      Pattern.compile(
          "[$€£¥]|\\b(?:usd|eur|gbp|chf|jpy|cad|aud|inr|sek|nok|dkk|pln)\\b"
              + "|\\b(?:dollars?|euros?|pounds? sterling|pounds|francs?|yen)\\b");
  private static final Pattern CLAIM =
      Pattern.compile(
          "\\b(?:ignore|disregard|forget|override|bypass)\\b[^.\\n]{0,40}?\\b(?:rules?|instructions?"
              + "|limits?|polic(?:y|ies)|guidelines?|prompt)\\b"
              + "|\\b(?:ceo|cfo|coo|cro|vp|director|manager|boss|founder|owner|head of sales|your"
              + " sales lead)\\b[^.\\n]{0,40}?\\b(?:approved|signed off|authori[sz]ed|agreed|okayed"
              + "|ok'd)\\b"
              + "|\\b(?:approved|authori[sz]ed|signed off)\\b[^.\\n]{0,40}?\\bby\\b"
              + "|\\bapproval (?:code|granted|attached|below|email)\\b"
              + "|\\bpre-?approved\\b|\\bsystem prompt\\b|\\byou are now\\b|\\bnew instructions\\b");

  private AskParser() {}

  public static Ask parse(String message) {
    String text = DiscountText.folded(message);
    // a split ask ("10% now and another 10% at renewal") is read as the sum of its parts
    BigDecimal discount =
        DiscountText.percents(message).stream()
            .filter(p -> p > 0)
            .map(p -> BigDecimal.valueOf(p).setScale(2, RoundingMode.HALF_UP))
            .reduce(BigDecimal::add)
            .map(p -> p.min(BigDecimal.valueOf(100).setScale(2)))
            .orElse(null);

    BigDecimal moneyOff = null;
    String moneyCurrency = null;
    Matcher m = MONEY_OFF.matcher(text);
    while (m.find()) {
      boolean symbol = m.group(1) != null;
      BigDecimal v = new BigDecimal((symbol ? m.group(2) : m.group(4)).replace(",", ""));
      if ((symbol ? m.group(3) : m.group(5)) != null) {
        v = v.multiply(BigDecimal.valueOf(1000));
      }
      String c = currency(symbol ? m.group(1) : m.group(6));
      if (moneyCurrency == null || moneyCurrency.equals(c)) {
        moneyOff = (moneyOff == null ? BigDecimal.ZERO : moneyOff).add(v);
        moneyCurrency = c;
      }
    }
    moneyOff = moneyOff == null ? null : moneyOff.setScale(2, RoundingMode.HALF_UP);

    Integer term = null;
    m = MONTHS.matcher(text);
    if (m.find()) {
      term = count(m.group(1));
    } else {
      m = YEARS.matcher(text);
      if (m.find()) {
        Integer years = count(m.group(1));
        term = years == null ? null : years * 12;
      }
    }

    String payment = null;
    m = NET.matcher(text);
    if (m.find()) {
      payment = "net" + Integer.parseInt(m.group(1));
    } else {
      m = CADENCE.matcher(text);
      if (m.find()) {
        String c = m.group(1) != null ? m.group(1) : m.group(2);
        payment =
            switch (c) {
              case "monthly" -> "monthly";
              case "quarterly" -> "quarterly";
              default -> "annual";
            };
      }
    }

    Integer quantity = null;
    m = QUANTITY.matcher(text);
    if (m.find()) {
      quantity = Integer.parseInt(m.group(1));
    }

    Set<String> currencies = new LinkedHashSet<>();
    m = CURRENCY.matcher(text);
    while (m.find()) {
      String c = currency(m.group());
      if (c != null) {
        currencies.add(c);
      }
    }

    List<String> claims = new ArrayList<>();
    m = CLAIM.matcher(text);
    while (m.find()) {
      claims.add(m.group());
    }
    return new Ask(
        discount,
        moneyOff,
        moneyCurrency,
        term,
        payment,
        quantity,
        List.copyOf(currencies),
        claims);
  }

  /** The ISO code a symbol or word stands for ("$" is read as US dollars). */
  static String currency(String s) {
    String w = s.strip();
    if (w.startsWith("$") || w.startsWith("dollar") || w.equals("usd")) {
      return "USD";
    }
    if (w.startsWith("€") || w.startsWith("euro") || w.equals("eur")) {
      return "EUR";
    }
    if (w.startsWith("£") || w.startsWith("pound") || w.equals("gbp")) {
      return "GBP";
    }
    if (w.startsWith("¥") || w.equals("yen") || w.equals("jpy")) {
      return "JPY";
    }
    if (w.startsWith("franc") || w.equals("chf")) {
      return "CHF";
    }
    return w.length() == 3 ? w.toUpperCase(java.util.Locale.ROOT) : null;
  }

  private static Integer count(String s) {
    if (Character.isDigit(s.charAt(0))) {
      return Integer.parseInt(s);
    }
    return WORD_VALUES.get(s);
  }
}
