package io.omnireach.app;

import io.omnireach.channel.MessageRelay;
import io.omnireach.channel.Messages;
import io.omnireach.channel.Outbox;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantRef;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands committed outbox rows to the relay on the server's managed executor, so the request returns
 * at once and the SMTP conversation happens after the row is durable. A sweep every {@code
 * omnireach.outbox.sweep-seconds} (default 30, a {@link TenantJob} of the {@link TenantLoop})
 * relays QUEUED rows that were never dispatched (a restart between commit and dispatch, a full
 * executor) or whose time has come (deferred to a send window, cap or spacing slot; a retry after
 * backoff), and first puts rows left SENDING by a crash (older than the relay's lease) back in the
 * queue. Both paths claim rows the same way ({@code FOR UPDATE SKIP LOCKED}, then QUEUED →
 * SENDING), so two relays never hand over the same row; only a recovered row is handed over again
 * (docs/reliability.md).
 */
@ApplicationScoped
public class OutboxDispatcher implements Outbox, TenantJob {

  private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject MessageRelay relay;
  @Inject Messages messages;

  @Inject
  @ConfigProperty(name = "omnireach.outbox.sweep-seconds", defaultValue = "30")
  long sweepSeconds;

  @Override
  public String name() {
    return "outbox-sweep";
  }

  @Override
  public Duration every() {
    return Duration.ofSeconds(sweepSeconds);
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

  /** The sweep of one tenant, run by the {@link TenantLoop}. */
  @Override
  public void run(Tenant t) {
    relay.relayQueued(t.ref(), messages);
  }
}
