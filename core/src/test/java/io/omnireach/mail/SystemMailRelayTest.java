package io.omnireach.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.omnireach.channel.SendResult;
import io.omnireach.channel.SmtpChannel;
import io.omnireach.channel.SmtpSettings;
import io.omnireach.db.Transactions;
import io.omnireach.mail.MailTemplates.Mail;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.testing.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The system mail outbox against real PostgreSQL and GreenMail, with a clock the test moves:
 * idempotent queueing, one send per mail, SKIP LOCKED claims, re-sending after a lease runs out,
 * retries with the shared backoff, and mails that wait while no transport is configured.
 */
class SystemMailRelayTest {

  static final class TestClock extends Clock {
    volatile Instant now = Instant.parse("2026-12-01T09:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  static final SystemMailRelay.Options OPTIONS =
      new SystemMailRelay.Options(
          RetryPolicy.SYSTEM_MAIL.withMaxAttempts(3).withoutJitter(), Duration.ofMinutes(2), 2);

  static TestDatabase db;
  static Transactions tx;
  static TestClock clock = new TestClock();
  static SystemMail mail;
  static int port;
  GreenMail smtp;

  @BeforeAll
  static void setUp() throws Exception {
    db = TestDatabase.migrated();
    tx = db.transactions();
    mail = new SystemMail(clock, "https://reach.example/", t -> MailBrand.PLATFORM);
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @BeforeEach
  void startSmtp() {
    tx.platform(c -> c.createStatement().executeUpdate("delete from system_mail"));
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  static SystemMailRelay relay() {
    return new SystemMailRelay(
        tx,
        new SmtpChannel(
            new SmtpSettings(
                "127.0.0.1", port, false, null, null, "no-reply@reach.example", "Reach")),
        "no-reply@reach.example",
        clock,
        OPTIONS);
  }

  static String queue(String to) {
    String key = "alert:" + UUID.randomUUID();
    tx.platform(
        c ->
            mail.enqueue(
                c,
                key,
                SystemMail.Kind.ALERT,
                to,
                MailTemplates.alert(MailBrand.PLATFORM, "Disk almost full", "90 % used.", null)));
    return key;
  }

  static String status(String key) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select status || ' ' || attempts || ' ' || length(body_text)"
                      + " from system_mail where idempotency_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getString(1) : null;
            }
          }
        });
  }

  @Test
  void a_queued_mail_is_sent_once_with_its_idempotency_key_and_its_body_is_blanked()
      throws Exception {
    String key = queue("ops@example.test");
    boolean again =
        tx.platform(
            c ->
                mail.enqueue(
                    c,
                    key,
                    SystemMail.Kind.ALERT,
                    "ops@example.test",
                    new Mail("other", "other", "<p>other</p>")));
    assertThat(again).as("the same key queues nothing").isFalse();

    assertThat(relay().relayDue(100)).isEqualTo(1);
    assertThat(relay().relayDue(100)).as("nothing left to send").isZero();

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getHeader("X-OmniReach-Idempotency-Key")).containsExactly(key);
    assertThat(received[0].getSubject()).isEqualTo("[OmniReach] Disk almost full");
    assertThat(GreenMailUtil.getBody(received[0])).contains("90 % used.");
    assertThat(status(key)).isEqualTo("SENT 1 0");
  }

  @Test
  void two_relays_claiming_at_once_never_take_the_same_mail() throws Exception {
    for (int i = 0; i < 4; i++) {
      queue("ops" + i + "@example.test");
    }
    SystemMailRelay relay = relay();
    try (Connection first = db.dataSource().getConnection();
        Connection second = db.dataSource().getConnection()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      List<SystemMailRelay.Claimed> a = relay.claim(first); // still locked: not committed
      List<SystemMailRelay.Claimed> b = relay.claim(second);
      assertThat(a).hasSize(2);
      assertThat(b).hasSize(2);
      assertThat(b.stream().map(SystemMailRelay.Claimed::id))
          .doesNotContainAnyElementsOf(a.stream().map(SystemMailRelay.Claimed::id).toList());
      first.rollback();
      second.rollback();
    }
  }

  @Test
  void a_mail_left_sending_by_a_dead_relay_is_sent_again_once_its_lease_ran_out() throws Exception {
    String key = queue("ops@example.test");
    SystemMailRelay dead = relay();
    tx.platform(dead::claim); // claimed and committed, then the relay "dies" before sending
    assertThat(status(key)).startsWith("SENDING 1");

    assertThat(relay().relayDue(100)).as("the lease still holds").isZero();
    clock.advance(Duration.ofMinutes(3));
    assertThat(relay().relayDue(100)).isEqualTo(1);

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(status(key)).isEqualTo("SENT 2 0");
  }

  @Test
  void a_relay_that_lost_its_lease_cannot_overwrite_the_newer_attempt() throws Exception {
    String key = queue("ops@example.test");
    SystemMailRelay slow = relay();
    SystemMailRelay.Claimed stale = tx.platform(slow::claim).get(0);
    clock.advance(Duration.ofMinutes(3));
    SystemMailRelay.Claimed fresh = tx.platform(relay()::claim).get(0);
    assertThat(fresh.attempt()).isEqualTo(2);

    // the late reply of attempt 1 arrives while attempt 2 is being sent: it changes nothing
    tx.platform(c -> slow.record(c, stale, SendResult.retry("421 late reply of attempt 1")));
    assertThat(status(key)).startsWith("SENDING 2");
    tx.platform(c -> relay().record(c, fresh, SendResult.accepted("250 ok")));
    assertThat(status(key)).isEqualTo("SENT 2 0");
  }

  @Test
  void an_smtp_outage_is_retried_after_the_backoff_and_given_up_after_the_last_attempt()
      throws Exception {
    String key = queue("ops@example.test");
    smtp.stop();

    assertThat(relay().relayDue(100)).isEqualTo(1);
    assertThat(status(key)).startsWith("QUEUED 1");
    assertThat(relay().relayDue(100)).as("not due before the backoff").isZero();

    clock.advance(Duration.ofSeconds(31));
    relay().relayDue(100);
    assertThat(status(key)).startsWith("QUEUED 2");
    clock.advance(Duration.ofSeconds(61)); // the second wait is doubled
    relay().relayDue(100);
    assertThat(status(key)).isEqualTo("FAILED 3 0");
  }

  @Test
  void without_a_transport_mails_stay_queued_until_one_is_configured() throws Exception {
    String key = queue("ops@example.test");
    SystemMailRelay unconfigured = new SystemMailRelay(tx, null, "x@y.test", clock, OPTIONS);
    assertThat(unconfigured.configured()).isFalse();
    assertThat(unconfigured.relayDue(100)).isZero();
    assertThat(status(key)).startsWith("QUEUED 0");

    relay().relayDue(100);
    assertThat(Arrays.stream(smtp.getReceivedMessages())).hasSize(1);
  }

  @Test
  void templates_escape_what_users_typed_and_keep_only_safe_brand_values() {
    MailBrand brand =
        new MailBrand("Acme <b>", "red;background:url(x)", "javascript:alert(1)", null, true);
    Mail invitation =
        MailTemplates.invitation(
            brand,
            "<script>alert(1)</script>",
            "Admin",
            "https://reach.example/accept-invitation?token=a\"b",
            Instant.parse("2026-12-08T09:00:00Z"));
    assertThat(invitation.html())
        .contains("&lt;script&gt;", "token=a&quot;b", "Acme &lt;b&gt;", "#4f46e5")
        .doesNotContain("<script>", "javascript:", "red;");
    assertThat(invitation.text())
        .contains("as an Admin", "8 December 2026", "Powered by OmniReach")
        .contains("https://reach.example/accept-invitation?token=a\"b");
  }
}
