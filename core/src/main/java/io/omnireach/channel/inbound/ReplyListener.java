package io.omnireach.channel.inbound;

import io.omnireach.tenant.TenantRef;

/**
 * Extension point: told about each reply stored for a lead, after its transaction committed (e.g.
 * the deal desk negotiates on a reply classified {@link ReplyClass#NEGOTIATION}). A listener's
 * failure never undoes the stored reply.
 */
@FunctionalInterface
public interface ReplyListener {

  /** A stored reply: its id, lead, sender, class and own text (quoted history cut). */
  record Received(long replyId, long leadId, String from, ReplyClass type, String ownText) {}

  void received(TenantRef tenant, Received reply);

  ReplyListener NONE = (tenant, reply) -> {};
}
