package io.omnireach.channel;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Step 1b of the relay: asks the {@link SendPolicy} about one claimed row and applies the answer —
 * BLOCKED with the reason, or left QUEUED with {@code not_before} and a DEFERRED event, or cleared
 * to send (counted against its sender's cap and spacing for the rest of the batch).
 */
final class ComplianceCheck {

  private final Clock clock;

  ComplianceCheck(Clock clock) {
    this.clock = clock;
  }

  /** True when the message may go out now. */
  boolean check(
      Connection c,
      OutboxRow r,
      OutboxSender sender,
      Set<LocalDate> holidays,
      String pausedBy,
      Instant now)
      throws SQLException {
    ZoneId zone = SendWindow.zone(SendWindow.zoneOrNull(r.leadZone()), sender.zone);
    SendPolicy.Facts facts =
        new SendPolicy.Facts(
            ChannelCapabilities.of(r.channel()),
            r.leadId() != null && r.leadExists(),
            r.doNotContact(),
            r.consent(),
            r.suppressed(),
            pausedBy,
            r.window() != null ? r.window() : sender.window,
            zone,
            holidays,
            sender.sentToday,
            sender.cap,
            sender.spacing,
            sender.last);
    SendPolicy.Decision decision = SendPolicy.decide(facts, now);
    if (decision instanceof SendPolicy.Block block) {
      OutboxRecord.finish(c, clock, r.id(), "BLOCKED", block.reason(), null, null);
      return false;
    }
    if (decision instanceof SendPolicy.Defer defer) {
      OutboxRecord.defer(c, clock, r.id(), defer.until(), defer.reason());
      if (defer.cause() == SendPolicy.Wait.SPACING) {
        sender.last = defer.until(); // the next message of this batch queues behind this one
      }
      return false;
    }
    sender.sentToday++;
    sender.last = now;
    return true;
  }
}
