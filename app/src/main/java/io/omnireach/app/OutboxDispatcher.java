package io.omnireach.app;

import io.omnireach.channel.MessageRelay;
import io.omnireach.tenant.TenantRef;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands committed outbox rows to the relay on the server's managed executor, so the request returns
 * at once and the SMTP conversation happens after the row is durable.
 */
@ApplicationScoped
public class OutboxDispatcher {

  private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject MessageRelay relay;

  /** Call only after the transaction that queued the message has committed. */
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
}
