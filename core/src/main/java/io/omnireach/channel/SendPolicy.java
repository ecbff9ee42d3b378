package io.omnireach.channel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Whether one outbox message goes out now: blocked for good, deferred to a later instant, or sent —
 * always with the reason. Pure: the facts are read from the database by the caller ({@link
 * ComplianceCheck}), so every rule can be unit-tested without one.
 *
 * <p>Order: the lead is gone, do-not-contact, consent (email: not denied; SMS: granted), the
 * suppression list block; billing's pause, the send window combined with the channel's quiet hours
 * (the lead's time zone; tenant holidays), the daily cap and the spacing defer.
 */
public final class SendPolicy {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private SendPolicy() {}

  /**
   * What is known about one message when it is due.
   *
   * @param consent the lead's status for the channel's consent type (granted, denied, unknown …),
   *     or null
   * @param suppressed the suppression list's reason for the address, or null
   * @param pausedBy billing's reason to hold sending, or null
   * @param window the message's or sender's window, or null for any time
   * @param zone where the lead is (the sender's zone or UTC when unknown)
   * @param sentToday messages the sender has sent since 00:00 UTC
   * @param cap the sender's daily cap (Integer.MAX_VALUE for none)
   * @param spacingSeconds seconds between two sends of the sender, 0 for none
   * @param lastSend the sender's latest send, or null
   */
  public record Facts(
      ChannelCapabilities channel,
      boolean leadExists,
      boolean doNotContact,
      String consent,
      String suppressed,
      String pausedBy,
      SendWindow window,
      ZoneId zone,
      Set<LocalDate> holidays,
      int sentToday,
      int cap,
      int spacingSeconds,
      Instant lastSend) {}

  /** The verdict. */
  public sealed interface Decision {}

  /** Goes out now. */
  public record Send() implements Decision {}

  /** Why a message waits. */
  public enum Wait {
    PAUSED,
    WINDOW,
    CAP,
    SPACING
  }

  /** Stays queued until {@code until}; {@code reason} is the DEFERRED event's text. */
  public record Defer(Instant until, String reason, Wait cause) implements Decision {}

  /** Ends BLOCKED with {@code reason} (e.g. {@code CONSENT_MISSING}). */
  public record Block(String reason) implements Decision {}

  /** How often a message held back by billing is looked at again. */
  public static final java.time.Duration PAUSED_RECHECK = java.time.Duration.ofMinutes(10);

  public static Decision decide(Facts f, Instant now) {
    String blocked = blockReason(f);
    if (blocked != null) {
      return new Block(blocked);
    }
    if (f.pausedBy() != null) {
      Instant later = now.plus(PAUSED_RECHECK);
      return new Defer(
          later,
          "sending paused: " + f.pausedBy() + "; next check " + format(later, ZoneOffset.UTC, true),
          Wait.PAUSED);
    }
    ZoneId zone = f.zone() == null ? ZoneOffset.UTC : f.zone();
    SendWindow window = effectiveWindow(f.window(), f.channel());
    if (window == null) {
      return new Block("NO_SEND_SLOT"); // the window lies wholly inside the quiet hours
    }
    Set<LocalDate> holidays = f.holidays() == null ? Set.of() : f.holidays();
    Instant slot = window.nextAllowed(now, zone, holidays);
    if (slot == null) {
      return new Block("NO_SEND_SLOT");
    }
    String why;
    Wait wait;
    boolean zoneSaid = false;
    if (slot.isAfter(now)) {
      wait = Wait.WINDOW;
      zoneSaid = true;
      LocalDate today = now.atZone(zone).toLocalDate();
      if (holidays.contains(today) && window.days().contains(today.getDayOfWeek())) {
        why = "holiday " + today + " in " + name(zone);
      } else if (f.channel().quietHours() && outsideQuietHours(now, zone, f.channel())) {
        why =
            "quiet hours: "
                + f.channel().kind().apiName()
                + " only "
                + f.channel().quietHoursStart()
                + "–"
                + f.channel().quietHoursEnd()
                + " "
                + name(zone)
                + (f.window() == null || f.window().always()
                    ? ""
                    : " within " + f.window().describe());
      } else {
        why = "outside send window " + window.describe() + " " + name(zone);
      }
    } else if (f.sentToday() >= f.cap()) {
      Instant midnight =
          now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
      slot = window.nextAllowed(midnight, zone, holidays);
      why = "daily cap of " + f.cap() + " reached (it resets at 00:00 UTC)";
      wait = Wait.CAP;
    } else if (f.spacingSeconds() > 0
        && f.lastSend() != null
        && f.lastSend().plusSeconds(f.spacingSeconds()).isAfter(now)) {
      slot = window.nextAllowed(f.lastSend().plusSeconds(f.spacingSeconds()), zone, holidays);
      why =
          f.spacingSeconds()
              + " s spacing between sends of this "
              + (f.channel().kind() == ChannelKind.EMAIL ? "mailbox" : "sender");
      wait = Wait.SPACING;
    } else {
      return new Send();
    }
    if (slot == null) {
      return new Block("NO_SEND_SLOT");
    }
    return new Defer(slot, why + "; next " + format(slot, zone, !zoneSaid), wait);
  }

  /** The reason a message may never go out, or null. */
  static String blockReason(Facts f) {
    if (!f.leadExists()) {
      return "LEAD_DELETED";
    }
    if (f.doNotContact()) {
      return "DO_NOT_CONTACT";
    }
    if ("denied".equalsIgnoreCase(f.consent())) {
      return "CONSENT_DENIED";
    }
    if (f.channel().optInRequired() && !"granted".equalsIgnoreCase(f.consent())) {
      return "CONSENT_MISSING";
    }
    return f.suppressed();
  }

  /**
   * The send window narrowed to the channel's quiet hours (SMS: 08:00–21:00), or null when nothing
   * of it is left.
   */
  static SendWindow effectiveWindow(SendWindow window, ChannelCapabilities channel) {
    SendWindow w = window == null ? SendWindow.ALWAYS : window;
    if (!channel.quietHours()) {
      return w;
    }
    LocalTime start =
        w.start().isAfter(channel.quietHoursStart()) ? w.start() : channel.quietHoursStart();
    LocalTime end =
        !w.end().equals(LocalTime.MIDNIGHT) && w.end().isBefore(channel.quietHoursEnd())
            ? w.end()
            : channel.quietHoursEnd();
    if (!start.isBefore(end)) {
      return null;
    }
    return new SendWindow(w.days(), start, end);
  }

  private static boolean outsideQuietHours(Instant now, ZoneId zone, ChannelCapabilities c) {
    LocalTime t = now.atZone(zone).toLocalTime();
    return t.isBefore(c.quietHoursStart()) || !t.isBefore(c.quietHoursEnd());
  }

  static String format(Instant at, ZoneId zone, boolean withZone) {
    var local = at.atZone(zone);
    return (local.getSecond() == 0 ? MINUTES : SECONDS).format(local)
        + (withZone ? " " + name(zone) : "");
  }

  static String name(ZoneId zone) {
    return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
  }
}
