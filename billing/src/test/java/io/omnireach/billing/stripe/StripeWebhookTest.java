package io.omnireach.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.billing.ExternalInvoice;
import io.omnireach.billing.InvoiceStatus;
import io.omnireach.billing.stripe.StripeCustomers.Account;
import io.omnireach.billing.stripe.StripeWebhook.Outcome;
import io.omnireach.billing.testing.RecordingInvoiceBook;
import io.omnireach.billing.testing.StripeEvents;
import io.omnireach.billing.testing.StripeFake;
import io.omnireach.common.DomainException;
import io.omnireach.mail.SystemMail;
import io.omnireach.testing.TestDatabase;
import io.omnireach.usage.Meter;
import io.omnireach.usage.SendingGate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook with the real library on both sides: payloads signed by stripe-java's signing code,
 * verified by {@code Webhook.constructEvent}; each event applied once, in any order.
 */
class StripeWebhookTest {

  static final String SECRET = "whsec_webhook_test";
  static final Instant START = Instant.parse("2026-12-03T09:00:00Z");

  static TestDatabase db;
  static StripeFake stripe;
  static SettableClock clock;
  static StripeBilling billing;
  static RecordingInvoiceBook book;
  static StripeDunning dunning;
  static StripeWebhook webhook;
  static final List<Long> resumed = new ArrayList<>();

  @BeforeAll
  static void start() {
    db = TestDatabase.migrated();
    stripe = StripeFake.start();
    clock = new SettableClock(START);
    billing =
        new StripeBilling(
            db.transactions(), new StripeSettings("sk_test_wh", SECRET, stripe.baseUrl(), null));
    book = new RecordingInvoiceBook();
    dunning =
        new StripeDunning(
            db.transactions(),
            new SystemMail(clock, "https://app.example", t -> null),
            Duration.ofDays(7),
            clock);
    webhook = new StripeWebhook(db.transactions(), billing, book, dunning, resumed::add, clock);
  }

  @AfterAll
  static void stop() {
    stripe.close();
    db.close();
  }

  /** A tenant with an admin, a finance member and a sales member, and its Stripe customer. */
  record Tenant(long id, String customer) {}

  static Tenant tenant() {
    String slug = "wh-" + UUID.randomUUID().toString().substring(0, 8);
    long id = BillingFixture.tenant(db, slug, "Webhook " + slug);
    BillingFixture.member(db, id, "admin@" + slug + ".example", "ADMIN");
    BillingFixture.member(db, id, "finance@" + slug + ".example", "FINANCE");
    BillingFixture.member(db, id, "sales@" + slug + ".example", "SALES");
    return new Tenant(id, billing.customers().ensure(Account.tenant(id)));
  }

  static com.fasterxml.jackson.databind.node.ObjectNode invoice(
      String id, Tenant t, String number, String status) {
    Map<String, long[]> lines = new LinkedHashMap<>();
    lines.put("Emails sent (1,200)", new long[] {1200, 1800});
    lines.put("Team plan", new long[] {1, 4900});
    return stripe.putInvoice(
        id,
        t.customer(),
        number,
        status,
        "usd",
        Instant.parse("2026-11-01T00:00:00Z"),
        Instant.parse("2026-12-01T00:00:00Z"),
        lines);
  }

  static StripeWebhook.Result deliver(String eventId, String type, Instant created, Object object) {
    String payload =
        StripeEvents.event(
            eventId, type, created, (com.fasterxml.jackson.databind.JsonNode) object);
    return webhook.handle(
        payload, StripeEvents.sign(payload, SECRET, clock.instant().getEpochSecond()));
  }

