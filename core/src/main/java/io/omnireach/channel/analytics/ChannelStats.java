package io.omnireach.channel.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * Outreach per channel of a tenant for the days {@code from}..{@code to} (inclusive, UTC),
 * optionally of one workflow: per channel and per workflow step, how many touches went out and what
 * became of them. See {@link ChannelAnalytics} for what each count means per channel.
 *
 * @param workflowId the workflow the figures are limited to, or null for all outreach
 * @param channels email, sms, linkedin and call, always all four, in that order
 * @param steps the workflow steps that touched leads in the range, most touches first
 */
public record ChannelStats(
    LocalDate from, LocalDate to, Long workflowId, List<ChannelRow> channels, List<StepRow> steps) {

  /** The channels in the order they are reported. */
  public static final List<String> CHANNELS = List.of("email", "sms", "linkedin", "call");

  /** Touches and their outcomes; each touch counts at most once per outcome. */
  public record Counts(long sent, long delivered, long replied, long booked) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0);

    public Counts plus(Counts o) {
      return new Counts(
          sent + o.sent, delivered + o.delivered, replied + o.replied, booked + o.booked);
    }
  }

  public record ChannelRow(String channel, Counts counts) {}

  /** One node of a workflow (all its versions) and the channel it touches leads on. */
  public record StepRow(
      long workflowId,
      String workflowName,
      String nodeId,
      String nodeType,
      String channel,
      Counts counts) {}

  public boolean isEmpty() {
    return channels.stream().allMatch(c -> c.counts().sent() == 0);
  }
}
