package io.omnireach.billing.plan;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts as people read them: "$1,234.50", "$1.00 per 1,000", "$0.60 per 1M". */
public final class Money {

  private Money() {}

  public static String format(long minor, String currency) {
    Currency c = Currency.getInstance(currency);
    NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
    f.setCurrency(c);
    int digits = Math.max(0, c.getDefaultFractionDigits());
    f.setMinimumFractionDigits(digits);
    f.setMaximumFractionDigits(digits);
    return f.format(BigDecimal.valueOf(minor).movePointLeft(digits));
  }

  /** A usage price given per 1,000 units in micros; below a cent per 1,000 it reads per million. */
  public static String unitPrice(long pricePer1000Micros, String currency) {
    Currency c = Currency.getInstance(currency);
    NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
    f.setCurrency(c);
    f.setMinimumFractionDigits(2);
    f.setMaximumFractionDigits(6);
    boolean perMillion = pricePer1000Micros > 0 && pricePer1000Micros < 10_000;
    BigDecimal major =
        BigDecimal.valueOf(pricePer1000Micros * (perMillion ? 1000 : 1)).movePointLeft(6);
    return f.format(major) + (perMillion ? " per 1M" : " per 1,000");
  }
}
