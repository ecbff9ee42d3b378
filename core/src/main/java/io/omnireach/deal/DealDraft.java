package io.omnireach.deal;

import io.omnireach.common.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a deal as sent by a client; null = not given (PATCH leaves it unchanged). {@code
 * lines} replace the deal's lines when given; a line without unitPrice takes the product's (tier)
 * price.
 */
public record DealDraft(
    Long leadId,
    String title,
    DealStage stage,
    String currency,
    BigDecimal amount,
    LocalDate closeDate,
    String owner,
    Integer termMonths,
    String paymentTerms,
    List<LineDraft> lines) {

  /** A line as sent: product, quantity, and optionally unit price and discount. */
  public record LineDraft(
      long productId, int quantity, BigDecimal unitPrice, BigDecimal discountPercent) {}

  public static DealDraft read(Map<String, Object> body) {
    if (body == null) {
      throw DomainException.invalid("body", "A JSON object is required.");
    }
    BigDecimal lead = ProductDraft.decimal("leadId", body.get("leadId"));
    String title = ProductDraft.string("title", body.get("title"));
    if (title != null && (title.isBlank() || title.length() > 200)) {
      throw DomainException.invalid("title", "title is 1 to 200 characters.");
    }
    String stage = ProductDraft.string("stage", body.get("stage"));
    String currency = ProductDraft.string("currency", body.get("currency"));
    if (currency != null) {
      currency = currency.strip().toUpperCase(Locale.ROOT);
      if (!Money.isCurrency(currency)) {
        throw DomainException.invalid(
            "currency", "currency must be an ISO-4217 code such as USD, got '" + currency + "'.");
      }
    }
    BigDecimal amount = ProductDraft.decimal("amount", body.get("amount"));
    String close = ProductDraft.string("closeDate", body.get("closeDate"));
    LocalDate closeDate = null;
    if (close != null) {
      try {
        closeDate = LocalDate.parse(close);
      } catch (DateTimeParseException e) {
        throw DomainException.invalid("closeDate", "closeDate is a date like 2027-03-31.");
      }
    }
    BigDecimal term = ProductDraft.decimal("termMonths", body.get("termMonths"));
    if (term != null
        && (term.stripTrailingZeros().scale() > 0
            || term.compareTo(BigDecimal.ONE) < 0
            || term.compareTo(BigDecimal.valueOf(120)) > 0)) {
      throw DomainException.invalid("termMonths", "termMonths is a whole number from 1 to 120.");
    }
    String payment = ProductDraft.string("paymentTerms", body.get("paymentTerms"));
    List<LineDraft> lines = null;
    Object raw = body.get("lines");
    if (raw != null) {
      if (!(raw instanceof List<?> list)) {
        throw DomainException.invalid("lines", "lines is a list of {productId, quantity}.");
      }
      lines = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String f = "lines[" + i + "]";
        if (!(list.get(i) instanceof Map<?, ?> m)) {
          throw DomainException.invalid(f, f + " is an object {productId, quantity}.");
        }
        BigDecimal product = ProductDraft.decimal(f + ".productId", m.get("productId"));
        BigDecimal qty = ProductDraft.decimal(f + ".quantity", m.get("quantity"));
        if (product == null) {
          throw DomainException.invalid(f + ".productId", "productId is required.");
        }
        if (qty == null
            || qty.stripTrailingZeros().scale() > 0
            || qty.signum() <= 0
            || qty.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
          throw DomainException.invalid(
              f + ".quantity", "quantity is a whole number from 1 to 1,000,000.");
        }
        BigDecimal unit = ProductDraft.decimal(f + ".unitPrice", m.get("unitPrice"));
        BigDecimal discount =
            ProductDraft.decimal(f + ".discountPercent", m.get("discountPercent"));
        lines.add(
            new LineDraft(
                product.longValue(),
                qty.intValue(),
                unit == null ? null : ProductDraft.money(f + ".unitPrice", unit),
                discount));
      }
    }
    return new DealDraft(
        lead == null ? null : lead.longValue(),
        title == null ? null : title.strip(),
        stage == null ? null : DealStage.parse("stage", stage),
        currency,
        amount == null ? null : ProductDraft.money("amount", amount),
        closeDate,
        ProductDraft.string("owner", body.get("owner")),
        term == null ? null : term.intValue(),
        payment == null ? null : payment.strip().toLowerCase(Locale.ROOT).replaceAll("[ _-]", ""),
        lines);
  }
}
