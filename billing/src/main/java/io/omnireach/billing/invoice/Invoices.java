package io.omnireach.billing.invoice;

import io.omnireach.billing.ExternalInvoice;
import io.omnireach.billing.InvoiceBook;
import io.omnireach.billing.InvoiceStatus;
import io.omnireach.billing.jpa.JpaTransactions;
import io.omnireach.billing.jpa.Times;
import io.omnireach.billing.plan.PlanChange;
import io.omnireach.billing.plan.PlanChanges;
import io.omnireach.billing.plan.PlanTerms;
import io.omnireach.billing.plan.PriceBook;
import io.omnireach.billing.plan.Prices;
import io.omnireach.billing.plan.TenantBilling;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.Meter;
import io.omnireach.usage.UsageTotals;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Self-made invoices, one per tenant and calendar month (UTC): a DRAFT recomputed from the usage
 * ledger while the month runs, finalized after it ends (OPEN, a gap-free number per issuer and
 * year, lines frozen), then PAID or VOID. Invoices read back from Stripe are recorded beside them
 * ({@link InvoiceBook}).
 *
 * <p>Usage and seats are read (JDBC) before the JPA transaction that writes the invoice; within it,
 * a transaction-scoped advisory lock per tenant and month makes two servers take turns.
 */
public final class Invoices implements InvoiceBook {

  private static final Logger LOG = Logger.getLogger(Invoices.class.getName());

  /** How long after a month ends its invoice is finalized: late events of the last second. */
  public static final Duration FINALIZE_AFTER = Duration.ofMinutes(5);

  private final JpaTransactions jpa;
  private final Transactions tx;
  private final UsageTotals usage;
  private final Clock clock;

  public Invoices(JpaTransactions jpa, Transactions tx, Clock clock) {
    this.jpa = jpa;
    this.tx = tx;
    this.usage = new UsageTotals(tx);
    this.clock = clock;
  }

  /** The month now (UTC). */
  public YearMonth currentMonth() {
    return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
  }

  /**
   * The tenant's invoices, newest period first; the running month's draft is brought up to date.
   */
  public List<InvoiceView> list(TenantRef tenant) {
    draft(tenant, currentMonth());
    return jpa.tenant(
        tenant,
        em ->
            em
                .createQuery(
                    "select i from Invoice i order by i.periodStart desc, i.id desc", Invoice.class)
                .getResultList()
                .stream()
                .map(InvoiceView::of)
                .toList());
  }

  /** One of the tenant's invoices; another tenant's id is "not found". */
  public InvoiceView get(TenantRef tenant, long id) {
    InvoiceView found = jpa.tenant(tenant, em -> InvoiceView.of(require(em, id)));
    if (found.status() == InvoiceStatus.DRAFT && found.source() == Invoice.Source.SELF) {
      return draft(tenant, YearMonth.from(found.periodStart()));
    }
    return found;
  }

  /** Creates or recomputes the month's draft; a finalized invoice is returned as it is. */
  public InvoiceView draft(TenantRef tenant, YearMonth month) {
    Facts facts = facts(tenant, month);
    return jpa.tenant(
        tenant,
        em -> {
          lock(em, tenant, month);
          return InvoiceView.of(upsertDraft(em, facts));
        });
  }

  /**
   * Finalizes the month's invoice: recomputed a last time, numbered, OPEN. Refused while the month
   * runs; an invoice already finalized is returned as it is.
   */
  public InvoiceView finalizeMonth(TenantRef tenant, YearMonth month) {
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    if (clock.instant().isBefore(end)) {
      throw DomainException.conflict(
          "month", "The invoice of " + month + " can be finalized once the month has ended.");
    }
    Facts facts = facts(tenant, month);
    return jpa.tenant(
        tenant,
        em -> {
          lock(em, tenant, month);
          Invoice invoice = upsertDraft(em, facts);
          if (invoice.status() == InvoiceStatus.DRAFT) {
            Instant now = clock.instant();
            invoice.finalizeAs(nextNumber(em, facts.tenant(), now), now);
          }
          return InvoiceView.of(invoice);
        });
  }

