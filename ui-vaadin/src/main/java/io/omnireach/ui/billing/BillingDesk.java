package io.omnireach.ui.billing;

import io.omnireach.auth.AuthenticatedUser;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What the billing components need from the billing module (which the UI must not depend on); the
 * app implements it. Every method answers within the signed-in user's reach: a tenant's own plan
 * and invoices (another tenant's invoice is "not found"), a reseller's own tenants, the Owner's
 * all. Amounts come formatted for people and in minor units for charts.
 */
public interface BillingDesk {

  /** One meter on the plan card. {@code state}: OK, WARNING, OVERAGE, LIMIT_REACHED. */
  record MeterLine(
      String key,
      String label,
      long used,
      long included,
      Long softLimit,
      Long hardLimit,
      String unitPrice,
      String overage,
      String state,
      String message) {}

  record PlanCard(
      String code,
      String name,
      String baseFee,
      String seatPrice,
      long seatsUsed,
      int seatsIncluded,
      int seatLimit,
      String billedBy,
      YearMonth period,
      LocalDate resetsOn,
      List<MeterLine> meters,
      List<String> warnings) {}

  /** A row of the invoices grid. {@code status}: DRAFT, OPEN, PAID, VOID, UNCOLLECTIBLE. */
  record InvoiceRow(
      long id,
      String number,
      LocalDate periodStart,
      LocalDate periodEnd,
      String total,
      String status,
      String source,
      String externalPdfUrl) {}

  /**
   * A tenant's month on the finance desk; {@code settleable}: the operator issued its OPEN,
   * hand-sent invoice {@code invoiceId} and may mark it paid or void.
   */
  record FinanceRow(
      long tenantId,
      String slug,
      String name,
      String reseller,
      String plan,
      long emails,
      long aiTokens,
      long workflowSteps,
      Long invoiceId,
      String invoiceNumber,
      String invoiceStatus,
      boolean settleable,
      long retailMinor,
      Long wholesaleMinor,
      Long marginMinor,
      String retail,
      String wholesale,
      String margin) {}

  record FinanceSheet(
      YearMonth month,
      String currency,
      List<FinanceRow> rows,
      String retail,
      String wholesale,
      String margin,
      long emails,
      long aiTokens) {}

  /**
   * A wholesale invoice: what the platform bills a reseller for a month. {@code status}: DRAFT,
   * OPEN, PAID, VOID; {@code settleable}: the Owner may mark it paid or void (OPEN, not Stripe's).
   */
  record WholesaleRow(
      long id,
      long resellerId,
      String reseller,
      String number,
      YearMonth month,
      int tenants,
      String total,
      String status,
      boolean settleable,
      String stripeUrl) {}

  /** A reseller whose wholesale invoice is unpaid past the grace period (Owner). */
  record OverdueReseller(
      long resellerId, String reseller, String invoice, String amountDue, LocalDate since) {}

  PlanCard plan(AuthenticatedUser user);

  List<InvoiceRow> invoices(AuthenticatedUser user);

  /** The invoice as PDF in the issuer's brand. */
  byte[] invoicePdf(AuthenticatedUser user, long invoiceId);

  FinanceSheet finance(AuthenticatedUser operator, YearMonth month);

  String financeCsv(AuthenticatedUser operator, YearMonth month);

  /**
   * Wholesale invoices: a Reseller's own (the running month as a draft), or every reseller's
   * finalized ones for the Owner.
   */
  List<WholesaleRow> wholesaleInvoices(AuthenticatedUser operator);

  /** A wholesale invoice as PDF (the platform's brand). */
  byte[] wholesalePdf(AuthenticatedUser operator, long resellerId, long invoiceId);

  /** The Owner records a wholesale invoice as paid (true) or void (false). */
  void settleWholesale(AuthenticatedUser owner, long resellerId, long invoiceId, boolean paid);

  /** Resellers whose wholesale invoice is unpaid past the grace period (Owner; else empty). */
  List<OverdueReseller> overdueResellers(AuthenticatedUser operator);

  /** Records a hand-sent invoice as paid (true) or void (false); only its issuer may. */
  void settle(AuthenticatedUser operator, long tenantId, long invoiceId, boolean paid);
}