  static long count(String sql, String bound) {
    return db.transactions()
        .platform(
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, bound);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  static SendingGate.Allowance allowance(Tenant t) {
    return db.transactions().platform(c -> dunning.gate().allowance(c, t.id(), Meter.EMAILS_SENT));
  }

  @Test
  void a_bad_a_stale_or_a_missing_signature_is_refused_and_changes_nothing() {
    Tenant t = tenant();
    String payload =
        StripeEvents.event(
            "evt_sig1", "invoice.paid", START, invoice("in_sig1", t, "OR-9", "paid"));
    long now = clock.instant().getEpochSecond();
    assertThatThrownBy(
            () -> webhook.handle(payload, StripeEvents.sign(payload, "whsec_other", now)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
              assertThat(e.field()).isEqualTo("Stripe-Signature");
            });
    assertThatThrownBy(() -> webhook.handle(payload, StripeEvents.sign(payload, SECRET, now - 301)))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("older than 300 seconds");
    assertThatThrownBy(
            () ->
                webhook.handle(
                    payload.replace("OR-9", "OR-1"), StripeEvents.sign(payload, SECRET, now)))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> webhook.handle(payload, null))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> webhook.handle("not json", StripeEvents.sign("not json", SECRET, now)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
    // within the tolerance it is fine
    assertThat(webhook.handle(payload, StripeEvents.sign(payload, SECRET, now - 290)).outcome())
        .isEqualTo(Outcome.APPLIED);
    assertThat(count("select count(*) from stripe_webhook_events where event_id = ?", "evt_sig1"))
        .isEqualTo(1);
  }

  @Test
  void without_a_webhook_secret_nothing_is_accepted() {
    StripeWebhook unset =
        new StripeWebhook(
            db.transactions(),
            new StripeBilling(
                db.transactions(), new StripeSettings("sk_test_wh", null, stripe.baseUrl(), null)),
            book,
            dunning,
            resumed::add,
            clock);
    String payload =
        StripeEvents.event(
            "evt_nosecret", "ping", START, StripeEvents.subscription("x", "y", "active"));
    assertThatThrownBy(() -> unset.handle(payload, StripeEvents.sign(payload, SECRET)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
  }

  @Test
  void a_finalized_invoice_is_recorded_with_everything_and_a_repeat_is_a_no_op() {
    Tenant t = tenant();
    var in = invoice("in_fin1", t, "OR-0042", "open");
    assertThat(deliver("evt_fin1", "invoice.finalized", START, in).outcome())
        .isEqualTo(Outcome.APPLIED);
    assertThat(deliver("evt_fin1", "invoice.finalized", START, in).outcome())
        .isEqualTo(Outcome.DUPLICATE);
    assertThat(book.calls(t.id(), "in_fin1")).isEqualTo(1);
    ExternalInvoice recorded = book.get(t.id(), "in_fin1").orElseThrow();
    assertThat(recorded.number()).isEqualTo("OR-0042");
    assertThat(recorded.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(recorded.currency()).isEqualTo("USD");
    assertThat(recorded.totalMinor()).isEqualTo(6700);
    assertThat(recorded.periodStart()).isEqualTo(LocalDate.parse("2026-11-01"));
    assertThat(recorded.periodEnd()).isEqualTo(LocalDate.parse("2026-12-01"));
    assertThat(recorded.hostedUrl()).isEqualTo("https://invoice.stripe.test/i/in_fin1");
    assertThat(recorded.pdfUrl()).isEqualTo("https://pay.stripe.test/invoice/in_fin1/pdf");
    assertThat(recorded.lines())
        .containsExactly(
            new ExternalInvoice.Line("Emails sent (1,200)", 1200, 1800),
            new ExternalInvoice.Line("Team plan", 1, 4900));
  }

  @Test
  void more_lines_than_the_event_carries_are_read_from_the_api() {
    Tenant t = tenant();
    var in = invoice("in_more1", t, "OR-0050", "open");
    var partial = in.deepCopy();
    var lines = (com.fasterxml.jackson.databind.node.ObjectNode) partial.get("lines");
    lines.put("has_more", true);
    ((com.fasterxml.jackson.databind.node.ArrayNode) lines.get("data")).remove(1);
    deliver("evt_more1", "invoice.finalized", START, partial);
    assertThat(book.get(t.id(), "in_more1").orElseThrow().lines()).hasSize(2);
  }

  @Test
  void a_paid_invoice_stays_paid_when_older_events_arrive_late() {
    Tenant t = tenant();
    var paid = invoice("in_ooo1", t, "OR-0043", "paid");
    deliver("evt_ooo_paid", "invoice.paid", START.plusSeconds(60), paid);
    var open = invoice("in_ooo1", t, "OR-0043", "open");
    deliver("evt_ooo_fin", "invoice.finalized", START, open);
    deliver("evt_ooo_fail", "invoice.payment_failed", START.plusSeconds(30), open);
    assertThat(book.get(t.id(), "in_ooo1").orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(dunning.standing(t.id()).status()).isEqualTo(StripeDunning.Status.OK);
    assertThat(
            count(
                "select count(*) from system_mail where idempotency_key like ?",
                "alert:billing-past-due:in_ooo1:%"))
        .as("no reminder for an invoice already paid")
        .isZero();
  }

  @Test
  void a_failed_payment_makes_the_tenant_past_due_reminds_admins_and_pauses_sending_after_grace() {
    Tenant t = tenant();
    clock.now = START;
    var open = invoice("in_due1", t, "OR-0044", "open");
    Instant failedAt = START.minus(Duration.ofHours(1));
    assertThat(deliver("evt_due1", "invoice.payment_failed", failedAt, open).outcome())
        .isEqualTo(Outcome.APPLIED);

    StripeDunning.Standing s = dunning.standing(t.id());
    assertThat(s.status()).isEqualTo(StripeDunning.Status.PAST_DUE);
    assertThat(s.invoiceNumber()).isEqualTo("OR-0044");
    assertThat(s.since()).isEqualTo(failedAt);
    assertThat(s.pausesAt()).isEqualTo(failedAt.plus(Duration.ofDays(7)));
    assertThat(s.amountDue()).isEqualTo("USD 67.00");
    assertThat(allowance(t)).isEqualTo(SendingGate.Allowance.UNLIMITED);
    // one reminder per admin and finance member, none to sales; branded ALERT mails
    assertThat(
            count(
                "select count(*) from system_mail where idempotency_key like ?",
                "alert:billing-past-due:in_due1:%"))
        .isEqualTo(2);
    assertThat(
            count(
                "select count(*) from system_mail where kind = 'ALERT' and subject = ?",
                "[OmniReach] Payment failed for invoice OR-0044"))
        .isEqualTo(2);
    assertThat(
            count(
                "select count(*) from system_mail where recipient like ? and subject like '%OR-0044'",
                "sales@%"))
        .isZero();

    // Stripe retries the charge and fails again: no second reminder, "since" stays the first
    deliver("evt_due2", "invoice.payment_failed", START.plus(Duration.ofDays(3)), open);
    assertThat(dunning.standing(t.id()).since()).isEqualTo(failedAt);
    assertThat(
            count(
                "select count(*) from system_mail where idempotency_key like ?",
                "alert:billing-past-due:in_due1:%"))
        .isEqualTo(2);

    clock.advance(Duration.ofDays(7));
    SendingGate.Allowance paused = allowance(t);
    assertThat(paused.remaining()).isZero();
    assertThat(paused.reason())
        .isEqualTo("invoice OR-0044 is unpaid since 3 Dec — update the payment method in Billing");
    assertThat(allowance(tenant()))
        .as("other tenants are not held back")
        .isEqualTo(SendingGate.Allowance.UNLIMITED);

    deliver("evt_due3", "invoice.paid", clock.instant(), invoice("in_due1", t, "OR-0044", "paid"));
    assertThat(dunning.standing(t.id())).isEqualTo(StripeDunning.Standing.OK);
    assertThat(allowance(t)).isEqualTo(SendingGate.Allowance.UNLIMITED);
    assertThat(resumed).contains(t.id());
    assertThat(count("select count(*) from stripe_unpaid_invoices where invoice_id = ?", "in_due1"))
        .as("nothing is deleted")
        .isEqualTo(1);
    clock.now = START;
  }

  @Test
  void an_uncollectible_invoice_keeps_the_tenant_in_dunning_and_a_voided_one_ends_it() {
    Tenant t = tenant();
    clock.now = START;
    var open = invoice("in_void1", t, "OR-0047", "open");
    deliver("evt_void_fail", "invoice.payment_failed", START.minus(Duration.ofDays(8)), open);
    assertThat(allowance(t).remaining()).as("paused after the grace").isZero();

    // written off as uncollectible: recorded, still owed, sending stays paused
    var written = invoice("in_void1", t, "OR-0047", "uncollectible");
    assertThat(deliver("evt_void_unc", "invoice.marked_uncollectible", START, written).outcome())
        .isEqualTo(Outcome.APPLIED);
    assertThat(book.get(t.id(), "in_void1").orElseThrow().status())
        .isEqualTo(InvoiceStatus.UNCOLLECTIBLE);
    assertThat(dunning.standing(t.id()).status()).isNotEqualTo(StripeDunning.Status.OK);
    assertThat(allowance(t).remaining()).isZero();
    assertThat(resumed).doesNotContain(t.id());

    // voided: nothing is owed any more, sending resumes at once
    var voided = invoice("in_void1", t, "OR-0047", "void");
    assertThat(deliver("evt_void_void", "invoice.voided", START.plusSeconds(60), voided).outcome())
        .isEqualTo(Outcome.APPLIED);
    assertThat(book.get(t.id(), "in_void1").orElseThrow().status()).isEqualTo(InvoiceStatus.VOID);
    assertThat(dunning.standing(t.id())).isEqualTo(StripeDunning.Standing.OK);
    assertThat(allowance(t)).isEqualTo(SendingGate.Allowance.UNLIMITED);
    assertThat(resumed).contains(t.id());
  }

  @Test
  void a_completed_setup_checkout_makes_the_card_the_default_for_invoices() {
    Tenant t = tenant();
    String url = billing.gateway().checkoutUrl(t.customer(), "https://a.test/ok", "https://a.test");
    var session = stripe.completeSetup(url.substring(url.lastIndexOf('/') + 1));
    assertThat(stripe.defaultPaymentMethod(t.customer())).isEmpty();

    assertThat(deliver("evt_co1", "checkout.session.completed", START, session).outcome())
        .isEqualTo(Outcome.APPLIED);
    assertThat(stripe.defaultPaymentMethod(t.customer()))
        .hasValueSatisfying(pm -> assertThat(pm).startsWith("pm_"));
    assertThat(deliver("evt_co1", "checkout.session.completed", START, session).outcome())
        .isEqualTo(Outcome.DUPLICATE);

    // a session of a customer that is not ours changes nothing
    var foreign = session.deepCopy().put("customer", "cus_not_ours");
    assertThat(deliver("evt_co2", "checkout.session.completed", START, foreign).outcome())
        .isEqualTo(Outcome.IGNORED);
  }

  @Test
  void a_late_failure_event_moves_since_back_to_the_first_failure() {
    Tenant t = tenant();
    var open = invoice("in_late1", t, "OR-0045", "open");
    deliver("evt_late2", "invoice.payment_failed", START.minus(Duration.ofDays(1)), open);
    deliver("evt_late1", "invoice.payment_failed", START.minus(Duration.ofDays(9)), open);
    assertThat(dunning.standing(t.id()).since()).isEqualTo(START.minus(Duration.ofDays(9)));
    assertThat(allowance(t).remaining()).as("past the grace already").isZero();
  }

  @Test
  void subscriptions_keep_the_newest_status_and_cancelled_stays_cancelled() {
    Tenant t = tenant();
    String sub = "sub_" + t.id();
    deliver(
        "evt_s1",
        "customer.subscription.updated",
        START.plusSeconds(10),
        StripeEvents.subscription(sub, t.customer(), "active"));
    deliver(
        "evt_s0",
        "customer.subscription.updated",
        START,
        StripeEvents.subscription(sub, t.customer(), "past_due"));
    assertThat(status(t)).isEqualTo(StripeSubscriptions.Status.ACTIVE);
    deliver(
        "evt_s2",
        "customer.subscription.deleted",
        START.plusSeconds(20),
        StripeEvents.subscription(sub, t.customer(), "canceled"));
    deliver(
        "evt_s3",
        "customer.subscription.updated",
        START.plusSeconds(20),
        StripeEvents.subscription(sub, t.customer(), "active"));
    assertThat(status(t)).isEqualTo(StripeSubscriptions.Status.CANCELED);
  }

  static StripeSubscriptions.Status status(Tenant t) {
    return db.transactions().platform(c -> StripeSubscriptions.of(c, t.customer())).orElseThrow();
  }

  @Test
  void other_types_and_unknown_customers_are_acknowledged_and_ignored() {
    assertThat(
            deliver("evt_other", "charge.refunded", START, StripeEvents.subscription("x", "y", "z"))
                .outcome())
        .isEqualTo(Outcome.IGNORED);
    var foreign =
        stripe.putInvoice(
            "in_foreign", "cus_not_ours", "X-1", "open", "usd", START, START, Map.of());
    assertThat(deliver("evt_foreign", "invoice.finalized", START, foreign).outcome())
        .isEqualTo(Outcome.IGNORED);
    assertThat(deliver("evt_foreign", "invoice.finalized", START, foreign).outcome())
        .isEqualTo(Outcome.DUPLICATE);
    assertThat(
            count(
                "select count(*) from stripe_webhook_events where outcome like 'ignored%' and event_id = ?",
                "evt_foreign"))
        .isEqualTo(1);
  }
}
