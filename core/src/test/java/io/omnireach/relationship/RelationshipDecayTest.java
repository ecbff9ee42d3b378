package io.omnireach.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.db.Migrations;
import io.omnireach.lead.LeadDraft;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.LeadRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recency decay without events, on PostgreSQL with a fixed clock: a lead whose last reply grows old
 * loses points at the daily recompute and its "Recency" part says how long ago; leads with nothing
 * that fades, or scored within the day, are not touched; another tenant's leads are its own.
 */
class RelationshipDecayTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final Duration DAILY = Duration.ofDays(1);
  static final TenantRef ACME = new TenantRef(1, "decay-acme");
  static final TenantRef GLOBEX = new TenantRef(2, "decay-globex");
  static final TenantRef INITECH = new TenantRef(3, "decay-initech");

  static TestDatabase db;
  static RelationshipScores scores;

  @BeforeAll
  static void start() {
    db = TestDatabase.migrated();
    Migrations.migrateTenant(db.dataSource(), ACME.schema());
    Migrations.migrateTenant(db.dataSource(), GLOBEX.schema());
    Migrations.migrateTenant(db.dataSource(), INITECH.schema());
    scores = new RelationshipScores(db.transactions());
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  static Clock at(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  static long lead(TenantRef t, String first) {
    return new LeadRepository(db.transactions(), at(T0))
        .create(
            t,
            new LeadDraft()
                .set(LeadField.FIRST_NAME, first)
                .set(LeadField.EMAIL, first.toLowerCase() + "@decay.example"),
            "test")
        .id();
  }

  /** A positive reply at T0, scored then (as the reply's own transaction does). */
  static void repliedAtT0(TenantRef t, long leadId) {
    db.transactions()
        .tenant(
            t,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into replies (lead_id, body, classification, sentiment,"
                          + " raw_message_id, received_at) values (?, 'Yes, let us talk.',"
                          + " 'INTERESTED', 'positive', gen_random_uuid()::text, ?)")) {
                ps.setLong(1, leadId);
                ps.setTimestamp(2, Timestamp.from(T0));
                ps.executeUpdate();
              }
              RelationshipScores.recompute(c, List.of(leadId), T0);
              return null;
            });
  }

  static Instant scoredAt(TenantRef t, long leadId) {
    return db.transactions()
        .tenant(
            t,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("select relationship_at from leads where id = ?")) {
                ps.setLong(1, leadId);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  Timestamp ts = rs.getTimestamp(1);
                  return ts == null ? null : ts.toInstant();
                }
              }
            });
  }

  static RelationshipScore.Part part(Relationship r, String name) {
    return r.parts().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void an_old_reply_cools_at_the_daily_recompute_without_any_new_event() {
    long rita = lead(ACME, "Rita");
    repliedAtT0(ACME, rita);
    long quiet = lead(ACME, "Quiet"); // never engaged: score 0, nothing fades
    db.transactions()
        .tenant(
            ACME,
            c -> {
              RelationshipScores.recompute(c, List.of(quiet), T0);
              return null;
            });
    Relationship fresh = scores.get(ACME, rita).orElseThrow();
    assertThat(part(fresh, "Recency").points()).isEqualTo(10);
    assertThat(part(fresh, "Recency").why()).startsWith("Last engaged today");

    // within the day: nothing is due
    assertThat(scores.decay(ACME, at(T0.plus(Duration.ofHours(20))), DAILY)).isZero();

    // ten days on, no event: the score decays, the recency part says why
    Instant later = T0.plus(Duration.ofDays(10));
    assertThat(scores.decay(ACME, at(later), DAILY)).isEqualTo(1);
    Relationship cooled = scores.get(ACME, rita).orElseThrow();
    assertThat(cooled.score()).isLessThan(fresh.score());
    assertThat(part(cooled, "Recency").points()).isEqualTo(8); // 10 × 0.5^(10/30)
    assertThat(part(cooled, "Recency").why()).startsWith("Last engaged 10 days ago");
    assertThat(cooled.computedAt()).isEqualTo(later);
    assertThat(scoredAt(ACME, quiet)).isEqualTo(T0);
    // done for today
    assertThat(scores.decay(ACME, at(later.plus(Duration.ofHours(1))), DAILY)).isZero();

    // a year on, every fading part is down to nothing, and then the lead is no longer a candidate
    Instant yearOn = T0.plus(Duration.ofDays(365));
    assertThat(scores.decay(ACME, at(yearOn), DAILY)).isEqualTo(1);
    Relationship cold = scores.get(ACME, rita).orElseThrow();
    assertThat(cold.score()).isZero();
    assertThat(part(cold, "Recency").points()).isZero();
    assertThat(part(cold, "Recency").why()).startsWith("Last engaged 365 days ago");
    assertThat(scores.decay(ACME, at(yearOn.plus(Duration.ofDays(30))), DAILY)).isZero();
  }

  @Test
  void each_tenant_decays_its_own_leads() {
    long gina = lead(GLOBEX, "Gina");
    repliedAtT0(GLOBEX, gina);
    long ivan = lead(INITECH, "Ivan");
    repliedAtT0(INITECH, ivan);
    Instant later = T0.plus(Duration.ofDays(45));
    int before = scores.get(GLOBEX, gina).orElseThrow().score();
    assertThat(scores.decay(GLOBEX, at(later), DAILY)).isEqualTo(1);
    assertThat(scores.get(GLOBEX, gina).orElseThrow().score()).isLessThan(before);
    assertThat(scoredAt(INITECH, ivan)).isEqualTo(T0);
  }
}
