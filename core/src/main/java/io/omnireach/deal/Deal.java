package io.omnireach.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An opportunity with a lead. {@code amount} is the sum of the lines' net prices when the deal has
 * lines, else what was entered; {@code termMonths} and {@code paymentTerms} are the terms agreed so
 * far (null: not yet discussed).
 */
public record Deal(
    long id,
    long leadId,
    String leadName,
    String title,
    DealStage stage,
    String currency,
    BigDecimal amount,
    LocalDate closeDate,
    String owner,
    Integer termMonths,
    String paymentTerms,
    List<DealLine> lines,
    Instant createdAt,
    Instant updatedAt) {

  public Deal {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