  /**
   * Finalizes every month that ended at least {@link #FINALIZE_AFTER} ago and is not finalized: the
   * previous month of each tenant that existed then, and any older draft. Each invoice in its own
   * transaction; one failure is logged and the rest go on. Returns how many were finalized.
   */
  public int finalizeEnded() {
    Instant now = clock.instant();
    YearMonth last =
        YearMonth.from(now.minus(FINALIZE_AFTER).atZone(ZoneOffset.UTC)).minusMonths(1);
    Instant lastEnd = last.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    List<Due> due = new ArrayList<>();
    jpa.platform(
        em -> {
          // the platform job reads tenant ids across tenants in plain SQL, then works per tenant:
          // tenants that existed last month and whose invoice of it is not finalized yet, and any
          // older draft (a month's end while no server ran)
          for (Object row :
              JpaTransactions.nativeQuery(
                      em,
                      "select t.id, t.slug, ?::date from platform.tenants t"
                          + " where t.status <> 'PROVISIONING' and t.created_at < ?"
                          + " and not exists (select 1 from platform.invoices i"
                          + " where i.tenant_id = t.id and i.source = 'SELF'"
                          + " and i.period_start = ? and i.status <> 'DRAFT')"
                          + " union select i.tenant_id, t.slug, i.period_start"
                          + " from platform.invoices i join platform.tenants t on t.id = i.tenant_id"
                          + " where i.source = 'SELF' and i.status = 'DRAFT' and i.period_start < ?")
                  .setParameter(1, last.atDay(1))
                  .setParameter(2, Times.utc(lastEnd))
                  .setParameter(3, last.atDay(1))
                  .setParameter(4, last.atDay(1))
                  .getResultList()) {
            Object[] r = (Object[]) row;
            due.add(
                new Due(
                    new TenantRef(((Number) r[0]).longValue(), (String) r[1]),
                    YearMonth.from(localDate(r[2]))));
          }
          return null;
        });
    int finalized = 0;
    for (Due d : due) {
      try {
        if (finalizeMonth(d.tenant(), d.month()).finalizedAt() != null) {
          finalized++;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not finalize " + d.month() + " of " + d.tenant().slug(), e);
      }
    }
    return finalized;
  }

  private record Due(TenantRef tenant, YearMonth month) {}

  /**
   * Records how a hand-sent invoice ended: PAID (e.g. by bank transfer) or VOID (cancelled; its
   * number stays used). Only the invoice's issuer may: a reseller for its tenants' invoices, the
   * Owner for tenants the platform bills directly. Invoices read back from Stripe are settled in
   * Stripe and only follow its webhooks.
   *
   * @param resellerScope the acting reseller, or null for the Owner
   */
  public InvoiceView settle(
      Long resellerScope, long tenantId, long invoiceId, InvoiceStatus outcome) {
    if (outcome != InvoiceStatus.PAID && outcome != InvoiceStatus.VOID) {
      throw DomainException.invalid("status", "An invoice is settled as PAID or VOID.");
    }
    TenantBilling t = jpa.platform(em -> PriceBook.tenant(em, tenantId));
    if (resellerScope != null && !resellerScope.equals(t.resellerId())) {
      throw DomainException.notFound("No tenant " + tenantId + ".");
    }
    String actor = resellerScope == null ? "platform" : "reseller:" + resellerScope;
    return jpa.tenant(
        t.ref(),
        em -> {
          Invoice invoice = require(em, invoiceId);
          String name = invoice.number() == null ? "The draft" : "Invoice " + invoice.number();
          if (invoice.source() != Invoice.Source.SELF) {
            throw DomainException.conflict(
                "source",
                name + " comes from " + invoice.source() + "; it is paid or voided there.");
          }
          if (!actor.equals(invoice.issuer())) {
            throw DomainException.conflict(
                "issuer",
                name
                    + " was issued by "
                    + (invoice.resellerId() == null ? "the platform" : "the tenant's reseller")
                    + "; only its issuer records how it was settled.");
          }
          return move(em, invoice, outcome);
        });
  }

  private InvoiceView move(EntityManager em, Invoice invoice, InvoiceStatus next) {
    if (invoice.status() == InvoiceStatus.DRAFT) {
      throw DomainException.conflict(
          "status", "A draft is finalized first; it cannot be " + next + ".");
    }
    if (!invoice.advance(next, clock.instant())) {
      throw DomainException.conflict(
          "status", "Invoice " + invoice.number() + " is " + invoice.status() + ".");
    }
    return InvoiceView.of(invoice);
  }

  @Override
  public void recordExternal(long tenantId, ExternalInvoice external) {
    TenantBilling t = jpa.platform(em -> PriceBook.tenant(em, tenantId));
    jpa.tenant(
        t.ref(),
        em -> {
          Instant now = clock.instant();
          Invoice invoice =
              em.createQuery("select i from Invoice i where i.externalId = :id", Invoice.class)
                  .setParameter("id", external.externalId())
                  .getResultStream()
                  .findFirst()
                  .orElse(null);
          if (invoice == null) {
            invoice = Invoice.external("STRIPE", external.externalId(), t.displayName(), now);
            em.persist(invoice);
          }
          boolean draftThere = invoice.status() == InvoiceStatus.DRAFT;
          invoice.external(
              external.number(),
              external.periodStart(),
              external.periodEnd(),
              external.currency(),
              external.totalMinor(),
              external.hostedUrl(),
              external.pdfUrl(),
              now);
          if (draftThere || invoice.lineEntities().isEmpty()) {
            invoice.clearLines();
            em.flush();
            List<Line> lines = new ArrayList<>();
            for (ExternalInvoice.Line l : external.lines()) {
              lines.add(
                  new Line(
                      LineKind.EXTERNAL,
                      l.description(),
                      null,
                      l.quantity(),
                      0,
                      l.quantity(),
                      null,
                      null,
                      l.amountMinor()));
            }
            invoice.addExternalLines(lines);
          }
          invoice.advance(external.status(), now);
          return null;
        });
  }

  /**
   * What a month comes to for the finance view, stored nothing: at the tenant's retail prices, at
   * its reseller's wholesale prices (null without a reseller), the usage, and the stored invoice
   * when there is one (a finalized invoice's total is what was billed).
   */
  public record Priced(
      InvoiceCalculator.Computed retail,
      InvoiceCalculator.Computed wholesale,
      Map<Meter, Long> usage,
      Optional<InvoiceView> stored) {}

  public Priced price(TenantBilling tenant, YearMonth month) {
    Facts facts = facts(tenant.ref(), month);
    return jpa.tenant(
        tenant.ref(),
        em ->
            new Priced(
                compute(em, facts, retail(em, facts.tenant())),
                facts.tenant().resellerId() == null
                    ? null
                    : compute(
                        em,
                        facts,
                        plan -> PriceBook.wholesale(em, facts.tenant().wholesaleCode(), plan)),
                facts.usage(),
                selfInvoice(em, month.atDay(1)).map(InvoiceView::of)));
  }

  // --- computing -------------------------------------------------------------------------------

  /** What is read before the JPA transaction: who bills, usage and seats of the month. */
  private record Facts(TenantBilling tenant, YearMonth month, Map<Meter, Long> usage, long seats) {}

  private Facts facts(TenantRef ref, YearMonth month) {
    TenantBilling tenant = jpa.platform(em -> PriceBook.tenant(em, ref.id()));
    Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Map<Meter, Long> quantities = new EnumMap<>(Meter.class);
    usage.totals(ref.id(), from, to).forEach((m, t) -> quantities.put(m, t.quantity()));
    long seats = quantities.getOrDefault(Meter.ACTIVE_SEATS, 0L);
    if (seats == 0) {
      seats = members(ref.id()); // no daily snapshot recorded (yet): the members now
    }
    return new Facts(tenant, month, quantities, seats);
  }

  private long members(long tenantId) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select count(*) from memberships where tenant_id = ?")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  private static InvoiceCalculator.Computed compute(
      EntityManager em, Facts f, Function<PlanTerms, Prices> prices) {
    Instant from = f.month().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant to = f.month().plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Map<String, PlanTerms> plans = PriceBook.planMap(em);
    List<InvoiceCalculator.Change> changes = new ArrayList<>();
    for (PlanChange c : PlanChanges.between(em, from, to)) {
      changes.add(new InvoiceCalculator.Change(c.changedAt(), c.fromPlan(), c.toPlan()));
    }
    String atStart = PlanChanges.planAt(em, from, f.tenant().planCode());
    return InvoiceCalculator.compute(
        new InvoiceCalculator.Input(f.month(), atStart, changes, f.usage(), f.seats()),
        code -> {
          PlanTerms p = plans.get(code);
          if (p == null) {
            throw new IllegalStateException("Plan " + code + " has no terms in platform.plans");
          }
          return p;
        },
        prices);
  }

