package io.omnireach.billing.wholesale;

import io.omnireach.billing.InvoiceStatus;
import io.omnireach.billing.jpa.Times;
import io.omnireach.common.DomainException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What the platform bills one reseller for one calendar month ({@code
 * platform.wholesale_invoices}): DRAFT while the month runs, then OPEN with a number of the {@code
 * ORW} series and frozen lines, then PAID or VOID. A reseller's row: the reseller discriminator
 * ({@code reseller_id}) is set and filtered by the reseller's entity manager, never by a query.
 */
@Entity
@Table(name = "wholesale_invoices", schema = "platform")
public class WholesaleInvoice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String number;

  @Enumerated(EnumType.STRING)
  private InvoiceStatus status;

  @Column(name = "period_start")
  private LocalDate periodStart;

  @Column(name = "period_end")
  private LocalDate periodEnd;

  @Column(name = "wholesale_plan")
  private String wholesalePlan;

  private String currency;

  @Column(name = "total_minor")
  private long totalMinor;

  private int tenants;

  @Column(name = "bill_to")
  private String billTo;

  @Column(name = "external_id")
  private String externalId;

  @Column(name = "hosted_url")
  private String hostedUrl;

  @Column(name = "pdf_url")
  private String pdfUrl;

  @Column(name = "created_at")
  private OffsetDateTime createdAt;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  @Column(name = "finalized_at")
  private OffsetDateTime finalizedAt;

  @Column(name = "paid_at")
  private OffsetDateTime paidAt;

  @Column(name = "voided_at")
  private OffsetDateTime voidedAt;

  @OneToMany(
      mappedBy = "invoice",
      cascade = CascadeType.ALL,
      orphanRemoval = true,
      fetch = FetchType.EAGER)
  @OrderBy("position")
  private List<WholesaleLine> lines = new ArrayList<>();

  protected WholesaleInvoice() {}

  static WholesaleInvoice draft(LocalDate start, LocalDate end, String billTo, Instant at) {
    WholesaleInvoice i = new WholesaleInvoice();
    i.status = InvoiceStatus.DRAFT;
    i.periodStart = start;
    i.periodEnd = end;
    i.billTo = billTo;
    i.createdAt = Times.utc(at);
    i.updatedAt = Times.utc(at);
    return i;
  }

  void clearLines() {
    requireDraft();
    lines.clear();
  }

  /** Replaces the draft's content; the caller flushes after {@link #clearLines} first. */
  void recompute(
      String wholesalePlan,
      String currency,
      String billTo,
      int tenants,
      List<WholesaleLine.Content> computed,
      Instant at) {
    requireDraft();
    this.wholesalePlan = wholesalePlan;
    this.currency = currency;
    this.billTo = billTo;
    this.tenants = tenants;
    for (int i = 0; i < computed.size(); i++) {
      lines.add(new WholesaleLine(this, i + 1, computed.get(i)));
    }
    this.totalMinor = computed.stream().mapToLong(c -> c.line().amountMinor()).sum();
    this.updatedAt = Times.utc(at);
  }

  void finalizeAs(String number, Instant at) {
    requireDraft();
    this.number = number;
    this.status = InvoiceStatus.OPEN;
    this.finalizedAt = Times.utc(at);
    this.updatedAt = Times.utc(at);
  }

  /** OPEN → PAID or VOID; anything else (backwards, twice) is refused as false. */
  boolean settle(InvoiceStatus next, Instant at) {
    if (status != InvoiceStatus.OPEN
        || (next != InvoiceStatus.PAID && next != InvoiceStatus.VOID)) {
      return false;
    }
    status = next;
    updatedAt = Times.utc(at);
    if (next == InvoiceStatus.PAID) {
      paidAt = Times.utc(at);
    } else {
      voidedAt = Times.utc(at);
    }
    return true;
  }

  /** The Stripe invoice it was sent as. */
  void sentToStripe(String externalId, String hostedUrl, String pdfUrl, Instant at) {
    this.externalId = externalId;
    this.hostedUrl = hostedUrl;
    this.pdfUrl = pdfUrl;
    this.updatedAt = Times.utc(at);
  }

  private void requireDraft() {
    if (status != InvoiceStatus.DRAFT) {
      throw DomainException.conflict(
          null, "Wholesale invoice " + number + " is " + status + ": its lines no longer change.");
    }
  }

  Long id() {
    return id;
  }

  String number() {
    return number;
  }

  InvoiceStatus status() {
    return status;
  }

  LocalDate periodStart() {
    return periodStart;
  }

  LocalDate periodEnd() {
    return periodEnd;
  }

  String wholesalePlan() {
    return wholesalePlan;
  }

  String currency() {
    return currency;
  }

  long totalMinor() {
    return totalMinor;
  }

  int tenants() {
    return tenants;
  }

  String billTo() {
    return billTo;
  }

  String externalId() {
    return externalId;
  }

  String hostedUrl() {
    return hostedUrl;
  }

  String pdfUrl() {
    return pdfUrl;
  }

  Instant finalizedAt() {
    return Times.instant(finalizedAt);
  }

  Instant paidAt() {
    return Times.instant(paidAt);
  }

  Instant voidedAt() {
    return Times.instant(voidedAt);
  }

  List<WholesaleLine> lines() {
    return List.copyOf(lines);
  }
}
