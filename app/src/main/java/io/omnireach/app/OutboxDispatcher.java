package io.omnireach.app;

import io.omnireach.app.startup.StartupState;
import io.omnireach.channel.MessageRelay;
import io.omnireach.channel.Messages;
import io.omnireach.channel.Outbox;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import io.omnireach.tenant.TenantStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands committed outbox rows to the relay on the server's managed executor, so the request returns
 * at once and the SMTP conversation happens after the row is durable. A sweep every {@code
 * omnireach.outbox.sweep-seconds} (default 30) relays QUEUED rows that were never dispatched (a
 * restart between commit and dispatch, a full executor) or whose time has come (deferred to a send
 * window, cap or spacing slot; a retry after backoff), and first puts rows left SENDING by a crash
 * (older than the relay's lease) back in the queue. Both paths claim rows the same way ({@code FOR
 * UPDATE SKIP LOCKED}, then QUEUED → SENDING), so two relays never hand over the same row; only a
 * recovered row is handed over again (docs/reliability.md).
 */
@ApplicationScoped
public class OutboxDispatcher implements Outbox {

  private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;
  @Inject MessageRelay relay;
  @Inject Messages messages;
  @Inject TenantDirectory tenants;
  @Inject StartupState startup;

  @Inject
  @ConfigProperty(name = "omnireach.outbox.sweep-seconds", defaultValue = "30")
  long sweepSeconds;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    scheduler.scheduleWithFixedDelay(this::sweep, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
  }

  /** Call only after the transaction that queued the message has committed. */
  @Override
  public void dispatch(TenantRef tenant, long messageId) {
    executor.execute(
        () -> {
          try {
            relay.relay(tenant, messageId);
          } catch (RuntimeException e) {
            LOG.log(
                Level.WARNING,
                "Relay of message " + messageId + " of tenant " + tenant.slug() + " failed",
                e);
          }
        });
  }

  void sweep() {
    if (!startup.isReady()) {
      return;
    }
    try {
      tenants.list(null).stream()
          .filter(t -> t.status() == TenantStatus.ACTIVE)
          .forEach(
              t -> {
                try {
                  relay.relayQueued(t.ref(), messages);
                } catch (RuntimeException e) {
                  // e.g. the schema is not migrated to the outbox yet; the next sweep retries
                  LOG.log(Level.FINE, "Outbox sweep of " + t.slug() + " failed", e);
                }
              });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbox sweep failed", e);
    }
  }
}
