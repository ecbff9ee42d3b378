package io.omnireach.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A price book entry. {@code floorPrice} is the lowest unit price ever offered; {@code
 * maxDiscountPercent} the most off the (tier) unit price; empty {@code paymentTerms} or {@code
 * contractMonths} mean none are allowed beyond what the deal already has.
 */
public record Product(
    long id,
    String name,
    String currency,
    BigDecimal listPrice,
    BigDecimal floorPrice,
    BigDecimal maxDiscountPercent,
    List<String> paymentTerms,
    List<Integer> contractMonths,
    List<Tier> volumeTiers,
    Instant updatedAt) {

  /** From {@code minQuantity} units on, each costs {@code unitPrice}. */
  public record Tier(int minQuantity, BigDecimal unitPrice) {}

  public Product {
    paymentTerms = paymentTerms == null ? List.of() : List.copyOf(paymentTerms);
    contractMonths = contractMonths == null ? List.of() : List.copyOf(contractMonths);
    volumeTiers =
        volumeTiers == null
            ? List.of()
            : volumeTiers.stream().sorted(Comparator.comparingInt(Tier::minQuantity)).toList();
  }

  /** The undiscounted unit price for {@code quantity}: the highest tier reached, else list. */
  public BigDecimal unitPrice(int quantity) {
    BigDecimal price = listPrice;
    for (Tier t : volumeTiers) {
      if (quantity >= t.minQuantity()) {
        price = t.unitPrice();
      }
    }
    return price;
  }
}
