package io.omnireach.billing.invoice;

import io.omnireach.billing.plan.MeterConverter;
import io.omnireach.usage.Meter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A stored invoice line ({@code platform.invoice_lines}); immutable once made. A tenant's row (the
 * tenant discriminator is set by its entity manager). Lines of a finalized invoice never change:
 * the invoice refuses, and a database trigger too.
 */
@Entity
@Table(name = "invoice_lines", schema = "platform")
public class InvoiceLine {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne
  @JoinColumn(name = "invoice_id")
  private Invoice invoice;

  private int position;

  @Enumerated(EnumType.STRING)
  private LineKind kind;

  private String description;

  @Convert(converter = MeterConverter.class)
  private Meter meter;

  private long quantity;

  private long included;

  private long billable;

  @Column(name = "unit_price_minor")
  private Long unitPriceMinor;

  @Column(name = "price_per_1000_micros")
  private Long pricePer1000Micros;

  @Column(name = "amount_minor")
  private long amountMinor;

  protected InvoiceLine() {}

  InvoiceLine(Invoice invoice, int position, Line line) {
    this.invoice = invoice;
    this.position = position;
    this.kind = line.kind();
    this.description = line.description();
    this.meter = line.meter();
    this.quantity = line.quantity();
    this.included = line.included();
    this.billable = line.billable();
    this.unitPriceMinor = line.unitPriceMinor();
    this.pricePer1000Micros = line.pricePer1000Micros();
    this.amountMinor = line.amountMinor();
  }

  public Line toLine() {
    return new Line(
        kind,
        description,
        meter,
        quantity,
        included,
        billable,
        unitPriceMinor,
        pricePer1000Micros,
        amountMinor);
  }

  int position() {
    return position;
  }
}