  /** The tenant's retail prices: what its invoices charge. */
  public static Function<PlanTerms, Prices> retail(EntityManager em, TenantBilling tenant) {
    return plan -> PriceBook.retail(em, tenant, plan);
  }

  private Invoice upsertDraft(EntityManager em, Facts f) {
    LocalDate start = f.month().atDay(1);
    Invoice invoice = selfInvoice(em, start).orElse(null);
    if (invoice != null && invoice.status() != InvoiceStatus.DRAFT) {
      return invoice;
    }
    Instant now = clock.instant();
    InvoiceCalculator.Computed computed = compute(em, f, retail(em, f.tenant()));
    if (invoice == null) {
      invoice =
          Invoice.draft(
              f.tenant().issuer(),
              f.tenant().resellerId(),
              start,
              f.month().atEndOfMonth(),
              f.tenant().displayName(),
              now);
      em.persist(invoice);
    } else {
      invoice.clearLines();
      em.flush(); // old lines deleted before the new ones take their positions
    }
    invoice.recompute(computed.planCode(), computed.currency(), computed.lines(), now);
    em.flush(); // ids for the view
    return invoice;
  }

  private static Optional<Invoice> selfInvoice(EntityManager em, LocalDate start) {
    return em.createQuery(
            "select i from Invoice i where i.source = :self and i.periodStart = :start",
            Invoice.class)
        .setParameter("self", Invoice.Source.SELF)
        .setParameter("start", start)
        .getResultStream()
        .findFirst();
  }

