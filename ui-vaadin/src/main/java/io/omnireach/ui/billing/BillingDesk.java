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

  PlanCard plan(AuthenticatedUser user);

  List<InvoiceRow> invoices(AuthenticatedUser user);

  /** The invoice as PDF in the issuer's brand. */
  byte[] invoicePdf(AuthenticatedUser user, long invoiceId);

  FinanceSheet finance(AuthenticatedUser operator, YearMonth month);

  String financeCsv(AuthenticatedUser operator, YearMonth month);

  /** Records a hand-sent invoice as paid (true) or void (false); only its issuer may. */
  void settle(AuthenticatedUser operator, long tenantId, long invoiceId, boolean paid);
}
