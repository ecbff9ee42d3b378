package io.omnireach.relationship;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Computes a lead's relationship score (0–100) and its parts from what happened between us and the
 * lead. Pure: no I/O, the clock is an argument. Engagement counts less the older it is: every
 * reply, open and click is weighted by {@code 0.5^(age / HALF_LIFE)}. Opens by privacy proxies and
 * security scanners never count. Bounces and unsubscribes do not decay: the address is bad or the
 * person said no until something new happens.
 */
public final class RelationshipScore {

  /** Engagement loses half its weight in this time. */
  public static final Duration HALF_LIFE = Duration.ofDays(30);

  static final double REPLY = 15;
  static final double REPLY_CAP = 30;
  static final double POSITIVE = 20;
  static final double NEGATIVE = -20;
  static final double SENTIMENT_CAP = 40;
  static final double MEETING = 25;
  static final double OPEN = 3;
  static final double OPEN_CAP = 12;
  static final double CLICK = 6;
  static final double CLICK_CAP = 18;
  static final double RECENCY = 10;
  static final double HARD_BOUNCE = -40;
  static final double SOFT_BOUNCE = -5;
  static final double SOFT_BOUNCE_CAP = -15;
  static final double UNSUBSCRIBED = -50;

  /** Tone of a reply, as the classifier stores it. */
  public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE;

    /** Lower-case stored value; unknown or null is neutral. */
    public static Sentiment parse(String s) {
      if (s == null) {
        return NEUTRAL;
      }
      return switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "positive" -> POSITIVE;
        case "negative" -> NEGATIVE;
        default -> NEUTRAL;
      };
    }

    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A reply from the lead (bounces and out-of-office notes are not replies). */
  public record Reply(Instant at, Sentiment sentiment) {}

  /** An open of our email; {@code machine} when a proxy or scanner fetched the pixel. */
  public record Open(Instant at, boolean machine) {}

  /** Everything the score is computed from, for one lead. */
  public record Inputs(
      List<Reply> replies,
      List<Open> opens,
      List<Instant> clicks,
      int hardBounces,
      int softBounces,
      boolean unsubscribed,
      boolean meeting) {

    public Inputs {
      replies = List.copyOf(replies);
      opens = List.copyOf(opens);
      clicks = List.copyOf(clicks);
    }

    public static Inputs none() {
      return new Inputs(List.of(), List.of(), List.of(), 0, 0, false, false);
    }
  }

  /** One part of the score: its name, the points it adds (negative: takes) and why. */
  public record Part(String name, int points, String why) {}

  /** The score (0–100) and the parts that make it up, before clamping. */
  public record Result(int score, List<Part> parts) {
    public Result {
      parts = List.copyOf(parts);
    }
  }

  private RelationshipScore() {}

  public static Result compute(Inputs in, Instant now) {
    List<Part> parts = new ArrayList<>();
    List<Reply> replies = in.replies();
    if (!replies.isEmpty()) {
      double w = 0;
      for (Reply r : replies) {
        w += weight(r.at(), now);
      }
      int points = round(Math.min(REPLY_CAP, REPLY * w));
      parts.add(
          new Part(
              "Replies",
              points,
              count(replies.size(), "reply", "replies")
                  + ", last "
                  + ago(latest(replies.stream().map(Reply::at).toList()), now)
                  + "."));
      double s = 0;
      int positive = 0;
      int negative = 0;
      for (Reply r : replies) {
        switch (r.sentiment()) {
          case POSITIVE -> {
            s += POSITIVE * weight(r.at(), now);
            positive++;
          }
          case NEGATIVE -> {
            s += NEGATIVE * weight(r.at(), now);
            negative++;
          }
          default -> {}
        }
      }
      parts.add(
          new Part(
              "Sentiment",
              round(Math.max(-SENTIMENT_CAP, Math.min(SENTIMENT_CAP, s))),
              positive
                  + " positive, "
                  + negative
                  + " negative, "
                  + (replies.size() - positive - negative)
                  + " neutral."));
    }
    if (in.meeting()) {
      parts.add(new Part("Meeting", (int) MEETING, "A meeting was booked with this lead."));
    }
    List<Instant> human = in.opens().stream().filter(o -> !o.machine()).map(Open::at).toList();
    long machine = in.opens().size() - human.size();
    if (!in.opens().isEmpty()) {
      int points = round(Math.min(OPEN_CAP, OPEN * weights(human, now)));
      parts.add(
          new Part(
              "Opens",
              points,
              count(human.size(), "open", "opens")
                  + (machine == 0
                      ? ""
                      : " ("
                          + count(machine, "scanner or proxy open", "scanner or proxy opens")
                          + " not counted)")
                  + "."));
    }
    if (!in.clicks().isEmpty()) {
      parts.add(
          new Part(
              "Clicks",
              round(Math.min(CLICK_CAP, CLICK * weights(in.clicks(), now))),
              count(in.clicks().size(), "click", "clicks") + " on links in our emails."));
    }
    List<Instant> engaged = new ArrayList<>(human);
    engaged.addAll(in.clicks());
    replies.forEach(r -> engaged.add(r.at()));
    if (!engaged.isEmpty()) {
      Instant last = latest(engaged);
      parts.add(
          new Part(
              "Recency",
              round(RECENCY * weight(last, now)),
              "Last engaged "
                  + ago(last, now)
                  + "; engagement halves in weight every "
                  + HALF_LIFE.toDays()
                  + " days."));
    }
    if (in.hardBounces() > 0 || in.softBounces() > 0) {
      double points =
          (in.hardBounces() > 0 ? HARD_BOUNCE : 0)
              + Math.max(SOFT_BOUNCE_CAP, SOFT_BOUNCE * in.softBounces());
      parts.add(
          new Part(
              "Bounces",
              round(points),
              (in.hardBounces() > 0 ? "The address bounced permanently" : "No permanent bounce")
                  + (in.softBounces() > 0
                      ? "; " + count(in.softBounces(), "temporary failure", "temporary failures")
                      : "")
                  + "."));
    }
    if (in.unsubscribed()) {
      parts.add(new Part("Unsubscribed", (int) UNSUBSCRIBED, "The lead asked not to be emailed."));
    }
    int sum = parts.stream().mapToInt(Part::points).sum();
    return new Result(Math.max(0, Math.min(100, sum)), parts);
  }

  /** {@code 0.5^(age / half-life)}; 1 for an event now or in the future. */
  static double weight(Instant at, Instant now) {
    double days = Math.max(0, Duration.between(at, now).toSeconds() / 86_400.0);
    return Math.pow(0.5, days / HALF_LIFE.toDays());
  }

  private static double weights(List<Instant> ats, Instant now) {
    double w = 0;
    for (Instant at : ats) {
      w += weight(at, now);
    }
    return w;
  }

  private static Instant latest(List<Instant> ats) {
    Instant max = ats.get(0);
    for (Instant at : ats) {
      if (at.isAfter(max)) {
        max = at;
      }
    }
    return max;
  }

  private static String ago(Instant at, Instant now) {
    long days = Math.max(0, Duration.between(at, now).toDays());
    return days == 0 ? "today" : days == 1 ? "yesterday" : days + " days ago";
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static int round(double d) {
    return (int) Math.round(d);
  }
}
