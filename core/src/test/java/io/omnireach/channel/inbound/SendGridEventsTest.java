package io.omnireach.channel.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.channel.inbound.SendGridEvents.Result;
import io.omnireach.channel.inbound.SendGridEvents.Status;
import io.omnireach.db.Migrations;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SendGrid's event webhook over real PostgreSQL: batches signed with a key pair made here, applied
 * to the tenant whose key verifies them, once per sg_event_id; anything else changes nothing.
 */
class SendGridEventsTest {

  static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");
  static final String TS = Long.toString(NOW.getEpochSecond());

  static TestDatabase db;
  static TenantRef acme;
  static TenantRef globex;
  static KeyPair acmeKey;
  static KeyPair globexKey;
  static SendGridEvents events;

  @BeforeAll
  static void setUp() throws Exception {
    db = TestDatabase.migrated();
    acme = tenant("acme");
    globex = tenant("globex");
    acmeKey = keyPair();
    globexKey = keyPair();
    sendGridMailbox(acme, acmeKey);
    sendGridMailbox(globex, globexKey);
    events =
        new SendGridEvents(
            db.transactions(),
            new TenantDirectory(db.transactions()),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static KeyPair keyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  static String sign(KeyPair key, String timestamp, String body) throws Exception {
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(key.getPrivate());
    s.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(s.sign());
  }

  static Result post(KeyPair key, String timestamp, String body) throws Exception {
    return events.handle(
        sign(key, timestamp, body), timestamp, body.getBytes(StandardCharsets.UTF_8));
  }

  static String event(TenantRef t, long message, String to, String type, String extra) {
    return "{\"email\":\""
        + to
        + "\",\"timestamp\":"
        + NOW.getEpochSecond()
        + ",\"event\":\""
        + type
        + "\",\"sg_event_id\":\""
        + UUID.randomUUID()
        + "\",\"omnireach_tenant\":\""
        + t.slug()
        + "\",\"omnireach_message_id\":\""
        + message
        + "\""
        + extra
        + "}";
  }

  @Test
  void a_signed_batch_records_delivery_bounce_complaint_and_unsubscribe_once() throws Exception {
    String[] to = new String[4];
    long[] ids = new long[4];
    for (int i = 0; i < 4; i++) {
      to[i] = "lead-" + UUID.randomUUID() + "@northwind.example";
      ids[i] = message(acme, to[i]);
    }
    String body =
        "["
            + event(acme, ids[0], to[0], "delivered", ",\"response\":\"250 OK\"")
            + ","
            + event(
                acme,
                ids[1],
                to[1],
                "bounce",
                ",\"type\":\"bounce\",\"status\":\"5.1.1\","
                    + "\"reason\":\"550 5.1.1 user unknown\"")
            + ","
            + event(acme, ids[2], to[2], "spamreport", "")
            + ","
            + event(acme, ids[3], to[3].toUpperCase(), "group_unsubscribe", "")
            + ","
            + event(acme, ids[0], to[0], "processed", "")
            + "]";
    Result first = post(acmeKey, TS, body);
    assertThat(first.status()).isEqualTo(Status.ACCEPTED);
    assertThat(first.applied()).isEqualTo(4);
    assertThat(first.ignored()).isEqualTo(1);
    assertThat(events(acme, ids[0])).containsExactly("DELIVERED");
    assertThat(events(acme, ids[1])).containsExactly("BOUNCED");
    assertThat(events(acme, ids[2])).containsExactly("COMPLAINED");
    assertThat(events(acme, ids[3])).containsExactly("UNSUBSCRIBED");
    assertThat(suppression(acme, to[0])).isNull();
    assertThat(suppression(acme, to[1])).isEqualTo("BOUNCED");
    assertThat(suppression(acme, to[2])).isEqualTo("COMPLAINED");
    assertThat(suppression(acme, to[3])).isEqualTo("UNSUBSCRIBED");

    // SendGrid redelivers the same batch: nothing happens twice
    Result again = post(acmeKey, Long.toString(NOW.getEpochSecond() - 60), body);
    assertThat(again.status()).isEqualTo(Status.ACCEPTED);
    assertThat(again.applied()).isZero();
    assertThat(again.duplicates()).isEqualTo(5);
    assertThat(events(acme, ids[0])).containsExactly("DELIVERED");
  }

  @Test
  void a_blocked_bounce_is_soft_and_a_drop_suppresses_by_its_reason() throws Exception {
    String soft = "soft-" + UUID.randomUUID() + "@northwind.example";
    String dropped = "dropped-" + UUID.randomUUID() + "@northwind.example";
    String content = "content-" + UUID.randomUUID() + "@northwind.example";
    long m1 = message(acme, soft);
    long m2 = message(acme, dropped);
    long m3 = message(acme, content);
    String body =
        "["
            + event(acme, m1, soft, "bounce", ",\"type\":\"blocked\",\"reason\":\"421 try later\"")
            + ","
            + event(acme, m2, dropped, "dropped", ",\"reason\":\"Bounced Address\"")
            + ","
            + event(acme, m3, content, "dropped", ",\"reason\":\"Spam Content\"")
            + "]";
    assertThat(post(acmeKey, TS, body).applied()).isEqualTo(3);
    assertThat(events(acme, m1)).containsExactly("SOFT_BOUNCED");
    assertThat(suppression(acme, soft)).isNull();
    assertThat(events(acme, m2)).containsExactly("BOUNCED");
    assertThat(suppression(acme, dropped)).isEqualTo("BOUNCED");
    assertThat(suppression(acme, content)).isNull();
  }

  @Test
  void wrong_key_stale_timestamp_or_no_signature_change_nothing() throws Exception {
    String to = "safe-" + UUID.randomUUID() + "@northwind.example";
    long id = message(acme, to);
    String body = "[" + event(acme, id, to, "unsubscribe", "") + "]";
    // globex's key cannot speak for acme's events
    assertThat(post(globexKey, TS, body).status()).isEqualTo(Status.FORBIDDEN);
    // signed, but 11 minutes old: a replay
    assertThat(post(acmeKey, Long.toString(NOW.getEpochSecond() - 660), body).status())
        .isEqualTo(Status.FORBIDDEN);
    // the signature of another body
    String other = "[" + event(acme, id, to, "delivered", "") + "]";
    assertThat(
            events
                .handle(sign(acmeKey, TS, other), TS, body.getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(Status.FORBIDDEN);
    assertThat(events.handle(null, TS, body.getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(Status.FORBIDDEN);
    assertThat(events(acme, id)).isEmpty();
    assertThat(suppression(acme, to)).isNull();
    assertThat(post(acmeKey, TS, "{\"not\":\"an array\"}").status()).isEqualTo(Status.UNREADABLE);
  }

  @Test
  void events_are_applied_only_for_the_tenant_that_signed_and_only_to_its_recipient()
      throws Exception {
    String acmeTo = "a-" + UUID.randomUUID() + "@northwind.example";
    String globexTo = "g-" + UUID.randomUUID() + "@northwind.example";
    long acmeId = message(acme, acmeTo);
    long globexId = message(globex, globexTo);
    // one batch naming both tenants, signed with globex's key: only globex's event applies
    String body =
        "["
            + event(acme, acmeId, acmeTo, "spamreport", "")
            + ","
            + event(globex, globexId, globexTo, "spamreport", "")
            + "]";
    Result r = post(globexKey, TS, body);
    assertThat(r.status()).isEqualTo(Status.ACCEPTED);
    assertThat(r.applied()).isEqualTo(1);
    assertThat(events(globex, globexId)).containsExactly("COMPLAINED");
    assertThat(events(acme, acmeId)).isEmpty();
    assertThat(suppression(acme, acmeTo)).isNull();
    // an event whose email is not the message's recipient is not applied to it
    String wrong = "[" + event(globex, globexId, "someone@else.example", "unsubscribe", "") + "]";
    Result w = post(globexKey, TS, wrong);
    assertThat(w.unmatched()).isEqualTo(1);
    assertThat(events(globex, globexId)).containsExactly("COMPLAINED");
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

  static void sendGridMailbox(TenantRef t, KeyPair key) {
    db.transactions()
        .tenant(
            t,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into mailboxes (name, provider, from_address, event_webhook_key)"
                          + " values ('SendGrid', 'sendgrid', 'sales@acme.example', ?)")) {
                ps.setString(1, Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
                ps.executeUpdate();
              }
              return null;
            });
  }

  static long message(TenantRef t, String to) {
    return db.transactions()
        .tenant(
            t,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into messages (idempotency_key, message_id, to_address, subject,"
                          + " body, status, sent_at) values (?, ?, ?, 'Hi', 'Body', 'SENT', now())"
                          + " returning id")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, "<" + UUID.randomUUID() + "@omnireach>");
                ps.setString(3, to);
                ResultSet rs = ps.executeQuery();
                rs.next();
                return rs.getLong(1);
              }
            });
  }

  static List<String> events(TenantRef t, long message) {
    return db.transactions()
        .tenant(
            t,
            c -> {
              List<String> out = new ArrayList<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select type from message_events where message_id = ? order by id")) {
                ps.setLong(1, message);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                  out.add(rs.getString(1));
                }
              }
              return out;
            });
  }

  static String suppression(TenantRef t, String email) {
    return db.transactions().tenant(t, c -> reason(c, email));
  }

  private static String reason(Connection c, String email) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select reason from suppressions where email = lower(?)")) {
      ps.setString(1, email);
      ResultSet rs = ps.executeQuery();
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
