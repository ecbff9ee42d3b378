package io.omnireach.app.rest;

import io.omnireach.channel.analytics.ChannelStats;
import io.omnireach.channel.analytics.EmailStats;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of {@code /analytics} (JSON, camelCase). */
public final class AnalyticsDtos {

  private AnalyticsDtos() {}

  @Schema(
      name = "EmailCounts",
      description =
          "Messages sent in the range and what became of them; each message counts once per"
              + " outcome. Rates are 0..1: delivered/sent, opened, clicked, replied and"
              + " unsubscribed over delivered, bounced over sent. Opens by privacy proxies and"
              + " scanners are left out.")
  public record CountsDto(
      @Schema(example = "120") long sent,
      @Schema(example = "117") long delivered,
      @Schema(example = "54") long opened,
      @Schema(example = "12") long clicked,
      @Schema(example = "9") long replied,
      @Schema(example = "3") long bounced,
      @Schema(example = "1") long unsubscribed,
      @Schema(example = "0.975") double deliveryRate,
      @Schema(example = "0.4615") double openRate,
      @Schema(example = "0.1026") double clickRate,
      @Schema(example = "0.0769") double replyRate,
      @Schema(example = "0.025") double bounceRate,
      @Schema(example = "0.0085") double unsubscribeRate) {

    static CountsDto of(EmailStats.Counts c) {
      return new CountsDto(
          c.sent(),
          c.delivered(),
          c.opened(),
          c.clicked(),
          c.replied(),
          c.bounced(),
          c.unsubscribed(),
          c.deliveryRate(),
          c.openRate(),
          c.clickRate(),
          c.replyRate(),
          c.bounceRate(),
          c.unsubscribeRate());
    }
  }

  @Schema(name = "EmailDay", description = "Messages sent on one UTC day")
  public record DayDto(@Schema(example = "2026-05-04") LocalDate day, CountsDto counts) {}

  @Schema(name = "EmailGroup", description = "A mailbox or persona; id null = none or unknown")
  public record GroupDto(
      @Schema(example = "1") Long id, @Schema(example = "Sales") String name, CountsDto counts) {}

  @Schema(name = "EmailAnalytics", description = "Email figures of the caller's tenant")
  public record EmailAnalyticsDto(
      @Schema(example = "2026-04-05") LocalDate from,
      @Schema(example = "2026-05-04") LocalDate to,
      @Schema(example = "30") int days,
      @Schema(description = "Headline: leads now in the meeting stage", example = "4")
          long meetings,
      CountsDto totals,
      @Schema(description = "Opens flagged as privacy proxy or scanner (not in open rates)")
          long proxyOpens,
      List<DayDto> daily,
      List<GroupDto> mailboxes,
      List<GroupDto> personas) {

    static EmailAnalyticsDto of(EmailStats s) {
      return new EmailAnalyticsDto(
          s.from(),
          s.to(),
          s.daily().size(),
          s.meetings(),
          CountsDto.of(s.totals()),
          s.proxyOpens(),
          s.daily().stream().map(d -> new DayDto(d.day(), CountsDto.of(d.counts()))).toList(),
          s.mailboxes().stream().map(AnalyticsDtos::group).toList(),
          s.personas().stream().map(AnalyticsDtos::group).toList());
    }
  }

  static GroupDto group(EmailStats.Group g) {
    return new GroupDto(g.id(), g.name(), CountsDto.of(g.counts()));
  }

  @Schema(
      name = "ChannelCounts",
      description =
          "Touches in the range and what became of them. email: delivered = not bounced,"
              + " replied = a reply arrived; sms: delivered = Twilio's delivery receipt,"
              + " replied = an inbound SMS; linkedin (rep's task outcome): sent = sent, accepted"
              + " or replied, delivered = accepted or replied; call (rep's task outcome): sent ="
              + " connected, voicemail or no answer, delivered = connected or voicemail, replied"
              + " = connected. booked: leads now in the meeting stage or beyond, each counted"
              + " once for its last touch in the range.")
  public record ChannelCountsDto(
      @Schema(example = "120") long sent,
      @Schema(example = "117") long delivered,
      @Schema(example = "9") long replied,
      @Schema(example = "2") long booked) {

    static ChannelCountsDto of(ChannelStats.Counts c) {
      return new ChannelCountsDto(c.sent(), c.delivered(), c.replied(), c.booked());
    }
  }

  @Schema(name = "ChannelRow")
  public record ChannelRowDto(
      @Schema(
              example = "email",
              enumeration = {"email", "sms", "linkedin", "call"})
          String channel,
      ChannelCountsDto counts) {}

  @Schema(name = "ChannelStep", description = "One workflow step (node, over all versions)")
  public record ChannelStepDto(
      @Schema(example = "4") long workflowId,
      @Schema(example = "Outbound Q3") String workflowName,
      @Schema(example = "sms1") String nodeId,
      @Schema(example = "send_sms") String nodeType,
      @Schema(example = "sms") String channel,
      ChannelCountsDto counts) {}

  @Schema(name = "ChannelAnalytics", description = "Outreach per channel and per workflow step")
  public record ChannelAnalyticsDto(
      @Schema(example = "2026-04-05") LocalDate from,
      @Schema(example = "2026-05-04") LocalDate to,
      @Schema(example = "4", description = "The workflow it is limited to, or null")
          Long workflowId,
      @Schema(description = "email, sms, linkedin and call, always all four")
          List<ChannelRowDto> channels,
      @Schema(description = "Workflow steps that touched leads in the range, most first")
          List<ChannelStepDto> steps) {

    static ChannelAnalyticsDto of(ChannelStats s) {
      return new ChannelAnalyticsDto(
          s.from(),
          s.to(),
          s.workflowId(),
          s.channels().stream()
              .map(c -> new ChannelRowDto(c.channel(), ChannelCountsDto.of(c.counts())))
              .toList(),
          s.steps().stream()
              .map(
                  st ->
                      new ChannelStepDto(
                          st.workflowId(),
                          st.workflowName(),
                          st.nodeId(),
                          st.nodeType(),
                          st.channel(),
                          ChannelCountsDto.of(st.counts())))
              .toList());
    }
  }
}
