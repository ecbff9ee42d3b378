package io.omnireach.relationship;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the relationship score's inputs for a set of leads in two queries (replies; message
 * events), computes it with {@link RelationshipScore} and stores it on the leads. Called inside the
 * transaction of each event that changes it, so the stored score is never behind a committed event.
 */
public final class RelationshipScores {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 500;

  /** Reply classes that are not a person answering (they count elsewhere or not at all). */
  static final String NOT_REPLIES = "('BOUNCE', 'OUT_OF_OFFICE')";

  private final Transactions tx;

  public RelationshipScores(Transactions tx) {
    this.tx = tx;
  }

  /** The lead's stored score, parts and sentiment trend; empty for an unknown lead. */
  public Optional<Relationship> get(TenantRef tenant, long leadId) {
    return tx.tenant(
        tenant,
        c -> {
          int score;
          List<RelationshipScore.Part> parts;
          Instant at;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select relationship_score, relationship_parts::text, relationship_at"
                      + " from leads where id = ?")) {
            ps.setLong(1, leadId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Relationship>empty();
              }
              score = rs.getInt(1);
              parts = parts(rs.getString(2));
              Timestamp ts = rs.getTimestamp(3);
              at = ts == null ? null : ts.toInstant();
            }
          }
          List<Relationship.SentimentPoint> trend = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id, message_id, received_at, sentiment, classification from replies"
                      + " where lead_id = ? and classification not in "
                      + NOT_REPLIES
                      + " order by received_at, id limit 500")) {
            ps.setLong(1, leadId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                trend.add(
                    new Relationship.SentimentPoint(
                        rs.getTimestamp(3).toInstant(),
                        sentiment(rs.getString(4), rs.getString(5)),
                        (Long) rs.getObject(2),
                        rs.getLong(1)));
              }
            }
          }
          return Optional.of(new Relationship(leadId, score, parts, at, trend));
        });
  }

  /** Recomputes every lead of the tenant (the one-off backfill; also after a formula change). */
  public int recomputeAll(TenantRef tenant, Clock clock) {
    return tx.tenant(tenant, c -> recomputeAll(c, clock.instant()));
  }

  /**
   * The parts that fade with time (see {@link RelationshipScore#HALF_LIFE}): a lead's score can
   * only decay while one of them is non-zero. A jsonpath over the stored parts, so the candidates
   * are found without reading a reply or an event.
   */
  static final String DECAYING =
      "$[*] ? ((@.name == \"Replies\" || @.name == \"Sentiment\" || @.name == \"Opens\""
          + " || @.name == \"Clicks\" || @.name == \"Recency\") && @.points != 0)";

  /**
   * Recency decay without events: recomputes the leads whose score has a part that fades and was
   * computed more than {@code every} ago, so a relationship cools while nothing happens. Cheap: the
   * filter reads only the leads' own columns, so no reply or event is read for a lead whose score
   * cannot change; each batch commits on its own (a recomputed lead is stamped now and drops out of
   * the filter). Returns how many were recomputed.
   */
  public int decay(TenantRef tenant, Clock clock, Duration every) {
    Instant now = clock.instant();
    Timestamp before = Timestamp.from(now.minus(every));
    int done = 0;
    while (true) {
      int n =
          tx.tenant(
              tenant,
              c -> {
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "select id from leads where relationship_at < ?"
                            + " and jsonb_path_exists(relationship_parts, cast(? as jsonpath))"
                            + " order by id limit "
                            + BATCH)) {
                  ps.setTimestamp(1, before);
                  ps.setString(2, DECAYING);
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      ids.add(rs.getLong(1));
                    }
                  }
                }
                recompute(c, ids, now);
                return ids.size();
              });
      done += n;
      if (n < BATCH) {
        return done;
      }
    }
  }

  /** Recomputes every lead of the schema the connection is bound to, in batches. */
  public static int recomputeAll(Connection c, Instant now) throws SQLException {
    int done = 0;
    long after = 0;
    while (true) {
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement("select id from leads where id > ? order by id limit " + BATCH)) {
        ps.setLong(1, after);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
      if (ids.isEmpty()) {
        return done;
      }
      recompute(c, ids, now);
      done += ids.size();
      after = ids.get(ids.size() - 1);
    }
  }

  /** Recomputes the score of the lead our message went to (none for a message without lead). */
  public static void recomputeForMessage(Connection c, long messageId, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select lead_id from messages where id = ? and lead_id is not null")) {
      ps.setLong(1, messageId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          recompute(c, List.of(rs.getLong(1)), now);
        }
      }
    }
  }

  /** Recomputes and stores the scores of these leads: two reads and one batched update. */
  public static void recompute(Connection c, Collection<Long> leadIds, Instant now)
      throws SQLException {
    if (leadIds.isEmpty()) {
      return;
    }
    Map<Long, Acc> acc = new HashMap<>();
    Object[] ids = leadIds.toArray();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, stage in ('meeting', 'negotiation', 'won') from leads where id = any (?)")) {
      ps.setArray(1, c.createArrayOf("int8", ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          acc.put(rs.getLong(1), new Acc(rs.getBoolean(2)));
        }
      }
    }
    if (acc.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select lead_id, received_at, sentiment, classification from replies"
                + " where lead_id = any (?) and classification not in "
                + NOT_REPLIES)) {
      ps.setArray(1, c.createArrayOf("int8", ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Acc a = acc.get(rs.getLong(1));
          if (a != null) {
            a.replies.add(
                new RelationshipScore.Reply(
                    rs.getTimestamp(2).toInstant(), sentiment(rs.getString(3), rs.getString(4))));
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select m.lead_id, e.type, e.at, e.proxy from message_events e"
                + " join messages m on m.id = e.message_id"
                + " where m.lead_id = any (?)"
                + " and e.type in ('OPENED', 'CLICKED', 'BOUNCED', 'SOFT_BOUNCED', 'UNSUBSCRIBED')")) {
      ps.setArray(1, c.createArrayOf("int8", ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Acc a = acc.get(rs.getLong(1));
          if (a == null) {
            continue;
          }
          Instant at = rs.getTimestamp(3).toInstant();
          switch (rs.getString(2)) {
            case "OPENED" -> a.opens.add(new RelationshipScore.Open(at, rs.getBoolean(4)));
            case "CLICKED" -> a.clicks.add(at);
            case "BOUNCED" -> a.hard++;
            case "SOFT_BOUNCED" -> a.soft++;
            default -> a.unsubscribed = true;
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update leads set relationship_score = ?, relationship_parts = cast(? as jsonb),"
                + " relationship_at = ? where id = ?")) {
      for (Map.Entry<Long, Acc> e : acc.entrySet()) {
        RelationshipScore.Result r = RelationshipScore.compute(e.getValue().inputs(), now);
        ps.setInt(1, r.score());
        ps.setString(2, json(r.parts()));
        ps.setTimestamp(3, Timestamp.from(now));
        ps.setLong(4, e.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The stored sentiment, or (rows from before sentiment was stored) the class's tone. */
  static RelationshipScore.Sentiment sentiment(String stored, String classification) {
    if (stored != null) {
      return RelationshipScore.Sentiment.parse(stored);
    }
    return switch (classification == null ? "" : classification) {
      case "INTERESTED" -> RelationshipScore.Sentiment.POSITIVE;
      case "NOT_INTERESTED", "UNSUBSCRIBE" -> RelationshipScore.Sentiment.NEGATIVE;
      default -> RelationshipScore.Sentiment.NEUTRAL;
    };
  }

  private static String json(List<RelationshipScore.Part> parts) {
    try {
      return JSON.writeValueAsString(parts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<RelationshipScore.Part> parts(String json) {
    try {
      return json == null
          ? List.of()
          : JSON.readValue(json, new TypeReference<List<RelationshipScore.Part>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored relationship parts are not valid JSON", e);
    }
  }

  private static final class Acc {
    final boolean meeting;
    final List<RelationshipScore.Reply> replies = new ArrayList<>();
    final List<RelationshipScore.Open> opens = new ArrayList<>();
    final List<Instant> clicks = new ArrayList<>();
    int hard;
    int soft;
    boolean unsubscribed;

    Acc(boolean meeting) {
      this.meeting = meeting;
    }

    RelationshipScore.Inputs inputs() {
      return new RelationshipScore.Inputs(
          replies, opens, clicks, hard, soft, unsubscribed, meeting);
    }
  }
}
