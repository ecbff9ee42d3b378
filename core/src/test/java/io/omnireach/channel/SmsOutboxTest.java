package io.omnireach.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Migrations;
import io.omnireach.lead.Consent;
import io.omnireach.lead.LeadDraft;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.LeadRepository;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SMS through the one outbox: the real Twilio client against a WireMock fake of Twilio's Messages
 * API — sent and metered in segments, a 429 retried by the outbox's policy (the client itself does
 * not retry), a 400 failed for good, quiet hours deferring, consent checked before queueing.
 */
class SmsOutboxTest {

  static final String SID = "AC" + "0123456789abcdef0123456789abcdef";
  static final String PATH = "/2010-04-01/Accounts/" + SID + "/Messages.json";

  static TestDatabase db;
  static TenantRef acme;
  static LeadRepository leads;
  static Messages messages;
  static MessageRelay relay;
  static WireMockServer twilio;
  static OutboundTest.TestClock clock;
  static SecretBox secrets = SecretBox.fromBase64(SecretBox.newKey());

  @BeforeAll
  static void setUp() {
    twilio = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    twilio.start();
    // 14:00 in New York on a Wednesday
    clock = new OutboundTest.TestClock(Instant.parse("2026-11-25T19:00:00Z"));
    db = TestDatabase.migrated();
    long id =
        db.transactions()
            .platform(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "insert into tenants (slug, display_name, status)"
                              + " values ('smsco', 'SMS Co', 'ACTIVE') returning id")) {
                    ResultSet rs = ps.executeQuery();
                    rs.next();
                    return rs.getLong(1);
                  }
                });
    acme = new TenantRef(id, "smsco");
    Migrations.migrateTenant(db.dataSource(), acme.schema());
    leads = new LeadRepository(db.transactions(), clock);
    messages = new Messages(db.transactions(), clock);
    SmsAccounts accounts = new SmsAccounts(db.transactions(), secrets, clock);
    accounts.save(
        acme, new SmsAccounts.Update(SID, "secret-token", "+14155550100", null, null), "admin");
    HostPolicy hosts = new HostPolicy(true);
    relay =
        new MessageRelay(
                db.transactions(),
                new Mailboxes(db.transactions(), secrets, hosts),
                new UnsubscribeTokens(secrets),
                new TrackingLinks(secrets),
                hosts,
                new ChannelAdapters(),
                "https://reach.example",
                clock,
                new MessageRelay.Options(
                    RetryPolicy.OUTBOX
                        .withMaxAttempts(3)
                        .withInitialBackoff(Duration.ofSeconds(10))
                        .withoutJitter(),
                    Duration.ofMinutes(2),
                    20))
            .withSms(accounts, TwilioSmsChannel.factory(twilio.baseUrl()));
  }

  @AfterAll
  static void tearDown() {
    twilio.stop();
    db.close();
  }

  static long lead(String phone, Consent.Status sms) {
    LeadDraft draft =
        new LeadDraft()
            .set(LeadField.FIRST_NAME, "Ana")
            .set(LeadField.EMAIL, "ana-" + UUID.randomUUID() + "@example.com")
            .set(LeadField.PHONE, phone)
            .set(LeadField.TIMEZONE, "America/New_York");
    if (sms != null) {
      draft.consent(Map.of(Consent.Channel.SMS, new Consent(sms, "form", null)));
    }
    return leads.create(acme, draft, "t").id();
  }

  static void answer(int status, String body) {
    twilio.resetAll();
    twilio.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  static long segmentsMetered(long messageId) {
    return db.transactions()
        .platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select coalesce(sum(quantity), 0) from usage_events where tenant_id = ?"
                          + " and meter = 'sms_segments' and idempotency_key = ?")) {
                ps.setLong(1, acme.id());
                ps.setString(2, "message:" + messageId);
                ResultSet rs = ps.executeQuery();
                rs.next();
                return rs.getLong(1);
              }
            });
  }

  @Test
  void a_consenting_lead_gets_the_sms_from_the_tenant_number_metered_in_ucs2_segments() {
    answer(201, "{\"sid\":\"SM1\",\"status\":\"queued\"}");
    long lead = lead("+1 415-555-0142", Consent.Status.GRANTED);
    String body = "Привет! " + "x".repeat(70); // Cyrillic: UCS-2, 78 units → 2 segments
    MessageView queued = messages.queueSms(acme, lead, body, null, "sales");
    assertThat(queued.to()).isEqualTo("+14155550142");

    assertThat(relay.relay(acme, queued.id())).isEqualTo(MessageView.Status.SENT);
    twilio.verify(
        1,
        postRequestedFor(urlPathEqualTo(PATH))
            .withRequestBody(containing("From=%2B14155550100"))
            .withRequestBody(containing("To=%2B14155550142")));
    assertThat(segmentsMetered(queued.id())).isEqualTo(2);
    assertThat(messages.get(acme, queued.id()).reply()).contains("SM1");
  }

  @Test
  void a_429_is_retried_by_the_outbox_once_per_attempt_and_a_400_fails_for_good() {
    long lead = lead("+14155550143", Consent.Status.GRANTED);
    answer(429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}");
    MessageView m = messages.queueSms(acme, lead, "Hello", null, "sales");
    assertThat(relay.relay(acme, m.id())).isEqualTo(MessageView.Status.QUEUED);
    twilio.verify(1, postRequestedFor(urlPathEqualTo(PATH))); // the client did not retry itself
    MessageView retry = messages.get(acme, m.id());
    assertThat(retry.notBefore()).isEqualTo(clock.instant().plusSeconds(10));

    answer(400, "{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\",\"status\":400}");
    clock.advance(Duration.ofSeconds(10));
    assertThat(relay.relay(acme, m.id())).isEqualTo(MessageView.Status.FAILED);
    MessageView failed = messages.get(acme, m.id());
    assertThat(failed.reason()).isEqualTo("SEND_FAILED");
    assertThat(failed.reply()).contains("21211");
    assertThat(segmentsMetered(m.id())).isZero();
  }

  @Test
  void consent_is_checked_before_queueing_and_revoked_consent_blocks_at_send_time() {
    long none = lead("+14155550144", null);
    assertThatThrownBy(() -> messages.queueSms(acme, none, "Hi", null, "sales"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
              assertThat(e.getMessage()).contains("has not granted SMS consent");
            });
    long noPhone = lead(null, Consent.Status.GRANTED);
    assertThatThrownBy(() -> messages.queueSms(acme, noPhone, "Hi", null, "sales"))
        .hasMessageContaining("no phone number");

    answer(201, "{\"sid\":\"SM2\",\"status\":\"queued\"}");
    long later = lead("+14155550145", Consent.Status.GRANTED);
    MessageView m = messages.queueSms(acme, later, "Hi", null, "sales");
    db.transactions()
        .tenant(
            acme,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "update leads set consent = '{\"sms\":{\"status\":\"denied\"}}' where id = ?")) {
                ps.setLong(1, later);
                return ps.executeUpdate();
              }
            });
    assertThat(relay.relay(acme, m.id())).isEqualTo(MessageView.Status.BLOCKED);
    assertThat(messages.get(acme, m.id()).reason()).isEqualTo("CONSENT_DENIED");
    twilio.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void at_night_for_the_lead_the_sms_waits_until_8_am_there() {
    answer(201, "{\"sid\":\"SM3\",\"status\":\"queued\"}");
    OutboundTest.TestClock night = clock;
    Instant saved = night.instant();
    try {
      night.now = Instant.parse("2026-11-26T03:00:00Z"); // 22:00 in New York
      long lead = lead("+14155550146", Consent.Status.GRANTED);
      MessageView m = messages.queueSms(acme, lead, "Morning?", null, "sales");
      assertThat(relay.relay(acme, m.id())).isEqualTo(MessageView.Status.QUEUED);
      MessageView deferred = messages.get(acme, m.id());
      assertThat(deferred.notBefore()).isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
      assertThat(deferred.events().get(deferred.events().size() - 1).detail())
          .startsWith("quiet hours: sms only 08:00–21:00 America/New_York");
      twilio.verify(0, postRequestedFor(urlPathEqualTo(PATH)));
    } finally {
      night.now = saved;
    }
  }
}
