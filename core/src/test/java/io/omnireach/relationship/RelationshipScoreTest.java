package io.omnireach.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.omnireach.relationship.RelationshipScore.Inputs;
import io.omnireach.relationship.RelationshipScore.Open;
import io.omnireach.relationship.RelationshipScore.Part;
import io.omnireach.relationship.RelationshipScore.Reply;
import io.omnireach.relationship.RelationshipScore.Result;
import io.omnireach.relationship.RelationshipScore.Sentiment;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelationshipScoreTest {

  static final Instant NOW = Instant.parse("2025-03-12T10:00:00Z");

  static Instant daysAgo(long days) {
    return NOW.minus(Duration.ofDays(days));
  }

  static Inputs replies(Reply... r) {
    return new Inputs(List.of(r), List.of(), List.of(), 0, 0, false, false);
  }

  static int points(Result r, String name) {
    return r.parts().stream()
        .filter(p -> p.name().equals(name))
        .mapToInt(Part::points)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no part " + name + " in " + r.parts()));
  }

  @Test
  void no_interaction_is_zero_with_no_parts() {
    Result r = RelationshipScore.compute(Inputs.none(), NOW);
    assertThat(r.score()).isZero();
    assertThat(r.parts()).isEmpty();
  }

  @Test
  void a_positive_reply_today_counts_reply_sentiment_and_recency() {
    Result r = RelationshipScore.compute(replies(new Reply(NOW, Sentiment.POSITIVE)), NOW);
    assertThat(points(r, "Replies")).isEqualTo(15);
    assertThat(points(r, "Sentiment")).isEqualTo(20);
    assertThat(points(r, "Recency")).isEqualTo(10);
    assertThat(r.score()).isEqualTo(45);
    assertThat(r.parts()).allSatisfy(p -> assertThat(p.why()).isNotBlank());
  }

  @Test
  void a_negative_reply_takes_points_off() {
    Result r = RelationshipScore.compute(replies(new Reply(NOW, Sentiment.NEGATIVE)), NOW);
    assertThat(points(r, "Sentiment")).isEqualTo(-20);
    assertThat(r.score()).isEqualTo(15 - 20 + 10);
  }

  @Test
  void engagement_halves_every_thirty_days() {
    assertThat(RelationshipScore.weight(NOW, NOW)).isEqualTo(1.0);
    assertThat(RelationshipScore.weight(daysAgo(30), NOW)).isCloseTo(0.5, within(1e-9));
    assertThat(RelationshipScore.weight(daysAgo(60), NOW)).isCloseTo(0.25, within(1e-9));
    Result old =
        RelationshipScore.compute(replies(new Reply(daysAgo(30), Sentiment.POSITIVE)), NOW);
    assertThat(points(old, "Replies")).isEqualTo(8); // 15 * 0.5 rounded
    assertThat(points(old, "Sentiment")).isEqualTo(10);
    assertThat(points(old, "Recency")).isEqualTo(5);
    assertThat(
            points(
                RelationshipScore.compute(
                    replies(new Reply(daysAgo(30), Sentiment.POSITIVE)),
                    NOW.plusSeconds(86_400L * 60)),
                "Replies"))
        .isEqualTo(2);
  }

  @Test
  void scanner_and_proxy_opens_are_not_counted_but_explained() {
    Inputs in =
        new Inputs(
            List.of(),
            List.of(new Open(NOW, true), new Open(NOW, true), new Open(NOW, false)),
            List.of(),
            0,
            0,
            false,
            false);
    Result r = RelationshipScore.compute(in, NOW);
    assertThat(points(r, "Opens")).isEqualTo(3);
    assertThat(
            r.parts().stream()
                .filter(p -> p.name().equals("Opens"))
                .findFirst()
                .orElseThrow()
                .why())
        .isEqualTo("1 open (2 scanner or proxy opens not counted).");
    Inputs onlyScanners =
        new Inputs(List.of(), List.of(new Open(NOW, true)), List.of(), 0, 0, false, false);
    Result scanned = RelationshipScore.compute(onlyScanners, NOW);
    assertThat(scanned.score()).isZero();
    // no human engagement: no recency either
    assertThat(scanned.parts()).extracting(Part::name).containsExactly("Opens");
  }

  @Test
  void opens_and_clicks_are_capped() {
    Inputs in =
        new Inputs(
            List.of(),
            Collections.nCopies(20, new Open(NOW, false)),
            Collections.nCopies(20, NOW),
            0,
            0,
            false,
            false);
    Result r = RelationshipScore.compute(in, NOW);
    assertThat(points(r, "Opens")).isEqualTo(12);
    assertThat(points(r, "Clicks")).isEqualTo(18);
  }

  @Test
  void a_meeting_adds_points() {
    Inputs in = new Inputs(List.of(), List.of(), List.of(), 0, 0, false, true);
    assertThat(RelationshipScore.compute(in, NOW).score()).isEqualTo(25);
  }

  @Test
  void bounces_take_points_and_do_not_decay() {
    Inputs hard =
        new Inputs(
            List.of(new Reply(NOW, Sentiment.POSITIVE)), List.of(), List.of(), 1, 0, false, false);
    Result r = RelationshipScore.compute(hard, NOW);
    assertThat(points(r, "Bounces")).isEqualTo(-40);
    assertThat(r.score()).isEqualTo(5); // 45 - 40
    Inputs soft = new Inputs(List.of(), List.of(), List.of(), 0, 5, false, true);
    Result s = RelationshipScore.compute(soft, NOW);
    assertThat(points(s, "Bounces")).isEqualTo(-15); // capped
    assertThat(s.score()).isEqualTo(10);
  }

  @Test
  void the_score_is_clamped_to_0_and_100() {
    List<Reply> many = Collections.nCopies(10, new Reply(NOW, Sentiment.POSITIVE));
    Inputs high =
        new Inputs(
            many,
            Collections.nCopies(10, new Open(NOW, false)),
            Collections.nCopies(10, NOW),
            0,
            0,
            false,
            true);
    Result r = RelationshipScore.compute(high, NOW);
    assertThat(r.parts().stream().mapToInt(Part::points).sum()).isGreaterThan(100);
    assertThat(r.score()).isEqualTo(100);

    Inputs low =
        new Inputs(
            List.of(new Reply(NOW, Sentiment.NEGATIVE)), List.of(), List.of(), 1, 3, true, false);
    Result l = RelationshipScore.compute(low, NOW);
    assertThat(l.parts().stream().mapToInt(Part::points).sum()).isNegative();
    assertThat(l.score()).isZero();
    assertThat(points(l, "Unsubscribed")).isEqualTo(-50);
  }

  @Test
  void sentiment_parses_the_stored_values() {
    assertThat(Sentiment.parse("positive")).isEqualTo(Sentiment.POSITIVE);
    assertThat(Sentiment.parse("NEGATIVE ")).isEqualTo(Sentiment.NEGATIVE);
    assertThat(Sentiment.parse(null)).isEqualTo(Sentiment.NEUTRAL);
    assertThat(Sentiment.parse("meh")).isEqualTo(Sentiment.NEUTRAL);
  }
}
