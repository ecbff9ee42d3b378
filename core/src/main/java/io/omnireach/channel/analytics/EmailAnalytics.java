package io.omnireach.channel.analytics;

import io.omnireach.channel.analytics.EmailStats.Counts;
import io.omnireach.channel.analytics.EmailStats.Day;
import io.omnireach.channel.analytics.EmailStats.Group;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes {@link EmailStats} for a tenant: the messages sent ({@code sent_at}) in a range of UTC
 * days and, per message, whether it was opened by a person (OPENED events not flagged {@code
 * proxy}), clicked, replied, bounced or unsubscribed — whenever that happened. Meetings are the
 * tenant's leads now in the {@code meeting} stage.
 */
public final class EmailAnalytics {

  public static final int MAX_DAYS = 366;

  private static final String SQL =
      "with m as ("
          + " select (m.sent_at at time zone 'UTC')::date as day, m.mailbox_id, m.persona_id,"
          + " exists (select 1 from message_events e where e.message_id = m.id"
          + "   and e.type = 'OPENED' and not e.proxy) as opened,"
          + " exists (select 1 from message_events e where e.message_id = m.id"
          + "   and e.type = 'CLICKED') as clicked,"
          + " exists (select 1 from message_events e where e.message_id = m.id"
          + "   and e.type = 'REPLIED') as replied,"
          + " exists (select 1 from message_events e where e.message_id = m.id"
          + "   and e.type = 'BOUNCED') as bounced,"
          + " exists (select 1 from message_events e where e.message_id = m.id"
          + "   and e.type = 'UNSUBSCRIBED') as unsubscribed,"
          + " (select count(*) from message_events e where e.message_id = m.id"
          + "   and e.type = 'OPENED' and e.proxy) as proxy_opens"
          + " from messages m where m.sent_at >= ? and m.sent_at < ?)"
          + " select day, mailbox_id, persona_id, count(*),"
          + " count(*) filter (where opened), count(*) filter (where clicked),"
          + " count(*) filter (where replied), count(*) filter (where bounced),"
          + " count(*) filter (where unsubscribed), coalesce(sum(proxy_opens), 0)"
          + " from m group by day, mailbox_id, persona_id";

  private final Transactions tx;
  private final Clock clock;

  public EmailAnalytics(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /** The last {@code days} days up to and including today (UTC). */
  public EmailStats lastDays(TenantRef tenant, int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw DomainException.invalid("days", "days must be between 1 and " + MAX_DAYS + ".");
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return between(tenant, today.minusDays(days - 1L), today);
  }

  /** The UTC days {@code from}..{@code to}, both included. */
  public EmailStats between(TenantRef tenant, LocalDate from, LocalDate to) {
    if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
      throw DomainException.invalid("days", "The range must be 1 to " + MAX_DAYS + " days.");
    }
    return tx.tenant(tenant, c -> compute(c, from, to));
  }

  private static EmailStats compute(Connection c, LocalDate from, LocalDate to)
      throws SQLException {
    Map<LocalDate, Counts> daily = new LinkedHashMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      daily.put(d, Counts.ZERO);
    }
    Map<Long, Counts> byMailbox = new HashMap<>();
    Map<Long, Counts> byPersona = new HashMap<>();
    Counts totals = Counts.ZERO;
    long proxyOpens = 0;
    try (PreparedStatement ps = c.prepareStatement(SQL)) {
      ps.setTimestamp(1, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
      ps.setTimestamp(2, Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          LocalDate day = rs.getObject(1, LocalDate.class);
          Long mailbox = (Long) rs.getObject(2);
          Long persona = (Long) rs.getObject(3);
          Counts counts =
              new Counts(
                  rs.getLong(4),
                  rs.getLong(5),
                  rs.getLong(6),
                  rs.getLong(7),
                  rs.getLong(8),
                  rs.getLong(9));
          proxyOpens += rs.getLong(10);
          totals = totals.plus(counts);
          daily.merge(day, counts, Counts::plus);
          byMailbox.merge(mailbox == null ? -1L : mailbox, counts, Counts::plus);
          byPersona.merge(persona == null ? -1L : persona, counts, Counts::plus);
        }
      }
    }
    List<Day> days = new ArrayList<>();
    daily.forEach((d, n) -> days.add(new Day(d, n)));
    return new EmailStats(
        from,
        to,
        totals,
        proxyOpens,
        meetings(c),
        List.copyOf(days),
        groups(c, byMailbox, "select id, name from mailboxes", "No mailbox"),
        groups(c, byPersona, "select id, name from personas", "No persona"));
  }

  private static List<Group> groups(
      Connection c, Map<Long, Counts> counts, String namesSql, String none) throws SQLException {
    Map<Long, String> names = new HashMap<>();
    if (!counts.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(namesSql);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.put(rs.getLong(1), rs.getString(2));
        }
      }
    }
    List<Group> groups = new ArrayList<>();
    counts.forEach(
        (id, n) ->
            groups.add(
                id == -1L
                    ? new Group(null, none, n)
                    : new Group(id, Objects.requireNonNullElse(names.get(id), "#" + id), n)));
    groups.sort(
        Comparator.comparingLong((Group g) -> g.counts().sent())
            .reversed()
            .thenComparing(Group::name));
    return List.copyOf(groups);
  }

  private static long meetings(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("select count(*) from leads where stage = 'meeting'");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
