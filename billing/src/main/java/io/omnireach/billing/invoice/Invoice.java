package io.omnireach.billing.invoice;

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
import java.util.Collections;
import java.util.List;

/**
 * An invoice of one tenant ({@code platform.invoices}): self-made per calendar month (DRAFT while
 * the month runs and recomputed from usage, then OPEN with a number and frozen lines, then PAID or
 * VOID), or read back from Stripe. A tenant's row: the tenant discriminator ({@code tenant_id}) is
 * set and filtered by the tenant's entity manager, never by a query.
 */
@Entity
@Table(name = "invoices", schema = "platform")
public class Invoice {

  /** Who made it. */
  public enum Source {
    SELF,
    STRIPE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String issuer;

  @Column(name = "reseller_id")
  private Long resellerId;

  @Enumerated(EnumType.STRING)
  private Source source;

  @Column(name = "external_id")
  private String externalId;

  private String number;

  @Enumerated(EnumType.STRING)
  private InvoiceStatus status;

  @Column(name = "period_start")
  private LocalDate periodStart;

  @Column(name = "period_end")
  private LocalDate periodEnd;

  @Column(name = "plan_code")
  private String planCode;

  private String currency;

  @Column(name = "total_minor")
  private long totalMinor;

  @Column(name = "bill_to")
  private String billTo;

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
  private List<InvoiceLine> lines = new ArrayList<>();

  protected Invoice() {}

  /** A new self-made draft for a month. */
  static Invoice draft(
      String issuer, Long resellerId, LocalDate start, LocalDate end, String billTo, Instant at) {
    Invoice i = new Invoice();
    i.source = Source.SELF;
    i.status = InvoiceStatus.DRAFT;
    i.issuer = issuer;
    i.resellerId = resellerId;
    i.periodStart = start;
    i.periodEnd = end;
    i.billTo = billTo;
    i.createdAt = Times.utc(at);
    i.updatedAt = Times.utc(at);
    return i;
  }

  /** A new record of an invoice issued elsewhere. */
  static Invoice external(String source, String externalId, String billTo, Instant at) {
    Invoice i = new Invoice();
    i.source = Source.valueOf(source);
    i.externalId = externalId;
    i.issuer = source.toLowerCase(java.util.Locale.ROOT);
    i.status = InvoiceStatus.DRAFT;
    i.billTo = billTo;
    i.createdAt = Times.utc(at);
    return i;
  }

  /**
   * Replaces the computed content of a draft. The caller flushes between {@link #clearLines} and
   * this, so the old lines are gone before the new ones take their positions.
   */
  void recompute(String plan, String currency, List<Line> computed, Instant at) {
    requireDraft();
    this.planCode = plan;
    this.currency = currency;
    for (int i = 0; i < computed.size(); i++) {
      lines.add(new InvoiceLine(this, i + 1, computed.get(i)));
    }
    this.totalMinor = computed.stream().mapToLong(Line::amountMinor).sum();
    this.updatedAt = Times.utc(at);
  }

  void clearLines() {
    if (source == Source.SELF) {
      requireDraft();
    }
    lines.clear();
  }

  /** Gives the draft its number and freezes it: OPEN (due). */
  void finalizeAs(String number, Instant at) {
    requireDraft();
    this.number = number;
    this.status = InvoiceStatus.OPEN;
    this.finalizedAt = Times.utc(at);
    this.updatedAt = Times.utc(at);
  }

  /**
   * Moves the status forward: DRAFT → OPEN → UNCOLLECTIBLE → PAID or VOID. A move backwards, or out
   * of PAID or VOID, is ignored and reported as false (a late or repeated message).
   */
  boolean advance(InvoiceStatus next, Instant at) {
    if (rank(next) <= rank(status)) {
      return false;
    }
    status = next;
    updatedAt = Times.utc(at);
    if (next == InvoiceStatus.PAID) {
      paidAt = Times.utc(at);
    } else if (next == InvoiceStatus.VOID) {
      voidedAt = Times.utc(at);
    } else if (next == InvoiceStatus.OPEN && finalizedAt == null) {
      finalizedAt = Times.utc(at);
    }
    return true;
  }

  private static int rank(InvoiceStatus s) {
    return switch (s) {
      case DRAFT -> 0;
      case OPEN -> 1;
      case UNCOLLECTIBLE -> 2;
      case PAID, VOID -> 3;
    };
  }

  /** Overwrites what the external issuer says (lines only while it is a draft there). */
  void external(
      String number,
      LocalDate start,
      LocalDate end,
      String currency,
      long totalMinor,
      String hostedUrl,
      String pdfUrl,
      Instant at) {
    this.number = number;
    this.periodStart = start;
    this.periodEnd = end;
    this.currency = currency;
    this.totalMinor = totalMinor;
    this.hostedUrl = hostedUrl;
    this.pdfUrl = pdfUrl;
    this.updatedAt = Times.utc(at);
  }

  void addExternalLines(List<Line> external) {
    int position = lines.size();
    for (Line l : external) {
      lines.add(new InvoiceLine(this, ++position, l));
    }
  }

  private void requireDraft() {
    if (status != InvoiceStatus.DRAFT) {
      throw DomainException.conflict(
          null, "Invoice " + number + " is " + status + ": its lines no longer change.");
    }
  }

  public Long id() {
    return id;
  }

  public String issuer() {
    return issuer;
  }

  public Long resellerId() {
    return resellerId;
  }

  public Source source() {
    return source;
  }

  public String externalId() {
    return externalId;
  }

  public String number() {
    return number;
  }

  public InvoiceStatus status() {
    return status;
  }

  public LocalDate periodStart() {
    return periodStart;
  }

  public LocalDate periodEnd() {
    return periodEnd;
  }

  public String planCode() {
    return planCode;
  }

  public String currency() {
    return currency;
  }

  public long totalMinor() {
    return totalMinor;
  }

  public String billTo() {
    return billTo;
  }

  public String hostedUrl() {
    return hostedUrl;
  }

  public String pdfUrl() {
    return pdfUrl;
  }

  public Instant createdAt() {
    return Times.instant(createdAt);
  }

  public Instant finalizedAt() {
    return Times.instant(finalizedAt);
  }

  public Instant paidAt() {
    return Times.instant(paidAt);
  }

  public List<Line> lines() {
    return lines.stream().map(InvoiceLine::toLine).toList();
  }

  List<InvoiceLine> lineEntities() {
    return Collections.unmodifiableList(lines);
  }
}
