package io.omnireach.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A product on a deal: quantity, the unit price before discount and the discount in percent. */
public record DealLine(
    long productId,
    String productName,
    int quantity,
    BigDecimal unitPrice,
    BigDecimal discountPercent) {

  /** What the line costs after its discount, rounded to cents. */
  public BigDecimal net() {
    return Money.discounted(unitPrice, discountPercent)
        .multiply(BigDecimal.valueOf(quantity))
        .setScale(2, RoundingMode.HALF_UP);
  }
}
