package io.omnireach.billing.stripe;

import com.stripe.model.Invoice;
import io.omnireach.billing.stripe.StripeCustomers.Account;
import io.omnireach.billing.stripe.StripeCustomers.Kind;
import io.omnireach.db.Transactions;
import io.omnireach.mail.SystemMail;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.SendingGate;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Dunning ({@code platform.stripe_unpaid_invoices}, the only writer): a failed payment makes the
 * tenant PAST_DUE from the first failure on, reminds its admins by mail once per invoice, and after
 * the grace period ({@code OMNIREACH_BILLING_GRACE_DAYS}, 7) pauses sending through {@link
 * #gate()}; the invoice paid makes it OK again and sending resumes. Nothing is deleted at any
 * point.
 *
 * <p>Tolerant of Stripe's delivery: "since" is the earliest failure seen (events carry their own
 * time, so a late one moves it back, never forward), and a paid invoice stays paid whatever arrives
 * after.
 */
public final class StripeDunning {

  /** Where a tenant's bills stand. */
  public enum Status {
    OK,
    PAST_DUE
  }

  /**
   * @param since the first failed payment of the oldest unpaid invoice
   * @param pausesAt when sending is (or was) paused if it stays unpaid: since + grace
   */
  public record Standing(
      Status status,
      String invoiceId,
      String invoiceNumber,
      long amountDueMinor,
      String currency,
      String hostedUrl,
      Instant since,
      Instant pausesAt) {

    public static final Standing OK =
        new Standing(Status.OK, null, null, 0, null, null, null, null);

    public boolean sendingPaused(Instant now) {
      return status == Status.PAST_DUE && !now.isBefore(pausesAt);
    }

    /** "USD 49.00": the amount due in major units. */
    public String amountDue() {
      return money(amountDueMinor, currency);
    }
  }

  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final Transactions tx;
  private final SystemMail mail;
  private final Duration grace;
  private final Clock clock;

