package io.omnireach.billing.wholesale;

import io.omnireach.billing.invoice.Line;
import io.omnireach.billing.invoice.LineKind;
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
 * One line of a wholesale invoice ({@code platform.wholesale_invoice_lines}): one line of one
 * tenant's month priced at wholesale. A reseller's row; immutable once made.
 */
@Entity
@Table(name = "wholesale_invoice_lines", schema = "platform")
public class WholesaleLine {

  /** A computed line and the tenant it is for. */
  public record Content(long tenantId, String tenantSlug, String planCode, Line line) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne
  @JoinColumn(name = "invoice_id")
  private WholesaleInvoice invoice;

  private int position;

  @Column(name = "tenant_id")
  private long tenantId;

  @Column(name = "tenant_slug")
  private String tenantSlug;

  @Column(name = "plan_code")
  private String planCode;

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

  protected WholesaleLine() {}

  WholesaleLine(WholesaleInvoice invoice, int position, Content c) {
    Line line = c.line();
    this.invoice = invoice;
    this.position = position;
    this.tenantId = c.tenantId();
    this.tenantSlug = c.tenantSlug();
    this.planCode = c.planCode();
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

  Content content() {
    return new Content(
        tenantId,
        tenantSlug,
        planCode,
        new Line(
            kind,
            description,
            meter,
            quantity,
            included,
            billable,
            unitPriceMinor,
            pricePer1000Micros,
            amountMinor));
  }
}
