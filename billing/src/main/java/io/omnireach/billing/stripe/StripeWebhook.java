package io.omnireach.billing.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.net.Webhook;
import io.omnireach.billing.InvoiceBook;
import io.omnireach.billing.InvoiceStatus;
import io.omnireach.billing.stripe.StripeCustomers.Account;
import io.omnireach.billing.stripe.StripeCustomers.Kind;
import io.omnireach.billing.wholesale.WholesaleInvoices;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.logging.Logger;

/**
 * Stripe's webhook: the {@code Stripe-Signature} checked by the library (300 s tolerance), then
 * each event applied once — its id goes into the inbox ({@code platform.stripe_webhook_events}) in
 * the transaction of its effects, so a repeated delivery finds it and does nothing. Events are
 * applied by the state they carry, never by arrival order: invoice statuses never go back (the
 * {@link InvoiceBook} promises it), subscriptions keep the newest event's status, dunning keeps the
 * first failure and a paid invoice stays paid.
 *
 * <p>Handled: {@code invoice.finalized}, {@code invoice.paid}, {@code invoice.payment_failed},
 * {@code invoice.voided} (nothing is owed: ends dunning like a payment), {@code
 * invoice.marked_uncollectible} (recorded; still owed, so dunning stays), {@code
 * customer.subscription.updated}, {@code checkout.session.completed} (setup mode: the collected
 * payment method becomes the customer's default for invoices), {@code
 * customer.subscription.deleted}; other types are acknowledged and recorded as ignored.
 */
public final class StripeWebhook {

  /** Stripe's default: a signature older than five minutes is refused (replays). */
  public static final long TOLERANCE_SECONDS = 300;

  private static final Logger LOG = Logger.getLogger(StripeWebhook.class.getName());

  /** What became of a delivery. */
  public enum Outcome {
    APPLIED,
    DUPLICATE,
    IGNORED
  }

  public record Result(Outcome outcome, String eventId, String detail) {}

  private final Transactions tx;
  private final StripeBilling stripe;
  private final InvoiceBook invoices;
  private final StripeDunning dunning;
  private final LongConsumer sendingResumed;
  private final Clock clock;
  private final WholesaleInvoices wholesale;

  /**
   * @param sendingResumed told the tenant id after an invoice of it was paid (e.g. to re-check
   *     messages held back by the dunning gate at once)
   */
  public StripeWebhook(
      Transactions tx,
      StripeBilling stripe,
      InvoiceBook invoices,
      StripeDunning dunning,
      LongConsumer sendingResumed,
      Clock clock) {
    this(tx, stripe, invoices, null, dunning, sendingResumed, clock);
  }

  /**
   * @param wholesale where a reseller's Stripe invoices (the wholesale ones sent there) are
   *     recorded as paid or void; null: not recorded
   */
  public StripeWebhook(
      Transactions tx,
      StripeBilling stripe,
      InvoiceBook invoices,
      WholesaleInvoices wholesale,
      StripeDunning dunning,
      LongConsumer sendingResumed,
      Clock clock) {
    this.tx = tx;
    this.stripe = stripe;
    this.invoices = invoices;
    this.wholesale = wholesale;
    this.dunning = dunning;
    this.sendingResumed = sendingResumed;
    this.clock = clock;
  }

  /**
   * Verifies and applies one delivery.
   *
   * @throws DomainException INVALID (400) for a missing, wrong or stale signature or a payload that
   *     is not an event, CONFLICT (409) when this install has no webhook secret
   */
  public Result handle(String payload, String signature) {
    Event event = verify(payload, signature);
    Instant created = Instant.ofEpochSecond(event.getCreated());
    if (seen(event.getId())) {
      return new Result(Outcome.DUPLICATE, event.getId(), "already processed");
    }
    String type = event.getType();
    return switch (type) {
      case "invoice.finalized",
          "invoice.paid",
          "invoice.payment_failed",
          "invoice.voided",
          "invoice.marked_uncollectible" ->
          invoice(event, type, object(event, Invoice.class), created);
      case "checkout.session.completed" ->
          checkout(event, object(event, com.stripe.model.checkout.Session.class));
      case "customer.subscription.updated", "customer.subscription.deleted" ->
          subscription(event, object(event, Subscription.class), created);
      default -> inbox(event, null, "ignored: not a type OmniReach acts on", c -> Outcome.IGNORED);
    };
  }

  private Event verify(String payload, String signature) {
    String secret = stripe.settings().webhookSecret();
    if (secret == null) {
      throw DomainException.conflict(
          null,
          "Stripe webhooks are not set up on this installation (OMNIREACH_STRIPE_WEBHOOK_SECRET).");
    }
    if (signature == null || signature.isBlank()) {
      throw DomainException.invalid("Stripe-Signature", "The Stripe-Signature header is missing.");
    }
    try {
      return Webhook.constructEvent(payload, signature, secret, TOLERANCE_SECONDS, clock);
    } catch (SignatureVerificationException e) {
      throw DomainException.invalid(
          "Stripe-Signature",
          "The Stripe-Signature does not match this payload or is older than "
              + TOLERANCE_SECONDS
              + " seconds.");
    } catch (RuntimeException e) { // signed, but not JSON of an event (Gson's parse errors)
      throw DomainException.invalid(null, "The payload is not a Stripe event.");
    }
  }

