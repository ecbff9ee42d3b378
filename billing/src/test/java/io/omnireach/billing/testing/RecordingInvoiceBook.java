package io.omnireach.billing.testing;

import io.omnireach.billing.ExternalInvoice;
import io.omnireach.billing.InvoiceBook;
import io.omnireach.billing.InvoiceStatus;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link InvoiceBook} for tests, in memory, keeping the interface's promises: one invoice per
 * external id and tenant, and a status that never goes back. (Production uses billing's JPA book.)
 */
public final class RecordingInvoiceBook implements InvoiceBook {

  private record Key(long tenantId, String externalId) {}

  private final Map<Key, ExternalInvoice> invoices = new ConcurrentHashMap<>();
  private final Map<Key, Integer> calls = new ConcurrentHashMap<>();

  @Override
  public void recordExternal(long tenantId, ExternalInvoice invoice) {
    Key key = new Key(tenantId, invoice.externalId());
    calls.merge(key, 1, Integer::sum);
    invoices.merge(key, invoice, (old, neu) -> rank(neu.status()) < rank(old.status()) ? old : neu);
  }

  public Optional<ExternalInvoice> get(long tenantId, String externalId) {
    return Optional.ofNullable(invoices.get(new Key(tenantId, externalId)));
  }

  /** How often the invoice was recorded (deliveries, including repeated ones). */
  public int calls(long tenantId, String externalId) {
    return calls.getOrDefault(new Key(tenantId, externalId), 0);
  }

  /** DRAFT → OPEN → a final status; a final status is never replaced by an earlier one. */
  private static int rank(InvoiceStatus s) {
    return switch (s) {
      case DRAFT -> 0;
      case OPEN -> 1;
      case PAID, VOID, UNCOLLECTIBLE -> 2;
    };
  }
}
