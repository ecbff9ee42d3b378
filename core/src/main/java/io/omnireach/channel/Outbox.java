package io.omnireach.channel;

import io.omnireach.tenant.TenantRef;

/**
 * Hands a committed outbox row to the relay, off the caller's thread. The application provides the
 * implementation (a managed executor); REST and UI call it right after {@link Messages#queue}
 * returned a QUEUED message.
 */
public interface Outbox {

  /** Call only after the transaction that queued the message has committed. */
  void dispatch(TenantRef tenant, long messageId);
}
