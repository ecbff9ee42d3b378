package io.omnireach.channel;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Who a message goes out from — a mailbox, or the tenant's SMS sender — with its rules and what it
 * sent lately, locked for one claim (so cap and spacing counts are serial).
 */
final class OutboxSender {
  int cap = Integer.MAX_VALUE;
  SendWindow window;
  int spacing;
  ZoneId zone;
  int sentToday;
  Instant last;
  SmtpSettings smtp;
  SmsSettings sms;
}
