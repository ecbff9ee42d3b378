package io.omnireach.channel.analytics;

import io.omnireach.channel.analytics.ChannelStats.ChannelRow;
import io.omnireach.channel.analytics.ChannelStats.Counts;
import io.omnireach.channel.analytics.ChannelStats.StepRow;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes {@link ChannelStats}: every touch of a lead in the range — an email or SMS sent ({@code
 * sent_at}), a LinkedIn or Call task the rep completed with an outcome other than skipped ({@code
 * done_at}) — with its workflow step when a step made it ({@code node_runs}). Per channel:
 *
 * <ul>
 *   <li>email: delivered = not bounced (SMTP servers send no receipts; a SendGrid bounce or drop
 *       counts as bounced), replied = a reply arrived (REPLIED event);
 *   <li>sms: delivered = Twilio's delivery receipt (DELIVERED event), replied = an inbound SMS;
 *   <li>linkedin: delivered = accepted or replied, replied = replied (the rep's outcome);
 *   <li>call: sent = connected, voicemail or no answer; delivered = connected or voicemail; replied
 *       = connected. An automated call (a VOICE outbox message) counts as a call too: sent when
 *       Twilio took it, delivered when it completed.
 * </ul>
 *
 * Booked: a lead now in the meeting stage or beyond (negotiation, won) counts once, for its last
 * touch in the range — the channel and step of the last touch before it. There is no stage history
 * yet, so this is the lead's current stage, not the day it changed.
 */
public final class ChannelAnalytics {

  /**
   * One row per touch; {@code ?} 1–2 = range of sends, 3–4 = range of tasks, 5–6 the workflow (or
   * null twice). Task kinds and outcomes are TaskKind's (workflow.engine), spelled out here because
   * channel code does not depend on the engine.
   */
  private static final String TOUCHES =
      "select 'm' as src, m.id as ref,"
          + " case when m.channel = 'VOICE' then 'call' else lower(m.channel) end as channel,"
          + " m.lead_id, m.sent_at as at, s.workflow_id, s.node_id, s.node_type,"
          + " case when m.channel = 'SMS' then exists (select 1 from message_events e"
          + "   where e.message_id = m.id and e.type = 'DELIVERED')"
          + " when m.channel = 'VOICE' then exists (select 1 from message_events e"
          + "   where e.message_id = m.id and e.type = 'CALL_COMPLETED')"
          + " else not exists (select 1 from message_events e"
          + "   where e.message_id = m.id and e.type = 'BOUNCED') end as delivered,"
          + " exists (select 1 from message_events e where e.message_id = m.id"
          + "   and e.type = 'REPLIED') as replied"
          + " from messages m"
          + " left join lateral (select r.workflow_id, n.node_id, n.node_type from node_runs n"
          + "   join workflow_runs r on r.id = n.run_id where n.message_id = m.id"
          + "   order by n.id limit 1) s on true"
          + " where m.sent_at >= ? and m.sent_at < ?"
          + " union all"
          + " select 't', t.id, t.kind, t.lead_id, t.done_at, r.workflow_id, n.node_id,"
          + " n.node_type,"
          + " t.outcome in ('accepted', 'replied', 'connected', 'voicemail'),"
          + " t.outcome in ('replied', 'connected')"
          + " from workflow_tasks t join node_runs n on n.id = t.node_run_id"
          + " join workflow_runs r on r.id = t.run_id"
          + " where t.kind in ('linkedin', 'call') and t.status = 'done'"
          + " and t.outcome is not null and t.outcome <> 'skipped'"
          + " and t.done_at >= ? and t.done_at < ?";

  private static final String SQL =
      "with touches as (select * from ("
          + TOUCHES
          + ") x where (cast(? as bigint) is null or x.workflow_id = cast(? as bigint))),"
          + " ranked as (select t.*, coalesce(l.stage in ('meeting', 'negotiation', 'won')"
          + "   and row_number() over (partition by t.lead_id order by t.at desc, t.src, t.ref"
          + "   desc) = 1, false) as booked"
          + "   from touches t left join leads l on l.id = t.lead_id)"
          + " select channel, workflow_id, w.name, node_id, node_type, count(*),"
          + " count(*) filter (where delivered), count(*) filter (where replied),"
          + " count(*) filter (where booked)"
          + " from ranked left join workflows w on w.id = ranked.workflow_id"
          + " group by channel, workflow_id, w.name, node_id, node_type";

  private final Transactions tx;
  private final Clock clock;

  public ChannelAnalytics(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * The UTC days {@code from}..{@code to}, both included; null {@code to} is today, null {@code
   * from} 29 days before {@code to}.
   *
   * @param workflowId only that workflow's steps, or null for all outreach (also without workflow)
   * @throws DomainException INVALID for a reversed or too long range, NOT_FOUND for a workflow the
   *     tenant does not have
   */
  public ChannelStats between(TenantRef tenant, LocalDate from, LocalDate to, Long workflowId) {
    LocalDate end = to != null ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate start = from != null ? from : end.minusDays(29);
    if (end.isBefore(start)) {
      throw DomainException.invalid("from", "from must not be after to.");
    }
    if (start.plusDays(EmailAnalytics.MAX_DAYS).isBefore(end)) {
      throw DomainException.invalid(
          "from", "The range must be at most " + EmailAnalytics.MAX_DAYS + " days.");
    }
    return tx.tenant(tenant, c -> compute(c, start, end, workflowId));
  }

  private static ChannelStats compute(Connection c, LocalDate from, LocalDate to, Long workflowId)
      throws SQLException {
    if (workflowId != null) {
      requireWorkflow(c, workflowId);
    }
    Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
    Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    Map<String, Counts> channels = new LinkedHashMap<>();
    ChannelStats.CHANNELS.forEach(ch -> channels.put(ch, Counts.ZERO));
    List<StepRow> steps = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SQL)) {
      ps.setTimestamp(1, start);
      ps.setTimestamp(2, end);
      ps.setTimestamp(3, start);
      ps.setTimestamp(4, end);
      for (int i = 5; i <= 6; i++) {
        if (workflowId == null) {
          ps.setNull(i, Types.BIGINT);
        } else {
          ps.setLong(i, workflowId);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String channel = rs.getString(1);
          Counts counts = new Counts(rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
          channels.merge(channel, counts, Counts::plus);
          Long workflow = (Long) rs.getObject(2);
          if (workflow != null) {
            steps.add(
                new StepRow(
                    workflow, rs.getString(3), rs.getString(4), rs.getString(5), channel, counts));
          }
        }
      }
    }
    steps.sort(
        Comparator.comparingLong((StepRow s) -> s.counts().sent())
            .reversed()
            .thenComparing(StepRow::workflowName, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(StepRow::nodeId));
    List<ChannelRow> rows = new ArrayList<>();
    channels.forEach((ch, n) -> rows.add(new ChannelRow(ch, n)));
    return new ChannelStats(from, to, workflowId, List.copyOf(rows), List.copyOf(steps));
  }

  private static void requireWorkflow(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from workflows where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No workflow " + id + " in this tenant.");
        }
      }
    }
  }
}
