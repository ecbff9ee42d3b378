package io.omnireach.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Set;

/** Money helpers: amounts are BigDecimal with two decimals, currencies ISO-4217 codes. */
final class Money {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final Set<String> CODES =
      Currency.getAvailableCurrencies().stream()
          .map(Currency::getCurrencyCode)
          .collect(java.util.stream.Collectors.toSet());

  private Money() {}

  /** {@code price} less {@code percent}, to the cent. */
  static BigDecimal discounted(BigDecimal price, BigDecimal percent) {
    return price.multiply(HUNDRED.subtract(percent)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
  }

  /** The largest discount (in hundredths of a percent, rounded down) keeping price ≥ floor. */
  static BigDecimal headroom(BigDecimal price, BigDecimal floor) {
    if (price.signum() <= 0 || floor.compareTo(price) >= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return price.subtract(floor).multiply(HUNDRED).divide(price, 2, RoundingMode.DOWN);
  }

  static boolean isCurrency(String code) {
    return code != null && CODES.contains(code);
  }

  static String percent(BigDecimal p) {
    return p.stripTrailingZeros().toPlainString() + " %";
  }
}
