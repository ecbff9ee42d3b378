package io.omnireach.deal;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a message asks for, read deterministically ({@link AskParser}). Null fields were not asked.
 * {@code moneyOff} is an amount off without a price to take it from ("$500 off") in {@code
 * moneyCurrency}; {@code currencies} every currency the message names; {@code claims} phrases that
 * claim an approval or try to change the rules (they grant nothing).
 */
public record Ask(
    BigDecimal discountPercent,
    BigDecimal moneyOff,
    String moneyCurrency,
    Integer termMonths,
    String paymentTerms,
    Integer quantity,
    List<String> currencies,
    List<String> claims) {

  public Ask {
    currencies = currencies == null ? List.of() : List.copyOf(currencies);
    claims = claims == null ? List.of() : List.copyOf(claims);
  }

  public boolean asksNothing() {
    return discountPercent == null
        && moneyOff == null
        && termMonths == null
        && paymentTerms == null
        && quantity == null;
  }
}
