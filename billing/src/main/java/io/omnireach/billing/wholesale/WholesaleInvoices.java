package io.omnireach.billing.wholesale;

import io.omnireach.billing.InvoiceStatus;
import io.omnireach.billing.invoice.InvoiceCalculator;
import io.omnireach.billing.invoice.InvoicePdf;
import io.omnireach.billing.invoice.Invoices;
import io.omnireach.billing.invoice.Line;
import io.omnireach.billing.jpa.JpaTransactions;
import io.omnireach.billing.jpa.Times;
import io.omnireach.billing.plan.PriceBook;
import io.omnireach.billing.plan.TenantBilling;
import io.omnireach.brand.BrandResolver;
import io.omnireach.common.DomainException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the platform bills each reseller: one invoice per reseller and calendar month (UTC), with
 * per tenant the lines of its month priced at the reseller's wholesale prices — computed by {@link
 * Invoices#price}, the same computation as the finance desk's wholesale cost, so the invoice and
 * the desk never disagree. DRAFT while the month runs, finalized by the same scheduled finalizer as
 * tenants' invoices (OPEN, numbered {@code ORW-<year>-<000001>}: the platform's own gap-free series
 * for wholesale, apart from the {@code OR} series of the tenants it bills directly), then PAID or
 * VOID by the Owner (or by Stripe's webhook when the invoice was sent to Stripe).
 *
 * <p>Idempotent: one row per reseller and period (a unique index), written under a
 * transaction-scoped advisory lock per reseller and month; a finalized invoice is returned as it
 * is, so a re-run or a second server never makes a second one.
 */
public final class WholesaleInvoices {

  private static final Logger LOG = Logger.getLogger(WholesaleInvoices.class.getName());

  /** The issuer key in {@code invoice_sequences} and on the PDF. */
  public static final String ISSUER = "wholesale";

  /** The number prefix: the platform's ({@code OR}) wholesale ({@code W}) series. */
  public static final String PREFIX = "ORW";

  private final JpaTransactions jpa;
  private final Invoices invoices;
  private final BrandResolver brands;
  private final Clock clock;

  public WholesaleInvoices(
      JpaTransactions jpa, Invoices invoices, BrandResolver brands, Clock clock) {
    this.jpa = jpa;
    this.invoices = invoices;
    this.brands = brands;
    this.clock = clock;
  }

  /** Who is billed: the reseller's name and wholesale list. */
  private record Reseller(long id, String name, String wholesaleCode) {}

  /** A month computed for a reseller, stored nothing. */
  public record Computed(
      String wholesalePlan,
      String currency,
      String billTo,
      int tenants,
      List<WholesaleLine.Content> lines) {

    public long totalMinor() {
      return lines.stream().mapToLong(c -> c.line().amountMinor()).sum();
    }
  }

  // --- reading ---------------------------------------------------------------------------------

  /**
   * The reseller's wholesale invoices, newest first; the running month's draft is brought up to
   * date first.
   *
   * @param scope the acting reseller, or null for the Owner; another reseller's id is "not found"
   */
  public List<WholesaleInvoiceView> list(Long scope, long resellerId) {
    Reseller r = reseller(scope, resellerId);
    draft(r, currentMonth());
    return jpa.reseller(
        r.id(),
        em ->
            em
                .createQuery(
                    "select w from WholesaleInvoice w order by w.periodStart desc, w.id desc",
                    WholesaleInvoice.class)
                .getResultList()
                .stream()
                .map(w -> WholesaleInvoiceView.of(r.id(), w))
                .toList());
  }

  /**
   * Every reseller's finalized wholesale invoices (OPEN, PAID, VOID), newest period first: the
   * Owner's list. Running months are in the finance desk (wholesale cost) and in each reseller's
   * list.
   */
  public List<WholesaleInvoiceView> finalizedForAll() {
    List<Long> resellers =
        jpa.platform(
            em ->
                JpaTransactions.nativeQuery(
                        em,
                        "select distinct reseller_id from platform.wholesale_invoices"
                            + " where status <> 'DRAFT'")
                    .getResultList()
                    .stream()
                    .map(o -> ((Number) o).longValue())
                    .toList());
    List<WholesaleInvoiceView> all = new ArrayList<>();
    for (long r : resellers) {
      all.addAll(
          jpa.reseller(
              r,
              em ->
                  em
                      .createQuery(
                          "select w from WholesaleInvoice w where w.status <> :draft",
                          WholesaleInvoice.class)
                      .setParameter("draft", InvoiceStatus.DRAFT)
                      .getResultList()
                      .stream()
                      .map(w -> WholesaleInvoiceView.of(r, w))
                      .toList()));
    }
    all.sort(
        Comparator.comparing(WholesaleInvoiceView::periodStart)
            .reversed()
            .thenComparing(WholesaleInvoiceView::resellerName, String.CASE_INSENSITIVE_ORDER));
    return all;
  }

  /** One wholesale invoice of the reseller (a draft is brought up to date). */
  public WholesaleInvoiceView get(Long scope, long resellerId, long id) {
    Reseller r = reseller(scope, resellerId);
    WholesaleInvoiceView found =
        jpa.reseller(r.id(), em -> WholesaleInvoiceView.of(r.id(), require(em, id)));
    if (found.status() == InvoiceStatus.DRAFT) {
      return draft(r, YearMonth.from(found.periodStart())).orElse(found);
    }
    return found;
  }

  /** The invoice as PDF, in the platform's brand (the platform issues it). */
  public byte[] pdf(Long scope, long resellerId, long id) {
    return InvoicePdf.render(get(scope, resellerId, id).asInvoice(), brands.platform().brand());
  }

  /** The file name people get: {@code wholesale-ORW-2026-000003.pdf}. */
  public static String fileName(WholesaleInvoiceView invoice) {
    return "wholesale-" + InvoicePdf.title(invoice.asInvoice()).replace(' ', '-') + ".pdf";
  }

  // --- computing and writing -------------------------------------------------------------------

  /**
   * The reseller's month at its wholesale prices: per tenant that existed in the month (by name),
   * the lines {@link Invoices#price} computes at wholesale. Each tenant is read in its own units of
   * work; nothing is stored.
   */
  public Computed compute(long resellerId, YearMonth month) {
    return compute(reseller(null, resellerId), month);
  }

  private Computed compute(Reseller r, YearMonth month) {
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    List<TenantBilling> tenants = jpa.platform(em -> PriceBook.tenants(em, r.id()));
    List<WholesaleLine.Content> lines = new ArrayList<>();
    String currency = null;
    int count = 0;
    for (TenantBilling t : tenants) {
      if (!t.createdAt().isBefore(end)) {
        continue; // did not exist in that month
      }
      InvoiceCalculator.Computed w = invoices.price(t, month).wholesale();
      if (currency != null && !currency.equals(w.currency())) {
        // one invoice has one currency; plans of several currencies need one invoice each
        throw new IllegalStateException(
            "Reseller "
                + r.name()
                + "'s tenants are on plans in "
                + currency
                + " and "
                + w.currency()
                + ": a wholesale invoice has one currency.");
      }
      currency = w.currency();
      count++;
      for (Line l : w.lines()) {
        lines.add(new WholesaleLine.Content(t.tenantId(), t.slug(), w.planCode(), l));
      }
    }
    return new Computed(r.wholesaleCode(), currency, r.name(), count, List.copyOf(lines));
  }

  /** Creates or recomputes the month's draft; empty when the reseller had no tenant then. */
  Optional<WholesaleInvoiceView> draft(Reseller r, YearMonth month) {
    Computed c = compute(r, month);
    return jpa.reseller(
        r.id(),
        em -> {
          lock(em, r.id(), month);
          return upsertDraft(em, month, c).map(w -> WholesaleInvoiceView.of(r.id(), w));
        });
  }

  /**
   * Finalizes the reseller's month: recomputed a last time, numbered, OPEN. Refused while the month
   * runs; an invoice already finalized is returned as it is (never a second one).
   */
  public WholesaleInvoiceView finalizeMonth(long resellerId, YearMonth month) {
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    if (clock.instant().isBefore(end)) {
      throw DomainException.conflict(
          "month",
          "The wholesale invoice of " + month + " can be finalized once the month has ended.");
    }
    Reseller r = reseller(null, resellerId);
    Computed c = compute(r, month);
    return jpa.reseller(
        r.id(),
        em -> {
          lock(em, r.id(), month);
          WholesaleInvoice w =
              upsertDraft(em, month, c)
                  .orElseThrow(
                      () ->
                          DomainException.conflict(
                              "month", r.name() + " had no tenants in " + month + "."));
          if (w.status() == InvoiceStatus.DRAFT) {
            Instant now = clock.instant();
            w.finalizeAs(nextNumber(em, now), now);
          }
          return WholesaleInvoiceView.of(r.id(), w);
        });
  }

  /**
   * Finalizes every ended month not finalized yet ({@link Invoices#FINALIZE_AFTER} after its end):
   * last month of each reseller that had tenants then, and any older draft. Each in its own
   * transaction; a failure is logged and the rest go on. Returns how many were finalized.
   */
  public int finalizeEnded() {
    Instant now = clock.instant();
    YearMonth last =
        YearMonth.from(now.minus(Invoices.FINALIZE_AFTER).atZone(ZoneOffset.UTC)).minusMonths(1);
    Instant lastEnd = last.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    List<Object[]> due =
        jpa.platform(
            em -> {
              List<Object[]> rows = new ArrayList<>();
              for (Object row :
                  JpaTransactions.nativeQuery(
                          em,
                          "select r.id, ?::date from platform.resellers r where exists"
                              + " (select 1 from platform.tenants t where t.reseller_id = r.id"
                              + " and t.status <> 'PROVISIONING' and t.created_at < ?)"
                              + " and not exists (select 1 from platform.wholesale_invoices w"
                              + " where w.reseller_id = r.id and w.period_start = ?"
                              + " and w.status <> 'DRAFT')"
                              + " union select w.reseller_id, w.period_start"
                              + " from platform.wholesale_invoices w"
                              + " where w.status = 'DRAFT' and w.period_start < ?")
                      .setParameter(1, last.atDay(1))
                      .setParameter(2, Times.utc(lastEnd))
                      .setParameter(3, last.atDay(1))
                      .setParameter(4, last.atDay(1))
                      .getResultList()) {
                rows.add((Object[]) row);
              }
              return rows;
            });
    int finalized = 0;
    for (Object[] d : due) {
      long reseller = ((Number) d[0]).longValue();
      YearMonth month = YearMonth.from(localDate(d[1]));
      try {
        finalizeMonth(reseller, month);
        finalized++;
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Could not finalize the wholesale invoice of " + month + " for reseller " + reseller,
            e);
      }
    }
    return finalized;
  }

  /**
   * The Owner records how an OPEN wholesale invoice ended: PAID (e.g. a bank transfer) or VOID (its
   * number stays used). An invoice sent to Stripe follows Stripe's webhooks instead.
   */
  public WholesaleInvoiceView settle(long resellerId, long id, InvoiceStatus outcome) {
    if (outcome != InvoiceStatus.PAID && outcome != InvoiceStatus.VOID) {
      throw DomainException.invalid("status", "A wholesale invoice is settled as PAID or VOID.");
    }
    Reseller r = reseller(null, resellerId);
    return jpa.reseller(
        r.id(),
        em -> {
          WholesaleInvoice w = require(em, id);
          String name = w.number() == null ? "The draft" : "Wholesale invoice " + w.number();
          if (w.status() == InvoiceStatus.DRAFT) {
            throw DomainException.conflict(
                "status",
                name + " is finalized after its month; it cannot be " + outcome + " yet.");
          }
          if (w.externalId() != null) {
            throw DomainException.conflict(
                "source", name + " was sent to Stripe; it is paid or voided there.");
          }
          if (!w.settle(outcome, clock.instant())) {
            throw DomainException.conflict("status", name + " is " + w.status() + ".");
          }
          return WholesaleInvoiceView.of(r.id(), w);
        });
  }

  // --- Stripe ----------------------------------------------------------------------------------

  /** OPEN wholesale invoices not sent to Stripe yet (ids per reseller), oldest first. */
  public List<WholesaleInvoiceView> unsent() {
    List<Object[]> rows =
        jpa.platform(
            em -> {
              List<Object[]> out = new ArrayList<>();
              for (Object o :
                  JpaTransactions.nativeQuery(
                          em,
                          "select reseller_id, id from platform.wholesale_invoices"
                              + " where status = 'OPEN' and external_id is null order by id")
                      .getResultList()) {
                out.add((Object[]) o);
              }
              return out;
            });
    List<WholesaleInvoiceView> unsent = new ArrayList<>();
    for (Object[] r : rows) {
      long reseller = ((Number) r[0]).longValue();
      long id = ((Number) r[1]).longValue();
      unsent.add(jpa.reseller(reseller, em -> WholesaleInvoiceView.of(reseller, require(em, id))));
    }
    return unsent;
  }

  /** The invoice now exists in Stripe as {@code stripeInvoiceId}. */
  public void sentToStripe(
      long resellerId, long id, String stripeInvoiceId, String hostedUrl, String pdfUrl) {
    jpa.reseller(
        resellerId,
        em -> {
          require(em, id).sentToStripe(stripeInvoiceId, hostedUrl, pdfUrl, clock.instant());
          return null;
        });
  }

  /**
   * Stripe says its invoice is PAID or VOID (webhook): the wholesale invoice follows; repeated or
   * late events change nothing. Returns false when no wholesale invoice was sent as it.
   */
  public boolean recordStripe(long resellerId, String stripeInvoiceId, InvoiceStatus status) {
    return jpa.reseller(
        resellerId,
        em -> {
          Optional<WholesaleInvoice> w =
              em.createQuery(
                      "select w from WholesaleInvoice w where w.externalId = :id",
                      WholesaleInvoice.class)
                  .setParameter("id", stripeInvoiceId)
                  .getResultStream()
                  .findFirst();
          w.ifPresent(i -> i.settle(status, clock.instant()));
          return w.isPresent();
        });
  }

  // --- helpers ---------------------------------------------------------------------------------

  private YearMonth currentMonth() {
    return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
  }

  private Optional<WholesaleInvoice> upsertDraft(EntityManager em, YearMonth month, Computed c) {
    LocalDate start = month.atDay(1);
    WholesaleInvoice w =
        em.createQuery(
                "select w from WholesaleInvoice w where w.periodStart = :start",
                WholesaleInvoice.class)
            .setParameter("start", start)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (w != null && w.status() != InvoiceStatus.DRAFT) {
      return Optional.of(w);
    }
    if (c.tenants() == 0) {
      return Optional.ofNullable(w); // nothing to bill (a draft, if any, stays as it was)
    }
    Instant now = clock.instant();
    if (w == null) {
      w = WholesaleInvoice.draft(start, month.atEndOfMonth(), c.billTo(), now);
      em.persist(w);
    } else {
      w.clearLines();
      em.flush(); // old lines gone before the new ones take their positions
    }
    w.recompute(c.wholesalePlan(), c.currency(), c.billTo(), c.tenants(), c.lines(), now);
    em.flush(); // ids for the view
    return Optional.of(w);
  }

  /** The reseller, seen by {@code scope} (null: the Owner); 404 for no such or another one. */
  private Reseller reseller(Long scope, long resellerId) {
    if (scope != null && scope != resellerId) {
      throw DomainException.notFound("No reseller " + resellerId + ".");
    }
    List<?> rows =
        jpa.platform(
            em ->
                JpaTransactions.nativeQuery(
                        em, "select id, name, wholesale_plan from platform.resellers where id = ?")
                    .setParameter(1, resellerId)
                    .getResultList());
    if (rows.isEmpty()) {
      throw DomainException.notFound("No reseller " + resellerId + ".");
    }
    Object[] r = (Object[]) rows.get(0);
    return new Reseller(((Number) r[0]).longValue(), (String) r[1], (String) r[2]);
  }

  private static WholesaleInvoice require(EntityManager em, long id) {
    WholesaleInvoice w = em.find(WholesaleInvoice.class, id);
    if (w == null) {
      throw DomainException.notFound("No wholesale invoice " + id + " for this reseller.");
    }
    return w;
  }

  /** One draft or finalize at a time per reseller and month, across servers. */
  private static void lock(EntityManager em, long resellerId, YearMonth month) {
    JpaTransactions.nativeQuery(
            em, "select 1 from (select pg_advisory_xact_lock(hashtextextended(?, 0))) l")
        .setParameter(1, "wholesale:" + resellerId + ":" + month)
        .getSingleResult();
  }

  /** The next {@code ORW-<year>-<000001>}: the sequence row stays locked until commit. */
  private static String nextNumber(EntityManager em, Instant at) {
    int year = at.atZone(ZoneOffset.UTC).getYear();
    Number n =
        (Number)
            JpaTransactions.nativeQuery(
                    em,
                    "insert into platform.invoice_sequences as s (issuer, year, last_value)"
                        + " values (?, ?, 1) on conflict (issuer, year)"
                        + " do update set last_value = s.last_value + 1 returning s.last_value")
                .setParameter(1, ISSUER)
                .setParameter(2, year)
                .getSingleResult();
    return PREFIX + "-" + year + "-" + String.format(Locale.ROOT, "%06d", n.longValue());
  }

  private static LocalDate localDate(Object value) {
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return (LocalDate) value;
  }
}
