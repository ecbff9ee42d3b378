package io.omnireach.channel.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.channel.Tracking;
import io.omnireach.channel.TrackingLinks;
import io.omnireach.channel.analytics.EmailStats.Counts;
import io.omnireach.channel.analytics.EmailStats.Group;
import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Migrations;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Analytics over real PostgreSQL: messages and events inserted directly into fresh schemas. */
class EmailAnalyticsTest {

  static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 5, 10);
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static TestDatabase db;
  static TenantRef acme;
  static TenantRef globex;
  static TenantRef empty;
  static TenantRef pixel;
  static EmailAnalytics analytics;
  static long sales;
  static long support;
  static long elena;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.migrated();
    acme = tenant("acme");
    globex = tenant("globex");
    empty = tenant("empty");
    pixel = tenant("pixel");
    analytics = new EmailAnalytics(db.transactions(), CLOCK);
    db.transactions()
        .tenant(
            acme,
            c -> {
              sales = mailbox(c, "Sales");
              support = mailbox(c, "Support");
              elena = persona(c, "Elena");
              long lead = lead(c, "meeting");
              lead(c, "meeting");
              lead(c, "new");
              Instant d2 = NOW.minusSeconds(2 * 86400);
              Instant d1 = NOW.minusSeconds(86400);
              // Day -2, Sales/Elena: opened by a person twice, clicked, replied.
              long m1 = message(c, lead, sales, elena, d2);
              event(c, m1, "OPENED", false, d2.plusSeconds(3600));
              event(c, m1, "OPENED", false, d2.plusSeconds(7200));
              event(c, m1, "CLICKED", false, d2.plusSeconds(7300));
              event(c, m1, "REPLIED", false, NOW);
              // Day -2, Sales/Elena: only a proxy open.
              long m2 = message(c, lead, sales, elena, d2);
              event(c, m2, "OPENED", true, d2.plusSeconds(2));
              // Day -1, Support/no persona: bounced.
              long m3 = message(c, lead, support, null, d1);
              event(c, m3, "BOUNCED", false, d1.plusSeconds(30));
              // Day -1, Support: proxy open then a person's open, then unsubscribed.
              long m4 = message(c, lead, support, null, d1);
              event(c, m4, "OPENED", true, d1.plusSeconds(1));
              event(c, m4, "OPENED", false, d1.plusSeconds(4000));
              event(c, m4, "UNSUBSCRIBED", false, d1.plusSeconds(5000));
              // Outside a 7-day range, and a message never sent: not counted.
              message(c, lead, sales, elena, NOW.minusSeconds(20 * 86400));
              message(c, lead, sales, elena, null);
              return null;
            });
    db.transactions()
        .tenant(
            globex,
            c -> {
              long box = mailbox(c, "Globex");
              long lead = lead(c, "new");
              long m = message(c, lead, box, null, NOW.minusSeconds(3600));
              event(c, m, "OPENED", false, NOW);
              return null;
            });
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void totals_and_rates_count_each_message_once_and_leave_out_proxy_opens() {
    EmailStats stats = analytics.lastDays(acme, 7);
    Counts t = stats.totals();
    assertThat(stats.from()).isEqualTo(TODAY.minusDays(6));
    assertThat(stats.to()).isEqualTo(TODAY);
    assertThat(t.sent()).isEqualTo(4);
    assertThat(t.bounced()).isEqualTo(1);
    assertThat(t.delivered()).isEqualTo(3);
    assertThat(t.opened()).isEqualTo(2);
    assertThat(t.clicked()).isEqualTo(1);
    assertThat(t.replied()).isEqualTo(1);
    assertThat(t.unsubscribed()).isEqualTo(1);
    assertThat(stats.proxyOpens()).isEqualTo(2);
    assertThat(stats.meetings()).isEqualTo(2);
    assertThat(t.deliveryRate()).isEqualTo(0.75);
    assertThat(t.openRate()).isEqualTo(0.6667);
    assertThat(t.replyRate()).isEqualTo(0.3333);
    assertThat(t.bounceRate()).isEqualTo(0.25);
    assertThat(stats.isEmpty()).isFalse();
  }

  @Test
  void the_daily_series_has_every_day_of_the_range() {
    EmailStats stats = analytics.lastDays(acme, 7);
    assertThat(stats.daily()).hasSize(7);
    assertThat(stats.daily().get(0).day()).isEqualTo(TODAY.minusDays(6));
    assertThat(stats.daily().get(6).day()).isEqualTo(TODAY);
    assertThat(stats.daily().get(4).counts()).isEqualTo(new Counts(2, 1, 1, 1, 0, 0)); // day -2
    assertThat(stats.daily().get(5).counts()).isEqualTo(new Counts(2, 1, 0, 0, 1, 1));
    assertThat(stats.daily().get(6).counts()).isEqualTo(Counts.ZERO);
    assertThat(analytics.lastDays(acme, 30).totals().sent()).isEqualTo(5);
  }

  @Test
  void breakdowns_per_mailbox_and_per_persona() {
    EmailStats stats = analytics.lastDays(acme, 7);
    assertThat(stats.mailboxes())
        .extracting(Group::id, Group::name, g -> g.counts().sent(), g -> g.counts().opened())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(sales, "Sales", 2L, 1L),
            org.assertj.core.groups.Tuple.tuple(support, "Support", 2L, 1L));
    assertThat(stats.personas())
        .extracting(Group::id, Group::name, g -> g.counts().replied())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(elena, "Elena", 1L),
            org.assertj.core.groups.Tuple.tuple(null, "No persona", 0L));
  }

  @Test
  void tenants_see_only_their_own_messages() {
    EmailStats g = analytics.lastDays(globex, 7);
    assertThat(g.totals().sent()).isEqualTo(1);
    assertThat(g.totals().opened()).isEqualTo(1);
    assertThat(g.mailboxes()).extracting(Group::name).containsExactly("Globex");
    EmailStats none = analytics.lastDays(empty, 30);
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.totals().openRate()).isZero();
    assertThat(none.daily()).hasSize(30);
    assertThat(none.mailboxes()).isEmpty();
  }

  @Test
  void the_range_is_bounded() {
    assertThatThrownBy(() -> analytics.lastDays(acme, 0)).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> analytics.lastDays(acme, 367)).isInstanceOf(DomainException.class);
  }

  @Test
  void the_pixel_flags_proxy_and_too_early_opens() {
    SecretBox secrets = SecretBox.fromBase64(SecretBox.newKey());
    TrackingLinks links = new TrackingLinks(secrets);
    Tracking tracking =
        new Tracking(db.transactions(), new TenantDirectory(db.transactions()), links, CLOCK);
    long[] ids =
        db.transactions()
            .tenant(
                pixel,
                c -> {
                  long box = mailbox(c, "Pixel " + UUID.randomUUID());
                  long lead = lead(c, "new");
                  return new long[] {
                    message(c, lead, box, null, NOW.minusSeconds(3600)),
                    message(c, lead, box, null, NOW.minusSeconds(3))
                  };
                });
    String human = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Thunderbird/128.0";
    assertThat(
            tracking.open(
                links.openToken(pixel, ids[0]), "Mozilla/5.0 (via ggpht.com GoogleImageProxy)"))
        .isTrue();
    assertThat(tracking.open(links.openToken(pixel, ids[0]), human)).isTrue();
    assertThat(tracking.open(links.openToken(pixel, ids[1]), human)).isTrue();
    db.transactions()
        .tenant(
            pixel,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select message_id, proxy, user_agent, detail from message_events"
                          + " where type = 'OPENED' and message_id in (?, ?) order by id")) {
                ps.setLong(1, ids[0]);
                ps.setLong(2, ids[1]);
                try (ResultSet rs = ps.executeQuery()) {
                  assertThat(rs.next()).isTrue();
                  assertThat(rs.getBoolean(2)).isTrue();
                  assertThat(rs.getString(3)).contains("GoogleImageProxy");
                  assertThat(rs.getString(4)).contains("googleimageproxy");
                  assertThat(rs.next()).isTrue();
                  assertThat(rs.getBoolean(2)).isFalse();
                  assertThat(rs.next()).isTrue();
                  assertThat(rs.getLong(1)).isEqualTo(ids[1]);
                  assertThat(rs.getBoolean(2)).isTrue();
                  assertThat(rs.getString(4)).contains("3 s after the send");
                }
              }
              return null;
            });
  }

  static TenantRef tenant(String slug) {
    long id =
        db.transactions()
            .platform(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "insert into tenants (slug, display_name, status)"
                              + " values (?, ?, 'ACTIVE') returning id")) {
                    ps.setString(1, slug);
                    ps.setString(2, slug);
                    ResultSet rs = ps.executeQuery();
                    rs.next();
                    return rs.getLong(1);
                  }
                });
    TenantRef ref = new TenantRef(id, slug);
    Migrations.migrateTenant(db.dataSource(), ref.schema());
    return ref;
  }

  static long insert(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql + " returning id")) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static long mailbox(Connection c, String name) throws SQLException {
    return insert(
        c,
        "insert into mailboxes (name, host, port, from_address) values (?, 'smtp.example', 587,"
            + " 'sales@acme.example')",
        name);
  }

  static long persona(Connection c, String name) throws SQLException {
    return insert(
        c,
        "insert into personas (name, tone_formality, tone_detail, tone_warmth, default_channel,"
            + " language) values (?, 50, 50, 50, 'EMAIL', 'en')",
        name);
  }

  static long lead(Connection c, String stage) throws SQLException {
    return insert(
        c,
        "insert into leads (email, stage) values (?, ?)",
        UUID.randomUUID() + "@leads.example",
        stage);
  }

  static long message(Connection c, long lead, long mailbox, Long persona, Instant sentAt)
      throws SQLException {
    return insert(
        c,
        "insert into messages (lead_id, mailbox_id, persona_id, idempotency_key, message_id,"
            + " to_address, subject, body, status, sent_at) values (?, ?, ?, ?, ?, 'x@leads.example',"
            + " 'Hi', 'Body', ?, ?)",
        lead,
        mailbox,
        persona,
        UUID.randomUUID().toString(),
        "<" + UUID.randomUUID() + "@omnireach>",
        sentAt == null ? "QUEUED" : "SENT",
        sentAt == null ? null : Timestamp.from(sentAt));
  }

  static void event(Connection c, long message, String type, boolean proxy, Instant at)
      throws SQLException {
    insert(
        c,
        "insert into message_events (message_id, type, proxy, at) values (?, ?, ?, ?)",
        message,
        type,
        proxy,
        Timestamp.from(at));
  }
}
