package io.omnireach.ui.lead;

import io.omnireach.channel.MessageView;
import java.util.Locale;

/** Plain words for message states, block reasons and events on the lead page. */
final class MessageUi {

  private MessageUi() {}

  /** "Not sent: this person unsubscribed" for a BLOCKED/FAILED message; null otherwise. */
  static String reason(MessageView m) {
    if (m.reason() == null) {
      return null;
    }
    if (m.reason().startsWith("POLICY: ")) {
      return "Blocked by policy: " + m.reason().substring(8);
    }
    String why =
        switch (m.reason()) {
          case "UNSUBSCRIBED" -> "this person unsubscribed";
          case "BOUNCED" -> "an earlier email to this address bounced";
          case "COMPLAINED" -> "this person marked an earlier email as spam";
          case "DO_NOT_CONTACT" -> "this lead is marked do not contact";
          case "CONSENT_DENIED" -> "this person denied consent to email";
          case "DAILY_CAP" -> "the mailbox reached its daily cap (it resets at 00:00 UTC)";
          case "NO_SEND_SLOT" -> "its send window and the holidays leave no time to send it";
          case "LEAD_DELETED" -> "the lead was deleted";
          case "MAILBOX_DELETED" -> "the mailbox was deleted";
          case "SEND_FAILED" ->
              "the mail server refused it" + (m.reply() == null ? "" : " (" + m.reply() + ")");
          default -> m.reason().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    return "Not sent: " + why;
  }

  /** Lumo badge theme for a status. */
  static String theme(MessageView.Status status) {
    return switch (status) {
      case SENT -> "badge success pill";
      case BLOCKED, FAILED -> "badge error pill";
      case QUEUED, SENDING -> "badge pill";
    };
  }

  /** "Opened", "Clicked", … */
  static String event(String type) {
    String t = type.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(t.charAt(0)) + t.substring(1);
  }

  /** "Scheduled for 30 Nov 2026, 09:00 (UTC) · attempt 2" for a QUEUED message that waits. */
  static String waiting(MessageView m) {
    if (m.status() != MessageView.Status.QUEUED || m.notBefore() == null) {
      return null;
    }
    return (m.attempts() > 0 ? "Retrying at " : "Scheduled for ")
        + LeadUi.DATE_TIME.format(m.notBefore())
        + (m.attempts() > 0 ? " · attempt " + (m.attempts() + 1) : "");
  }

  /** Whether a queued message waits beyond {@code instant} (no need to poll for it). */
  static boolean waitsUntil(MessageView m, java.time.Instant instant) {
    return m.notBefore() != null && m.notBefore().isAfter(instant);
  }

  static boolean pending(MessageView m) {
    return m.status() == MessageView.Status.QUEUED || m.status() == MessageView.Status.SENDING;
  }
}
