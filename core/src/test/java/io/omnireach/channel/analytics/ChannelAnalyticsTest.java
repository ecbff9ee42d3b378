package io.omnireach.channel.analytics;

import static io.omnireach.channel.analytics.EmailAnalyticsTest.insert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.omnireach.channel.analytics.ChannelStats.ChannelRow;
import io.omnireach.channel.analytics.ChannelStats.Counts;
import io.omnireach.channel.analytics.ChannelStats.StepRow;
import io.omnireach.common.DomainException;
import io.omnireach.db.Migrations;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Channel analytics over real PostgreSQL: emails, SMS and rep tasks inserted directly, counted per
 * channel and per workflow step; booked goes to the channel of a meeting lead's last touch.
 */
class ChannelAnalyticsTest {

  static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 5, 10);

  static TestDatabase db;
  static TenantRef acme;
  static TenantRef globex;
  static ChannelAnalytics analytics;
  static long flow;
  static long other;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.migrated();
    acme = tenant("acme");
    globex = tenant("globex");
    analytics = new ChannelAnalytics(db.transactions(), Clock.fixed(NOW, ZoneOffset.UTC));
    db.transactions()
        .tenant(
            acme,
            c -> {
              long box = EmailAnalyticsTest.mailbox(c, "Sales");
              flow = workflow(c, "Outbound");
              other = workflow(c, "Nurture");
              long booked = EmailAnalyticsTest.lead(c, "meeting");
              long plain = EmailAnalyticsTest.lead(c, "contacted");
              long run = run(c, flow, booked);
              long run2 = run(c, flow, plain);
              long nurtureRun = run(c, other, plain);
              Instant d3 = NOW.minusSeconds(3 * 86400);
              Instant d2 = NOW.minusSeconds(2 * 86400);
              Instant d1 = NOW.minusSeconds(86400);
              // step "email1" of Outbound: two emails, one bounced, one replied
              long e1 = email(c, booked, box, d3);
              step(c, run, "email1", "send_email", e1);
              long e2 = email(c, plain, box, d3);
              step(c, run2, "email1", "send_email", e2);
              EmailAnalyticsTest.event(c, e1, "REPLIED", false, d2);
              EmailAnalyticsTest.event(c, e2, "BOUNCED", false, d3);
              // step "li" of Outbound: LinkedIn accepted (booked lead), one skipped (not a touch)
              task(c, run, "li", "linkedin", booked, "accepted", d2);
              task(c, run2, "li", "linkedin", plain, "skipped", d2);
              // step "sms1" of Outbound: the booked lead's last touch, delivered
              long s1 = sms(c, booked, d1);
              step(c, run, "sms1", "send_sms", s1);
              EmailAnalyticsTest.event(c, s1, "DELIVERED", false, d1);
              // Nurture's call step: connected
              task(c, nurtureRun, "call1", "call", plain, "connected", d1);
              // an SMS outside any workflow, not delivered, and one outside the range
              sms(c, plain, d1);
              sms(c, plain, NOW.minusSeconds(60 * 86400));
              return null;
            });
    db.transactions()
        .tenant(
            globex,
            c -> {
              long box = EmailAnalyticsTest.mailbox(c, "Globex");
              email(c, EmailAnalyticsTest.lead(c, "meeting"), box, NOW.minusSeconds(3600));
              return null;
            });
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static Map<String, Counts> byChannel(ChannelStats s) {
    return s.channels().stream().collect(Collectors.toMap(ChannelRow::channel, ChannelRow::counts));
  }

  @Test
  void counts_per_channel_with_booked_on_the_last_touch() {
    ChannelStats s = analytics.between(acme, null, null, null);
    assertThat(s.from()).isEqualTo(TODAY.minusDays(29));
    assertThat(s.to()).isEqualTo(TODAY);
    assertThat(s.channels())
        .extracting(ChannelRow::channel)
        .containsExactly("email", "sms", "linkedin", "call");
    Map<String, Counts> c = byChannel(s);
    assertThat(c.get("email")).isEqualTo(new Counts(2, 1, 1, 0));
    assertThat(c.get("sms")).isEqualTo(new Counts(2, 1, 0, 1));
    assertThat(c.get("linkedin")).isEqualTo(new Counts(1, 1, 0, 0));
    assertThat(c.get("call")).isEqualTo(new Counts(1, 1, 1, 0));
  }

  @Test
  void per_step_and_per_workflow() {
    ChannelStats s = analytics.between(acme, TODAY.minusDays(6), TODAY, null);
    assertThat(s.steps())
        .extracting(
            StepRow::workflowName,
            StepRow::nodeId,
            StepRow::nodeType,
            StepRow::channel,
            StepRow::counts)
        .containsExactlyInAnyOrder(
            tuple("Outbound", "email1", "send_email", "email", new Counts(2, 1, 1, 0)),
            tuple("Outbound", "li", "linkedin_task", "linkedin", new Counts(1, 1, 0, 0)),
            tuple("Outbound", "sms1", "send_sms", "sms", new Counts(1, 1, 0, 1)),
            tuple("Nurture", "call1", "call", "call", new Counts(1, 1, 1, 0)));
    ChannelStats outbound = analytics.between(acme, TODAY.minusDays(6), TODAY, flow);
    assertThat(outbound.steps()).extracting(StepRow::workflowName).containsOnly("Outbound");
    Map<String, Counts> c = byChannel(outbound);
    assertThat(c.get("sms")).isEqualTo(new Counts(1, 1, 0, 1)); // the SMS outside a workflow is out
    assertThat(c.get("call")).isEqualTo(Counts.ZERO);
    // two days back: the emails (day -3) drop out; the booked lead's last touch is still the SMS
    ChannelStats recent = analytics.between(acme, TODAY.minusDays(2), TODAY, null);
    assertThat(byChannel(recent).get("email")).isEqualTo(Counts.ZERO);
    assertThat(byChannel(recent).get("sms").booked()).isEqualTo(1);
  }

  @Test
  void tenants_see_only_their_own_outreach_and_workflows() {
    Map<String, Counts> g = byChannel(analytics.between(globex, null, null, null));
    assertThat(g.get("email")).isEqualTo(new Counts(1, 1, 0, 1));
    assertThat(g.get("sms")).isEqualTo(Counts.ZERO);
    assertThatThrownBy(() -> analytics.between(globex, null, null, flow))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
  }

  @Test
  void the_range_is_checked() {
    assertThatThrownBy(() -> analytics.between(acme, TODAY, TODAY.minusDays(1), null))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> analytics.between(acme, TODAY.minusDays(400), TODAY, null))
        .isInstanceOf(DomainException.class);
  }

  static TenantRef tenant(String slug) {
    long id =
        db.transactions()
            .platform(
                c ->
                    insert(
                        c,
                        "insert into tenants (slug, display_name, status) values (?, ?, 'ACTIVE')",
                        slug,
                        slug));
    TenantRef ref = new TenantRef(id, slug);
    Migrations.migrateTenant(db.dataSource(), ref.schema());
    return ref;
  }

  static long workflow(Connection c, String name) throws SQLException {
    long id =
        insert(
            c,
            "insert into workflows (name, draft, status) values (?, '{}'::jsonb, 'published')",
            name);
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into workflow_versions (workflow_id, version, graph)"
                + " values (?, 1, '{}'::jsonb)")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
    return id;
  }

  static long run(Connection c, long workflow, long lead) throws SQLException {
    return insert(
        c,
        "insert into workflow_runs (workflow_id, version, lead_id, status) values (?, 1, ?,"
            + " 'running')",
        workflow,
        lead);
  }

  static long step(Connection c, long run, String node, String type, Long message)
      throws SQLException {
    return insert(
        c,
        "insert into node_runs (run_id, node_id, node_type, status, message_id, idempotency_key)"
            + " values (?, ?, ?, 'succeeded', ?, ?)",
        run,
        node,
        type,
        message,
        UUID.randomUUID().toString());
  }

  static long email(Connection c, long lead, long box, Instant sentAt) throws SQLException {
    return EmailAnalyticsTest.message(c, lead, box, null, sentAt);
  }

  static long sms(Connection c, long lead, Instant sentAt) throws SQLException {
    return insert(
        c,
        "insert into messages (lead_id, channel, idempotency_key, message_id, to_address, body,"
            + " status, sent_at) values (?, 'SMS', ?, ?, '+14155550142', 'Hi', 'SENT', ?)",
        lead,
        UUID.randomUUID().toString(),
        "<" + UUID.randomUUID() + "@omnireach>",
        Timestamp.from(sentAt));
  }

  static void task(
      Connection c, long run, String node, String kind, long lead, String outcome, Instant done)
      throws SQLException {
    long step = step(c, run, node, kind.equals("linkedin") ? "linkedin_task" : kind, null);
    insert(
        c,
        "insert into workflow_tasks (run_id, node_run_id, lead_id, title, status, kind, outcome,"
            + " done_at) values (?, ?, ?, 'Task', 'done', ?, ?, ?)",
        run,
        step,
        lead,
        kind,
        outcome,
        Timestamp.from(done));
  }
}