  private static Invoice require(EntityManager em, long id) {
    Invoice invoice = em.find(Invoice.class, id);
    if (invoice == null) {
      throw DomainException.notFound("No invoice " + id + " in this workspace.");
    }
    return invoice;
  }

  /** One draft or finalize at a time per tenant and month, across servers. */
  private static void lock(EntityManager em, TenantRef tenant, YearMonth month) {
    JpaTransactions.nativeQuery(
            em, "select 1 from (select pg_advisory_xact_lock(hashtextextended(?, 0))) l")
        .setParameter(1, "invoice:" + tenant.id() + ":" + month)
        .getSingleResult();
  }

  /**
   * The issuer's next number for the year, e.g. {@code OR-2026-000042}: an upsert on the sequence
   * row, which stays locked until this transaction ends — so a rolled-back finalize gives its
   * number back and two servers never share one.
   */
  private static String nextNumber(EntityManager em, TenantBilling tenant, Instant at) {
    int year = at.atZone(ZoneOffset.UTC).getYear();
    Number n =
        (Number)
            JpaTransactions.nativeQuery(
                    em,
                    "insert into platform.invoice_sequences as s (issuer, year, last_value)"
                        + " values (?, ?, 1) on conflict (issuer, year)"
                        + " do update set last_value = s.last_value + 1 returning s.last_value")
                .setParameter(1, tenant.issuer())
                .setParameter(2, year)
                .getSingleResult();
    return prefix(tenant) + "-" + year + "-" + String.format(Locale.ROOT, "%06d", n.longValue());
  }

  /** {@code OR} for the platform, the reseller's slug in capitals (without hyphens) otherwise. */
  static String prefix(TenantBilling tenant) {
    if (tenant.resellerId() == null) {
      return "OR";
    }
    String slug = tenant.resellerSlug().replace("-", "").toUpperCase(Locale.ROOT);
    return slug.length() > 8 ? slug.substring(0, 8) : slug;
  }

  private static LocalDate localDate(Object value) {
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return (LocalDate) value;
  }
}
