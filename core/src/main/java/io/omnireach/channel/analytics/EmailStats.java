package io.omnireach.channel.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * Email figures of a tenant for the days {@code from}..{@code to} (inclusive, UTC). The unit is the
 * message: every message sent in the range counts once per outcome (opened twice = one open), so
 * the rates are the share of the range's messages that reached that outcome.
 */
public record EmailStats(
    LocalDate from,
    LocalDate to,
    Counts totals,
    long proxyOpens,
    long meetings,
    List<Day> daily,
    List<Group> mailboxes,
    List<Group> personas) {

  /** Counts of messages; delivered = sent − bounced, opened leaves out proxy/scanner opens. */
  public record Counts(
      long sent, long opened, long clicked, long replied, long bounced, long unsubscribed) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

    public long delivered() {
      return Math.max(0, sent - bounced);
    }

    /** delivered / sent. */
    public double deliveryRate() {
      return ratio(delivered(), sent);
    }

    /** opened / delivered. */
    public double openRate() {
      return ratio(opened, delivered());
    }

    /** clicked / delivered. */
    public double clickRate() {
      return ratio(clicked, delivered());
    }

    /** replied / delivered. */
    public double replyRate() {
      return ratio(replied, delivered());
    }

    /** bounced / sent. */
    public double bounceRate() {
      return ratio(bounced, sent);
    }

    /** unsubscribed / delivered. */
    public double unsubscribeRate() {
      return ratio(unsubscribed, delivered());
    }

    public Counts plus(Counts o) {
      return new Counts(
          sent + o.sent,
          opened + o.opened,
          clicked + o.clicked,
          replied + o.replied,
          bounced + o.bounced,
          unsubscribed + o.unsubscribed);
    }

    static double ratio(long part, long whole) {
      return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 10000.0;
    }
  }

  /** One day of the series (messages sent that day and what became of them). */
  public record Day(LocalDate day, Counts counts) {}

  /** A mailbox or persona; id null = none/unknown. */
  public record Group(Long id, String name, Counts counts) {}

  public boolean isEmpty() {
    return totals.sent() == 0;
  }
}
