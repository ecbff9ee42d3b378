package io.omnireach.deal;

import io.omnireach.common.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A product as written through the API or the UI, validated: a name, an ISO-4217 currency, list ≥
 * floor ≥ 0, a maximum discount from 0 to 100, payment terms (words like net30, annual), contract
 * lengths in months and volume tiers (minQuantity → unitPrice, each at or above the floor).
 */
public record ProductDraft(
    String name,
    String currency,
    BigDecimal listPrice,
    BigDecimal floorPrice,
    BigDecimal maxDiscountPercent,
    List<String> paymentTerms,
    List<Integer> contractMonths,
    List<Product.Tier> volumeTiers) {

  public ProductDraft {
    if (name == null || name.isBlank()) {
      throw DomainException.invalid("name", "name is required.");
    }
    name = name.strip();
    if (name.length() > 200) {
      throw DomainException.invalid("name", "name is at most 200 characters.");
    }
    currency = currency == null ? null : currency.strip().toUpperCase(Locale.ROOT);
    if (!Money.isCurrency(currency)) {
      throw DomainException.invalid(
          "currency", "currency must be an ISO-4217 code such as USD or EUR" + got(currency));
    }
    listPrice = money("listPrice", listPrice);
    floorPrice = money("floorPrice", floorPrice);
    if (floorPrice.compareTo(listPrice) > 0) {
      throw DomainException.invalid(
          "floorPrice", "floorPrice must not be above listPrice (" + listPrice + ").");
    }
    if (maxDiscountPercent == null
        || maxDiscountPercent.signum() < 0
        || maxDiscountPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw DomainException.invalid(
          "maxDiscountPercent", "maxDiscountPercent must be a number from 0 to 100.");
    }
    maxDiscountPercent = maxDiscountPercent.setScale(2, RoundingMode.HALF_UP);
    List<String> terms = new ArrayList<>();
    for (String t : paymentTerms == null ? List.<String>of() : paymentTerms) {
      String w = t == null ? "" : t.strip().toLowerCase(Locale.ROOT).replaceAll("[ _-]", "");
      if (!w.matches("net\\d{1,3}|monthly|quarterly|annual")) {
        throw DomainException.invalid(
            "paymentTerms", "paymentTerms are netN (net30), monthly, quarterly or annual" + got(t));
      }
      if (!terms.contains(w)) {
        terms.add(w);
      }
    }
    paymentTerms = terms;
    for (Integer m : contractMonths == null ? List.<Integer>of() : contractMonths) {
      if (m == null || m < 1 || m > 120) {
        throw DomainException.invalid(
            "contractMonths", "contractMonths are whole months from 1 to 120" + got(m));
      }
    }
    contractMonths =
        contractMonths == null ? List.of() : contractMonths.stream().distinct().sorted().toList();
    for (Product.Tier t : volumeTiers == null ? List.<Product.Tier>of() : volumeTiers) {
      if (t.minQuantity() < 1) {
        throw DomainException.invalid("volumeTiers", "a tier's minQuantity is at least 1.");
      }
      if (t.unitPrice() == null || t.unitPrice().compareTo(floorPrice) < 0) {
        throw DomainException.invalid(
            "volumeTiers", "a tier's unitPrice must not be below floorPrice (" + floorPrice + ").");
      }
    }
    volumeTiers = volumeTiers == null ? List.of() : List.copyOf(volumeTiers);
  }

  /** Reads a JSON body (numbers or numeric strings; never floating point for money). */
  public static ProductDraft read(Map<String, Object> body) {
    if (body == null) {
      throw DomainException.invalid(
          "name", "A JSON object with name, currency and prices is required.");
    }
    List<Product.Tier> tiers = new ArrayList<>();
    Object rawTiers = body.get("volumeTiers");
    if (rawTiers != null) {
      if (!(rawTiers instanceof List<?> list)) {
        throw DomainException.invalid(
            "volumeTiers", "volumeTiers is a list of {minQuantity, unitPrice}.");
      }
      for (Object o : list) {
        if (!(o instanceof Map<?, ?> m)) {
          throw DomainException.invalid(
              "volumeTiers", "volumeTiers is a list of {minQuantity, unitPrice}.");
        }
        BigDecimal q = decimal("volumeTiers", m.get("minQuantity"));
        if (q == null || q.stripTrailingZeros().scale() > 0) {
          throw DomainException.invalid("volumeTiers", "a tier's minQuantity is a whole number.");
        }
        tiers.add(
            new Product.Tier(
                q.intValueExact(),
                money("volumeTiers", decimal("volumeTiers", m.get("unitPrice")))));
      }
    }
    return new ProductDraft(
        string("name", body.get("name")),
        string("currency", body.get("currency")),
        decimal("listPrice", body.get("listPrice")),
        decimal("floorPrice", body.get("floorPrice")),
        decimal("maxDiscountPercent", body.get("maxDiscountPercent")),
        strings("paymentTerms", body.get("paymentTerms")),
        months(body.get("contractMonths")),
        tiers);
  }

  private static String got(Object v) {
    return v == null ? "." : ", got '" + v + "'.";
  }

  static BigDecimal money(String field, BigDecimal v) {
    if (v == null || v.signum() < 0 || v.compareTo(new BigDecimal("1000000000000")) >= 0) {
      throw DomainException.invalid(field, field + " must be an amount of 0 or more.");
    }
    if (v.stripTrailingZeros().scale() > 2) {
      throw DomainException.invalid(field, field + " has at most 2 decimals.");
    }
    return v.setScale(2, RoundingMode.HALF_UP);
  }

  static BigDecimal decimal(String field, Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Boolean || v instanceof Map || v instanceof List) {
      throw DomainException.invalid(field, field + " must be a number.");
    }
    // a string is plain digits ("100.00"): no exponents, so "1e3" cannot slip through as 1000
    if (v instanceof String str && !str.strip().matches("-?\\d{1,15}(\\.\\d+)?")) {
      throw DomainException.invalid(field, field + " must be a number" + got(v));
    }
    try {
      return new BigDecimal(v.toString().strip());
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, field + " must be a number" + got(v));
    }
  }

  static String string(String field, Object v) {
    if (v != null && !(v instanceof String)) {
      throw DomainException.invalid(field, field + " must be a string.");
    }
    return (String) v;
  }

  private static List<String> strings(String field, Object v) {
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list) || list.stream().anyMatch(o -> !(o instanceof String))) {
      throw DomainException.invalid(field, field + " must be a list of strings.");
    }
    return list.stream().map(String.class::cast).toList();
  }

  private static List<Integer> months(Object v) {
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw DomainException.invalid("contractMonths", "contractMonths must be a list of months.");
    }
    List<Integer> out = new ArrayList<>();
    for (Object o : list) {
      BigDecimal d = decimal("contractMonths", o);
      if (d == null
          || d.stripTrailingZeros().scale() > 0
          || d.compareTo(BigDecimal.valueOf(1000)) > 0) {
        throw DomainException.invalid(
            "contractMonths", "contractMonths are whole months from 1 to 120" + got(o));
      }
      out.add(d.intValue());
    }
    return out;
  }
}
