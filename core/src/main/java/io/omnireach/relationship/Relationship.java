package io.omnireach.relationship;

import java.time.Instant;
import java.util.List;

/**
 * A lead's stored relationship score with its parts (as of {@code computedAt}, the last event or
 * backfill; null when never computed) and the sentiment of its replies, oldest first.
 */
public record Relationship(
    long leadId,
    int score,
    List<RelationshipScore.Part> parts,
    Instant computedAt,
    List<SentimentPoint> sentiment) {

  /** One reply's tone; {@code messageId} is our message it answered. */
  public record SentimentPoint(
      Instant at, RelationshipScore.Sentiment sentiment, Long messageId, long replyId) {}

  public Relationship {
    parts = List.copyOf(parts);
    sentiment = List.copyOf(sentiment);
  }
}