  private Result invoice(Event event, String type, Invoice in, Instant created) {
    Optional<Account> account =
        in.getCustomer() == null
            ? Optional.empty()
            : stripe.customers().accountOf(in.getCustomer());
    if (account.isEmpty()) {
      return inbox(event, in.getId(), "ignored: customer unknown here", c -> Outcome.IGNORED);
    }
    Account a = account.get();
    // the invoice book is idempotent and keeps statuses from going back; it writes in its own
    // transaction, before the inbox row: a crash in between means a redelivery records it again
    if (a.kind() == Kind.TENANT && in.getId() != null) {
      invoices.recordExternal(a.id(), ExternalInvoices.of(in, lines(in)));
    } else if (a.kind() == Kind.RESELLER && wholesale != null && in.getId() != null) {
      InvoiceStatus status = ExternalInvoices.status(in.getStatus());
      if (status == InvoiceStatus.PAID || status == InvoiceStatus.VOID) {
        wholesale.recordStripe(a.id(), in.getId(), status);
      }
    }
    Result result =
        inbox(
            event,
            in.getId(),
            "applied",
            c -> {
              switch (type) {
                case "invoice.payment_failed" -> dunning.failed(c, a, in, created);
                case "invoice.paid", "invoice.voided" -> dunning.settled(c, in, created);
                default -> {
                  // finalized: nothing is due yet; uncollectible: still owed, dunning goes on
                }
              }
              return Outcome.APPLIED;
            });
    if (result.outcome() == Outcome.APPLIED
        && (type.equals("invoice.paid") || type.equals("invoice.voided"))
        && a.kind() == Kind.TENANT) {
      sendingResumed.accept(a.id());
    }
    return result;
  }

  /**
   * Checkout in setup mode collected a payment method; Stripe charges invoices to the customer's
   * default one, which Checkout leaves unset. A failure to reach Stripe fails the delivery (no
   * inbox row), so Stripe delivers it again.
   */
  private Result checkout(Event event, com.stripe.model.checkout.Session session) {
    if (!"setup".equals(session.getMode())
        || session.getSetupIntent() == null
        || session.getCustomer() == null
        || stripe.customers().accountOf(session.getCustomer()).isEmpty()) {
      return inbox(
          event, session.getId(), "ignored: not a setup of a customer here", c -> Outcome.IGNORED);
    }
    String method =
        stripe.gateway().useForInvoices(session.getCustomer(), session.getSetupIntent());
    return inbox(
        event,
        session.getId(),
        "payment method " + method + " is the default for invoices",
        c -> Outcome.APPLIED);
  }

  private Result subscription(Event event, Subscription sub, Instant created) {
    StripeSubscriptions.Status status;
    try {
      status = StripeSubscriptions.Status.of(sub.getStatus());
    } catch (IllegalArgumentException | NullPointerException e) {
      return inbox(event, sub.getId(), "ignored: status " + sub.getStatus(), c -> Outcome.IGNORED);
    }
    return inbox(
        event,
        sub.getId(),
        "subscription " + status,
        c -> {
          StripeSubscriptions.apply(c, sub.getId(), sub.getCustomer(), status, created);
          return Outcome.APPLIED;
        });
  }

  private List<InvoiceLineItem> lines(Invoice in) {
    if (in.getLines() == null) {
      return stripe.gateway().invoiceLines(in.getId());
    }
    if (Boolean.TRUE.equals(in.getLines().getHasMore())) {
      return stripe.gateway().invoiceLines(in.getId()); // the event carried only the first page
    }
    return in.getLines().getData();
  }

  private interface Effect {
    Outcome apply(Connection c) throws SQLException;
  }

  /**
   * The inbox row and the effects in one transaction; a delivery racing this one waits on the inbox
   * row and then finds it.
   */
  private Result inbox(Event event, String objectId, String detail, Effect effect) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into stripe_webhook_events (event_id, type, created, object_id,"
                      + " outcome) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            ps.setString(1, event.getId());
            ps.setString(2, event.getType());
            ps.setTimestamp(3, Timestamp.from(Instant.ofEpochSecond(event.getCreated())));
            ps.setString(4, objectId);
            ps.setString(5, detail);
            if (ps.executeUpdate() == 0) {
              return new Result(Outcome.DUPLICATE, event.getId(), "already processed");
            }
          }
          Outcome outcome = effect.apply(c);
          LOG.fine("Stripe event " + event.getId() + " " + event.getType() + ": " + detail);
          return new Result(outcome, event.getId(), detail);
        });
  }

  private boolean seen(String eventId) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select 1 from stripe_webhook_events where event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  private static <T extends StripeObject> T object(Event event, Class<T> type) {
    EventDataObjectDeserializer data = event.getDataObjectDeserializer();
    StripeObject object;
    try {
      // an event of another API version than the library's is read as well as it can be
      object = data.getObject().isPresent() ? data.getObject().get() : data.deserializeUnsafe();
    } catch (EventDataObjectDeserializationException | RuntimeException e) {
      throw DomainException.invalid(
          null, "The event's data.object cannot be read: " + e.getMessage());
    }
    if (!type.isInstance(object)) {
      throw DomainException.invalid(
          null, "A " + event.getType() + " event must carry a " + type.getSimpleName() + ".");
    }
    return type.cast(object);
  }
}