  public StripeDunning(Transactions tx, SystemMail mail, Duration grace, Clock clock) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("The grace period cannot be negative");
    }
    this.tx = tx;
    this.mail = mail;
    this.grace = grace;
    this.clock = clock;
  }

  public Duration grace() {
    return grace;
  }

  /**
   * A payment of the invoice failed at {@code at}. Returns true when it is the invoice's first
   * failure (the admins are reminded then, in this transaction).
   */
  boolean failed(Connection c, Account account, Invoice in, Instant at) throws SQLException {
    boolean first;
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into platform.stripe_unpaid_invoices as u (invoice_id, customer_id, number,"
                + " amount_due, currency, hosted_url, failed_since, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, now()) on conflict (invoice_id) do update"
                + " set failed_since = least(u.failed_since, excluded.failed_since),"
                + " number = coalesce(excluded.number, u.number),"
                + " amount_due = excluded.amount_due, hosted_url = coalesce(excluded.hosted_url,"
                + " u.hosted_url), updated_at = now()"
                // xmax = 0: inserted, i.e. the invoice's first failure we hear of
                + " returning xmax = 0")) {
      ps.setString(1, in.getId());
      ps.setString(2, in.getCustomer());
      ps.setString(3, in.getNumber());
      ps.setLong(4, in.getAmountDue() == null ? 0 : in.getAmountDue());
      ps.setString(5, in.getCurrency() == null ? "usd" : in.getCurrency());
      ps.setString(6, in.getHostedInvoiceUrl());
      ps.setTimestamp(7, Timestamp.from(at));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        first = rs.getBoolean(1);
      }
    }
    if (first && account.kind() == Kind.TENANT) {
      remind(c, account.id(), in, at);
    } else if (first) {
      remindReseller(c, account.id(), in);
    }
    return first;
  }

  /** The invoice is paid (or voided): it no longer holds the tenant back, for good. */
  void settled(Connection c, Invoice in, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into platform.stripe_unpaid_invoices as u (invoice_id, customer_id, number,"
                + " amount_due, currency, hosted_url, settled_at, updated_at)"
                + " values (?, ?, ?, 0, ?, ?, ?, now()) on conflict (invoice_id) do update"
                + " set settled_at = coalesce(u.settled_at, excluded.settled_at),"
                + " amount_due = 0, updated_at = now()")) {
      ps.setString(1, in.getId());
      ps.setString(2, in.getCustomer());
      ps.setString(3, in.getNumber());
      ps.setString(4, in.getCurrency() == null ? "usd" : in.getCurrency());
      ps.setString(5, in.getHostedInvoiceUrl());
      ps.setTimestamp(6, Timestamp.from(at));
      ps.executeUpdate();
    }
  }

  /** The tenant's standing now. */
  public Standing standing(long tenantId) {
    return standing(Account.tenant(tenantId));
  }

  /** A tenant's or a reseller's standing now. */
  public Standing standing(Account account) {
    return tx.platform(c -> standing(c, account));
  }

  private Standing standing(Connection c, Account account) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select u.invoice_id, u.number, u.amount_due, u.currency, u.hosted_url,"
                + " u.failed_since from platform.stripe_customers s"
                + " join platform.stripe_unpaid_invoices u on u.customer_id = s.customer_id"
                + " where s.account_kind = ? and s.account_id = ?"
                + " and u.settled_at is null and u.failed_since is not null"
                + " order by u.failed_since limit 1")) {
      ps.setString(1, account.kind().name());
      ps.setLong(2, account.id());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? pastDue(rs) : Standing.OK;
      }
    }
  }

  private Standing pastDue(ResultSet rs) throws SQLException {
    Instant since = rs.getTimestamp(6).toInstant();
    return new Standing(
        Status.PAST_DUE,
        rs.getString(1),
        rs.getString(2) == null ? rs.getString(1) : rs.getString(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        since,
        since.plus(grace));
  }

  /** A reseller whose wholesale invoice is unpaid past the grace period, for the Owner. */
  public record OverdueReseller(
      long resellerId, String name, String supportEmail, Standing standing) {}

  /**
   * Resellers with a wholesale invoice unpaid longer than the grace period, longest first. Their
   * tenants' sending is never paused for it (the tenants may well have paid their reseller): the
   * Owner sees them here and decides (talk to them, suspend the reseller by hand).
   */
  public List<OverdueReseller> overdueResellers() {
    return tx.platform(
        c -> {
          List<OverdueReseller> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select * from (select distinct on (r.id) u.invoice_id, u.number, u.amount_due,"
                      + " u.currency, u.hosted_url, u.failed_since, r.id, r.name, r.support_email"
                      + " from platform.stripe_customers s"
                      + " join platform.stripe_unpaid_invoices u on u.customer_id = s.customer_id"
                      + " join platform.resellers r on r.id = s.account_id"
                      + " where s.account_kind = 'RESELLER' and u.settled_at is null"
                      + " and u.failed_since is not null and u.failed_since <= ?"
                      + " order by r.id, u.failed_since) o order by failed_since, name")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant().minus(grace)));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new OverdueReseller(
                        rs.getLong(7), rs.getString(8), rs.getString(9), pastDue(rs)));
              }
            }
          }
          return out;
        });
  }

  /**
   * The relay's gate: once an invoice is unpaid longer than the grace period, nothing more goes out
   * for the tenant, with the reason in each held message. Called on the relay's connection.
   */
  public SendingGate gate() {
    return (c, tenantId, meter) -> {
      Standing s = standing(c, Account.tenant(tenantId));
      if (!s.sendingPaused(clock.instant())) {
        return SendingGate.Allowance.UNLIMITED;
      }
      return SendingGate.Allowance.paused(reason(s));
    };
  }

  /** Why sending is paused, for people to read (in held messages, the API, the banner). */
  public static String reason(Standing s) {
    return "invoice "
        + s.invoiceNumber()
        + " is unpaid since "
        + DAY.format(s.since())
        + " — update the payment method in Billing";
  }

  private void remind(Connection c, long tenantId, Invoice in, Instant at) throws SQLException {
    String workspace = null;
    String slug = null;
    List<long[]> ids = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select t.slug, t.display_name, u.id, u.email from platform.tenants t"
                + " join platform.memberships m on m.tenant_id = t.id"
                + " join platform.users u on u.id = m.user_id"
                + " where t.id = ? and m.role in ('ADMIN', 'FINANCE') order by u.id")) {
      ps.setLong(1, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          slug = rs.getString(1);
          workspace = rs.getString(2);
          ids.add(new long[] {rs.getLong(3)});
          emails.add(rs.getString(4));
        }
      }
    }
    if (slug == null) {
      return; // nobody to tell (the standing still shows in the app)
    }
    String number = in.getNumber() == null ? in.getId() : in.getNumber();
    Instant pauses = at.plus(grace);
    String message =
        "We could not collect the payment of "
            + money(in.getAmountDue() == null ? 0 : in.getAmountDue(), in.getCurrency())
            + " for invoice "
            + number
            + " of "
            + workspace
            + ". Please pay it or update the payment method in Billing. If it stays unpaid,"
            + " sending is paused on "
            + DAY.format(pauses)
            + "; nothing is deleted and sending resumes as soon as it is paid.";
    TenantRef tenant = new TenantRef(tenantId, slug);
    for (int i = 0; i < emails.size(); i++) {
      mail.alert(
          c,
          tenant,
          "billing-past-due:" + in.getId() + ":" + ids.get(i)[0],
          emails.get(i),
          "Payment failed for invoice " + number,
          message,
          in.getHostedInvoiceUrl());
    }
  }

  /**
   * The platform's reminder to a reseller whose wholesale invoice failed, to its support email, in
   * the platform's brand (the platform bills it). Nothing is paused.
   */
  private void remindReseller(Connection c, long resellerId, Invoice in) throws SQLException {
    String name = null;
    String email = null;
    try (PreparedStatement ps =
        c.prepareStatement("select name, support_email from platform.resellers where id = ?")) {
      ps.setLong(1, resellerId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          name = rs.getString(1);
          email = rs.getString(2);
        }
      }
    }
    if (email == null || email.isBlank()) {
      return; // no support email: the banner in its console still shows it
    }
    String number = in.getNumber() == null ? in.getId() : in.getNumber();
    mail.alert(
        c,
        null,
        "wholesale-past-due:" + in.getId(),
        email,
        "Payment failed for wholesale invoice " + number,
        "We could not collect the payment of "
            + money(in.getAmountDue() == null ? 0 : in.getAmountDue(), in.getCurrency())
            + " for wholesale invoice "
            + number
            + " of "
            + name
            + ". Please pay it or update the payment method. Your tenants keep working"
            + " meanwhile; the platform's operator will contact you if it stays unpaid.",
        in.getHostedInvoiceUrl());
  }

  static String money(long minor, String currency) {
    String code = currency == null ? "USD" : currency.toUpperCase(Locale.ROOT);
    int digits;
    try {
      digits = Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
    } catch (IllegalArgumentException e) {
      digits = 2;
    }
    return code + " " + BigDecimal.valueOf(minor, digits).toPlainString();
  }
}
