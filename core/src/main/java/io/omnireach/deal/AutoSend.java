package io.omnireach.deal;

import io.omnireach.channel.Messages;
import io.omnireach.channel.NewMessage;
import io.omnireach.channel.OutboundPolicy;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

/**
 * Queues the agent's reply through the outbox, in the decision's transaction, the way a workflow
 * step queues a message: {@link Messages#insert}, then {@link OutboundPolicy#atQueue} (a blocking
 * policy ends the message BLOCKED at once; the relay checks the policies again before sending). The
 * reply follows the lead's latest email thread, from that email's mailbox (else the workspace's
 * first mailbox). The caller dispatches the message after commit.
 */
final class AutoSend {

  /** What happened: queued (messageId), blocked (messageId and the reason), or skipped (why). */
  record Result(Long messageId, boolean blocked, String reason) {
    boolean queued() {
      return messageId != null && !blocked;
    }
  }

  private AutoSend() {}

  static Result queue(
      Connection c, TenantRef tenant, Deal deal, OfferWriter.Text text, String actor, Clock clock)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select email from leads where id = ?")) {
      ps.setLong(1, deal.leadId());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getString(1) == null) {
          return new Result(null, false, "the lead has no email address");
        }
      }
    }
    Long mailbox = null;
    Long thread = null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, mailbox_id from messages where lead_id = ? and mailbox_id is not null"
                + " and channel = 'EMAIL' order by id desc limit 1")) {
      ps.setLong(1, deal.leadId());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          thread = rs.getLong(1);
          mailbox = rs.getLong(2);
        }
      }
    }
    if (mailbox == null) {
      try (PreparedStatement ps =
              c.prepareStatement("select id from mailboxes order by id limit 1");
          ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          mailbox = rs.getLong(1);
        }
      }
    }
    if (mailbox == null) {
      return new Result(null, false, "the workspace has no mailbox to send from");
    }
    String key = tenant.slug() + ":deal:" + deal.id() + ":" + UUID.randomUUID();
    NewMessage m =
        NewMessage.email(deal.leadId(), mailbox, text.subject(), text.body(), key)
            .withActor(actor)
            .withThreadOf(thread);
    long id = Messages.insert(c, m, clock);
    OutboundPolicy.Result verdict = OutboundPolicy.atQueue(c, tenant.slug(), id, clock);
    if (verdict.blocked()) {
      return new Result(id, true, verdict.verdict().reason());
    }
    return new Result(id, false, null);
  }
}
