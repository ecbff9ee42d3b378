package io.omnireach.knowledge;

import io.omnireach.ai.Passage;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What we said to a lead and what they answered, embedded for drafts: a sweep embeds sent messages
 * (email, SMS) and replies (not bounces or out-of-office notes) some seconds after they happen, and
 * a draft gets the lead's latest message and the history closest to what it is about.
 */
public final class LeadHistory {

  /** History passages a draft gets at most: the latest message plus the closest others. */
  static final int DRAFT_PASSAGES = 2;

  /** Characters of a message embedded and kept (the model reads about 256 word pieces anyway). */
  static final int MAX_TEXT = 2_000;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final Transactions tx;
  private final Embedders embedders;

  public LeadHistory(Transactions tx, Embedder embedder) {
    this(tx, Embedders.fixed(embedder));
  }

  public LeadHistory(Transactions tx, Embedders embedders) {
    this.tx = tx;
    this.embedders = embedders;
  }

  private record Work(List<Pending> pending, Embedder embedder) {}

  private record Pending(
      boolean reply, long id, long leadId, Instant at, String title, String text) {}

  /**
   * Embeds up to {@code limit} sent messages and replies not in the history yet; returns how many.
   * The model runs outside any transaction; a row another server stored meanwhile is kept once.
   */
  public int embedPending(TenantRef tenant, int limit) {
    Work work = tx.tenant(tenant, c -> new Work(pending(c, limit), embedders.active(c, tenant)));
    List<Pending> pending = work.pending();
    if (pending.isEmpty()) {
      return 0;
    }
    List<float[]> vectors = work.embedder().embedAll(pending.stream().map(Pending::text).toList());
    tx.tenant(
        tenant,
        c -> {
          store(c, pending, vectors);
          return null;
        });
    return pending.size();
  }

  private static List<Pending> pending(Connection c, int limit) throws SQLException {
    List<Pending> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "(select false, id, lead_id, sent_at, channel, subject, body from messages"
                + " where status = 'SENT' and history_at is null and lead_id is not null"
                + " order by id limit ?)"
                + " union all"
                + " (select true, id, lead_id, received_at, case when message_id is null then"
                + " 'SMS' else 'EMAIL' end, subject, body from replies"
                + " where history_at is null and lead_id is not null"
                + " and classification not in ('BOUNCE', 'OUT_OF_OFFICE')"
                + " order by id limit ?)")) {
      ps.setInt(1, limit);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && out.size() < limit) {
          boolean reply = rs.getBoolean(1);
          Timestamp at = rs.getTimestamp(4);
          Instant when = at == null ? Instant.EPOCH : at.toInstant();
          String subject = rs.getString(6);
          String body = rs.getString(7) == null ? "" : rs.getString(7);
          String what = reply ? "Reply" : "SMS".equals(rs.getString(5)) ? "SMS" : "Email";
          String title =
              what
                  + " of "
                  + DAY.format(when)
                  + (subject == null || subject.isBlank() ? "" : ": " + subject.strip());
          String text =
              (subject == null || subject.isBlank() ? "" : subject.strip() + "\n\n") + body;
          out.add(
              new Pending(
                  reply,
                  rs.getLong(2),
                  rs.getLong(3),
                  when,
                  cap(title, 200),
                  cap(text.strip(), MAX_TEXT)));
        }
      }
    }
    return out;
  }

  private static void store(Connection c, List<Pending> pending, List<float[]> vectors)
      throws SQLException {
    try (PreparedStatement insert =
            c.prepareStatement(
                "insert into lead_history_chunks (lead_id, message_id, reply_id, occurred_at,"
                    + " title, text, embedding) values (?, ?, ?, ?, ?, ?, ?::extensions.vector)"
                    + " on conflict do nothing");
        PreparedStatement message =
            c.prepareStatement("update messages set history_at = now() where id = ?");
        PreparedStatement reply =
            c.prepareStatement("update replies set history_at = now() where id = ?")) {
      for (int i = 0; i < pending.size(); i++) {
        Pending p = pending.get(i);
        insert.setLong(1, p.leadId());
        insert.setObject(2, p.reply() ? null : p.id());
        insert.setObject(3, p.reply() ? p.id() : null);
        insert.setTimestamp(4, Timestamp.from(p.at()));
        insert.setString(5, p.title());
        insert.setString(6, p.text());
        insert.setString(7, KnowledgeStore.vector(vectors.get(i)));
        insert.addBatch();
        PreparedStatement stamp = p.reply() ? reply : message;
        stamp.setLong(1, p.id());
        stamp.addBatch();
      }
      insert.executeBatch();
      message.executeBatch();
      reply.executeBatch();
    }
  }

  /** Whether the lead has any history yet (drafts skip embedding a query when neither has). */
  public boolean any(TenantRef tenant, long leadId) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select exists (select 1 from lead_history_chunks where lead_id = ?)")) {
            ps.setLong(1, leadId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getBoolean(1);
            }
          }
        });
  }

  /**
   * The lead's latest message we sent (a follow-up refers to it), then the history closest to
   * {@code query}, {@value #DRAFT_PASSAGES} at most, newest first.
   */
  public List<Passage> find(TenantRef tenant, long leadId, float[] query) {
    return tx.tenant(
        tenant,
        c -> {
          Map<Long, Passage> chosen = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, message_id, reply_id, title, text from lead_history_chunks"
                      + " where lead_id = ? and message_id is not null"
                      + " order by occurred_at desc, id desc limit 1")) {
            ps.setLong(1, leadId);
            read(ps, chosen);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, message_id, reply_id, title, text from lead_history_chunks"
                      + " where lead_id = ? order by embedding "
                      + KnowledgeStore.COSINE
                      + " ?::extensions.vector limit ?")) {
            ps.setLong(1, leadId);
            ps.setString(2, KnowledgeStore.vector(query));
            ps.setInt(3, DRAFT_PASSAGES);
            read(ps, chosen);
          }
          return chosen.values().stream().limit(DRAFT_PASSAGES).toList();
        });
  }

  private static void read(PreparedStatement ps, Map<Long, Passage> into) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long messageId = rs.getLong(2);
        boolean reply = rs.wasNull();
        long source = reply ? rs.getLong(3) : messageId;
        into.putIfAbsent(
            rs.getLong(1),
            new Passage(
                reply ? Passage.REPLY : Passage.MESSAGE,
                source,
                rs.getString(4),
                rs.getLong(1),
                rs.getString(5)));
      }
    }
  }

  private static String cap(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
