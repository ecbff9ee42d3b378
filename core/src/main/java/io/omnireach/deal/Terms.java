package io.omnireach.deal;

import java.math.BigDecimal;
import java.util.List;

/** The terms of a decision: one discount on every line, the contract length, payment terms. */
public record Terms(
    BigDecimal discountPercent,
    Integer termMonths,
    String paymentTerms,
    String currency,
    List<Line> lines,
    BigDecimal total) {

  /** A line as offered: the undiscounted (tier) unit price, the discount, the net unit price. */
  public record Line(
      long productId,
      String product,
      int quantity,
      BigDecimal unitPrice,
      BigDecimal discountPercent,
      BigDecimal netUnitPrice,
      BigDecimal net) {}

  public Terms {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
