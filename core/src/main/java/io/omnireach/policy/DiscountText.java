package io.omnireach.policy;

import java.util.List;

/**
 * The discounts a text asks for or offers, read the way the max_discount policy reads them ("20%
 * off", "forty percent", "a fifth off", "$200 off $1,000"), for the deal desk's parser.
 */
public final class DiscountText {

  private DiscountText() {}

  /** Every discount found, in percent of the price it is taken from. */
  public static List<Double> percents(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Discounts.find(NormalizedText.of(text).text).stream()
        .map(Discounts.Found::percent)
        .toList();
  }

  /** The text folded for matching: lower case, no accents, invisible characters, look-alikes. */
  public static String folded(String text) {
    return text == null ? "" : NormalizedText.of(text).text;
  }
}
