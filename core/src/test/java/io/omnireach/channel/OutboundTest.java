package io.omnireach.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Migrations;
import io.omnireach.lead.LeadDraft;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.LeadRepository;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import io.omnireach.testing.UsageProbe;
import io.omnireach.usage.Meter;
import io.omnireach.usage.SendingGate;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sending side of issue 4 against real PostgreSQL and GreenMail, with a clock the test moves:
 * personas on sends, follow-ups in one thread, send windows / caps / spacing / holidays that defer,
 * retries with backoff across an SMTP outage, recovery of an interrupted send, DKIM.
 */
class OutboundTest {

  /** A clock the test sets; the relay, the outbox and the events all read it. */
  static final class TestClock extends Clock {
    volatile Instant now;

    TestClock(Instant now) {
      this.now = now;
    }

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

  /** Exact waits (10 s, then doubled) so the tests can assert them. */
  static final RetryPolicy TEST_RETRY =
      RetryPolicy.OUTBOX
          .withMaxAttempts(3)
          .withInitialBackoff(Duration.ofSeconds(10))
          .withoutJitter();

  static TestDatabase db;
  static TenantRef acme;
  static LeadRepository leads;
  static Mailboxes mailboxes;
  static Messages messages;
  static MessageRelay relay;
  static ComplianceSettings compliance;
  static ChannelAdapters adapters = new ChannelAdapters();
  static SecretBox secrets = SecretBox.fromBase64(SecretBox.newKey());
  // Wednesday 2026-11-25 10:00 in Berlin
  static TestClock clock = new TestClock(Instant.parse("2026-11-25T09:00:00Z"));
  static int port;
  static GreenMail smtp;

  @BeforeAll
  static void setUp() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    smtp = startSmtp();
    db = TestDatabase.migrated();
    long id =
        db.transactions()
            .platform(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "insert into tenants (slug, display_name, status)"
                              + " values ('acme', 'Acme', 'ACTIVE') returning id")) {
                    var rs = ps.executeQuery();
                    rs.next();
                    return rs.getLong(1);
                  }
                });
    acme = new TenantRef(id, "acme");
    Migrations.migrateTenant(db.dataSource(), acme.schema());
    leads = new LeadRepository(db.transactions(), clock);
    HostPolicy hosts = new HostPolicy(true);
    mailboxes = new Mailboxes(db.transactions(), secrets, hosts);
    messages = new Messages(db.transactions(), clock);
    compliance = new ComplianceSettings(db.transactions());
    relay =
        new MessageRelay(
            db.transactions(),
            mailboxes,
            new UnsubscribeTokens(secrets),
            new TrackingLinks(secrets),
            hosts,
            adapters,
            "https://reach.example",
            clock,
            new MessageRelay.Options(TEST_RETRY, Duration.ofMinutes(2), 20));
  }

  /** A second relay over the same outbox, with other options. */
  static MessageRelay relayWith(MessageRelay.Options options) {
    return new MessageRelay(
        db.transactions(),
        mailboxes,
        new UnsubscribeTokens(secrets),
        new TrackingLinks(secrets),
        new HostPolicy(true),
        adapters,
        "https://reach.example",
        clock,
        options);
  }

  static GreenMail startSmtp() {
    GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    g.start();
    return g;
  }

  @AfterAll
  static void tearDown() {
    adapters.close();
    smtp.stop();
    db.close();
  }

  static long lead(String email, String timezone) {
    LeadDraft draft = new LeadDraft().set(LeadField.FIRST_NAME, "Ana").set(LeadField.EMAIL, email);
    if (timezone != null) {
      draft.set(LeadField.TIMEZONE, timezone);
    }
    return leads.create(acme, draft, "t").id();
  }

  static MailboxDraft draft() {
    return new MailboxDraft(
        "Box " + UUID.randomUUID(),
        "127.0.0.1",
        port,
        null,
        null,
        false,
        "sales@acme.example",
        "Elena Marsh",
        1000);
  }

  static Mailbox mailbox() {
    return mailboxes.create(acme, draft(), "admin");
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@leads.example";
  }

  static List<MimeMessage> receivedBy(String email) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getAllRecipients()[0].toString().equals(email);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  static MessageView send(long lead, long box, String subject) {
    return messages.queue(acme, lead, box, subject, "Hello there.", null, "s");
  }

  static <T> T sql(String query) {
    return db.transactions()
        .tenant(
            acme,
            c -> {
              try (ResultSet rs = c.createStatement().executeQuery(query)) {
                rs.next();
                @SuppressWarnings("unchecked")
                T value = (T) rs.getObject(1);
                return value;
              }
            });
  }

  @Test
  void the_persona_a_message_was_written_as_is_stored_and_checked() {
    long persona =
        this.<Long>sql(
            "insert into personas (name, tone_formality, tone_detail, tone_warmth,"
                + " default_channel, language) values ('Closer "
                + UUID.randomUUID()
                + "', 50, 50, 50, 'EMAIL', 'en') returning id");
    long leadId = lead(unique("persona"), null);
    Mailbox box = mailbox();
    MessageView m =
        messages.queue(acme, leadId, box.id(), "S", "B", null, "s", x -> x.withPersona(persona));
    assertThat(m.personaId()).isEqualTo(persona);
    assertThat(this.<Long>sql("select persona_id from messages where id = " + m.id()))
        .isEqualTo(persona);
    assertThatThrownBy(
            () ->
                messages.queue(
                    acme, leadId, box.id(), "S", "B", null, "s", x -> x.withPersona(999_999L)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("personaId"));
  }

  @Test
  void follow_ups_thread_with_in_reply_to_and_the_whole_references_chain() throws Exception {
    String email = unique("thread");
    long leadId = lead(email, null);
    Mailbox box = mailbox();
    MessageView first = send(leadId, box.id(), "Routing at Northwind");
    assertThat(relay.relay(acme, first.id())).isEqualTo(MessageView.Status.SENT);
    MessageView second =
        messages.queue(
            acme,
            leadId,
            box.id(),
            " ",
            "Any thoughts?",
            null,
            "s",
            m -> m.withThreadOf(first.id()));
    assertThat(second.subject()).isEqualTo("Re: Routing at Northwind");
    assertThat(second.inReplyToId()).isEqualTo(first.id());
    relay.relay(acme, second.id());
    MessageView third =
        messages.queue(
            acme, leadId, box.id(), null, "Last try.", null, "s", m -> m.withThreadOf(second.id()));
    assertThat(third.subject()).isEqualTo("Re: Routing at Northwind");
    relay.relay(acme, third.id());

    List<MimeMessage> got = receivedBy(email);
    assertThat(got).hasSize(3);
    String id1 = got.get(0).getHeader("Message-ID", null);
    String id2 = got.get(1).getHeader("Message-ID", null);
    assertThat(got.get(0).getHeader("In-Reply-To")).isNull();
    assertThat(got.get(0).getHeader("References")).isNull();
    assertThat(got.get(1).getHeader("In-Reply-To", null)).isEqualTo(id1);
    assertThat(got.get(1).getHeader("References", null)).isEqualTo(id1);
    assertThat(got.get(1).getSubject()).isEqualTo("Re: Routing at Northwind");
    assertThat(got.get(2).getHeader("In-Reply-To", null)).isEqualTo(id2);
    assertThat(got.get(2).getHeader("References", null)).isEqualTo(id1 + " " + id2);

    // only the lead's own thread, and a subject or a thread is needed
    long other = lead(unique("other"), null);
    assertThatThrownBy(
            () ->
                messages.queue(
                    acme, other, box.id(), "S", "B", null, "s", m -> m.withThreadOf(first.id())))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("inReplyToMessageId"));
    assertThatThrownBy(() -> messages.queue(acme, leadId, box.id(), " ", "B", null, "s"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("subject"));
    assertThat(Messages.reSubject("RE: re: Hello")).isEqualTo("Re: Hello");
  }

  @Test
  void a_billing_pause_holds_messages_back_with_its_reason_and_they_go_out_when_it_lifts() {
    String email = unique("gate");
    long leadId = lead(email, null);
    Mailbox box = mailbox();
    MessageView first = send(leadId, box.id(), "Within the limit");
    MessageView second = send(leadId, box.id(), "Over the limit");
    long[] remaining = {1};
    Instant start = clock.now;
    MessageRelay gated =
        relayWith(relay.options())
            .gatedBy(
                (c, tenantId, meter) ->
                    remaining[0] == Long.MAX_VALUE
                        ? SendingGate.Allowance.UNLIMITED
                        : new SendingGate.Allowance(
                            remaining[0], "the Team plan's hard limit is reached"));
    gated.relayQueued(acme, messages);
    assertThat(messages.get(acme, first.id()).status()).isEqualTo(MessageView.Status.SENT);
    MessageView held = messages.get(acme, second.id());
    assertThat(held.status()).isEqualTo(MessageView.Status.QUEUED);
    assertThat(held.notBefore()).isEqualTo(clock.instant().plus(MessageRelay.PAUSED_RECHECK));
    assertThat(held.events().get(held.events().size() - 1).detail())
        .startsWith("sending paused: the Team plan's hard limit is reached; next check ");

    remaining[0] = 0; // still paused when it is looked at again: it waits on
    clock.advance(MessageRelay.PAUSED_RECHECK);
    gated.relayQueued(acme, messages);
    assertThat(messages.get(acme, second.id()).status()).isEqualTo(MessageView.Status.QUEUED);

    remaining[0] = Long.MAX_VALUE; // e.g. the invoice was paid
    clock.advance(MessageRelay.PAUSED_RECHECK);
    gated.relayQueued(acme, messages);
    assertThat(messages.get(acme, second.id()).status()).isEqualTo(MessageView.Status.SENT);
    assertThat(receivedBy(email)).hasSize(2);
    clock.now = start;
  }

  @Test
  void held_messages_are_released_at_once_when_the_pause_lifts() {
    String email = unique("release");
    long leadId = lead(email, null);
    Mailbox box = mailbox();
    MessageView held = send(leadId, box.id(), "Held by an unpaid invoice");
    boolean[] paused = {true};
    MessageRelay gated =
        new MessageRelay(
                db.transactions(),
                mailboxes,
                new UnsubscribeTokens(secrets),
                new TrackingLinks(secrets),
                new HostPolicy(true),
                adapters,
                "https://reach.example",
                clock,
                relay.options())
            .gatedBy(
                (c, tenantId, meter) ->
                    paused[0]
                        ? SendingGate.Allowance.paused("invoice OR-1 is unpaid since 3 Dec")
                        : SendingGate.Allowance.UNLIMITED);
    gated.relayQueued(acme, messages);
    assertThat(messages.get(acme, held.id()).notBefore()).isAfter(clock.instant());
    MessageView other = send(leadId, box.id(), "Not held");
    assertThat(gated.releasePaused(acme)).isPositive(); // the class's tenant may hold others
    assertThat(messages.get(acme, held.id()).notBefore()).isEqualTo(clock.instant());

    paused[0] = false; // the invoice was paid: the next sweep sends it, without waiting 10 minutes
    gated.relayQueued(acme, messages);
    assertThat(messages.get(acme, held.id()).status()).isEqualTo(MessageView.Status.SENT);
    assertThat(messages.get(acme, other.id()).status()).isEqualTo(MessageView.Status.SENT);
    assertThat(gated.releasePaused(acme)).isZero();
  }

  @Test
  void outside_the_window_a_message_is_deferred_to_the_next_slot_in_the_leads_zone() {
    clock.now = Instant.parse("2026-11-28T11:00:00Z"); // Saturday
    try {
      String email = unique("window");
      long leadId = lead(email, "Europe/Berlin");
      Mailbox box =
          mailboxes.create(
              acme, draft().withSending(SendWindow.OFFICE_HOURS, 0, "America/New_York"), "a");
      assertThat(box.sendWindow()).isEqualTo(SendWindow.OFFICE_HOURS);
      MessageView m = send(leadId, box.id(), "Weekend");
      assertThat(relay.relay(acme, m.id())).isEqualTo(MessageView.Status.QUEUED);
      MessageView deferred = messages.get(acme, m.id());
      assertThat(deferred.notBefore()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
      assertThat(deferred.events().get(1).type()).isEqualTo("DEFERRED");
      assertThat(deferred.events().get(1).detail())
          .isEqualTo("outside send window Mon–Fri 09–17 Europe/Berlin; next 2026-11-30 09:00");

      // a lead without a zone uses the mailbox's zone
      long noZone = lead(unique("nozone"), null);
      MessageView n = send(noZone, box.id(), "Weekend too");
      relay.relay(acme, n.id());
      assertThat(messages.get(acme, n.id()).notBefore())
          .isEqualTo(Instant.parse("2026-11-30T14:00:00Z")); // 09:00 in New York

      // a message's own window wins over the mailbox's
      SendWindow weekend = SendWindow.of(List.of("SAT", "SUN"), "10:00", "18:00");
      MessageView w =
          messages.queue(
              acme, leadId, box.id(), "Now", "B", null, "s", x -> x.withSendWindow(weekend));
      assertThat(relay.relay(acme, w.id())).isEqualTo(MessageView.Status.SENT);

      // Monday 09:00 Berlin: the sweep sends the deferred one
      clock.now = Instant.parse("2026-11-30T08:00:00Z");
      relay.relayQueued(acme, messages);
      assertThat(messages.get(acme, m.id()).status()).isEqualTo(MessageView.Status.SENT);
      assertThat(messages.get(acme, n.id()).status()).isEqualTo(MessageView.Status.QUEUED);
      assertThat(receivedBy(email))
          .extracting(MimeMessage::getSubject)
          .containsExactlyInAnyOrder("Now", "Weekend");
    } finally {
      clock.now = Instant.parse("2026-11-25T09:00:00Z");
    }
  }

  @Test
  void holidays_and_spacing_defer_with_their_reason() {
    clock.now = Instant.parse("2026-12-24T10:00:00Z");
    try {
      compliance.setHolidays(acme, List.of("2026-12-24", "2026-12-25", "2026-12-24"), "admin");
      assertThat(compliance.holidays(acme))
          .extracting(Object::toString)
          .containsExactly("2026-12-24", "2026-12-25");
      assertThatThrownBy(() -> compliance.setHolidays(acme, List.of("24.12."), "admin"))
          .isInstanceOf(DomainException.class);
      Mailbox box = mailbox(); // no window: holidays still hold
      MessageView m = send(lead(unique("xmas"), "Europe/Berlin"), box.id(), "Xmas");
      relay.relay(acme, m.id());
      MessageView deferred = messages.get(acme, m.id());
      assertThat(deferred.notBefore()).isEqualTo(Instant.parse("2026-12-25T23:00:00Z"));
      assertThat(deferred.events().get(1).detail())
          .isEqualTo("holiday 2026-12-24 in Europe/Berlin; next 2026-12-26 00:00");
    } finally {
      compliance.setHolidays(acme, List.of(), "admin");
      clock.now = Instant.parse("2026-11-25T09:00:00Z");
    }

    Mailbox spaced = mailboxes.create(acme, draft().withSending(null, 60, null), "admin");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(send(lead(unique("spaced"), null), spaced.id(), "Spaced " + i).id());
    }
    relay.relayQueued(acme, messages);
    assertThat(ids.stream().map(id -> messages.get(acme, id).status()))
        .containsExactly(
            MessageView.Status.SENT, MessageView.Status.QUEUED, MessageView.Status.QUEUED);
    Instant now = clock.instant();
    assertThat(messages.get(acme, ids.get(1)).notBefore()).isEqualTo(now.plusSeconds(60));
    assertThat(messages.get(acme, ids.get(2)).notBefore()).isEqualTo(now.plusSeconds(120));
    assertThat(messages.get(acme, ids.get(1)).events().get(1).detail())
        .isEqualTo("60 s spacing between sends of this mailbox; next 2026-11-25 09:01 UTC");
    clock.advance(Duration.ofSeconds(60));
    relay.relayQueued(acme, messages);
    assertThat(messages.get(acme, ids.get(1)).status()).isEqualTo(MessageView.Status.SENT);
    assertThat(messages.get(acme, ids.get(2)).status()).isEqualTo(MessageView.Status.QUEUED);
    clock.advance(Duration.ofSeconds(60));
    relay.relayQueued(acme, messages);
    assertThat(messages.get(acme, ids.get(2)).status()).isEqualTo(MessageView.Status.SENT);
  }

  @Test
  void a_transient_smtp_outage_is_retried_with_backoff_and_delivered_once_after_restart()
      throws Exception {
    String email = unique("outage");
    long leadId = lead(email, null);
    Mailbox box = mailbox();
    MessageView m = send(leadId, box.id(), "Through the outage");
    smtp.stop();
    try {
      assertThat(relay.relay(acme, m.id())).isEqualTo(MessageView.Status.QUEUED);
      MessageView retry = messages.get(acme, m.id());
      assertThat(retry.attempts()).isEqualTo(1);
      assertThat(retry.notBefore()).isEqualTo(clock.instant().plusSeconds(10));
      assertThat(retry.events().get(2).type()).isEqualTo("RETRY");
      assertThat(retry.events().get(2).detail()).startsWith("attempt 1 of 3 failed: ");
      // not due yet
      relay.relayQueued(acme, messages);
      assertThat(messages.get(acme, m.id()).attempts()).isEqualTo(1);
      clock.advance(Duration.ofSeconds(10));
      relay.relayQueued(acme, messages);
      MessageView second = messages.get(acme, m.id());
      assertThat(second.attempts()).isEqualTo(2);
      assertThat(second.notBefore()).isEqualTo(clock.instant().plusSeconds(20)); // doubled
    } finally {
      smtp = startSmtp();
    }
    clock.advance(Duration.ofSeconds(20));
    relay.relayQueued(acme, messages);
    MessageView sent = messages.get(acme, m.id());
    assertThat(sent.status()).isEqualTo(MessageView.Status.SENT);
    assertThat(sent.attempts()).isEqualTo(3);
    assertThat(sent.events())
        .extracting(MessageView.Event::type)
        .containsExactly("QUEUED", "SENDING", "RETRY", "SENDING", "RETRY", "SENDING", "SENT");
    assertThat(receivedBy(email)).hasSize(1);
    // three attempts, one email billed
    assertThat(
            UsageProbe.events(db.transactions(), acme.id(), Meter.EMAILS_SENT, "message:" + m.id()))
        .isEqualTo("1/1");
  }

  @Test
  void transient_failures_give_up_after_max_attempts_and_permanent_ones_fail_at_once() {
    Mailbox box = mailbox();
    MessageView m = send(lead(unique("gone"), null), box.id(), "Never");
    smtp.stop();
    try {
      for (int i = 0; i < 3; i++) {
        relay.relayQueued(acme, messages);
        clock.advance(Duration.ofMinutes(5));
      }
    } finally {
      smtp = startSmtp();
    }
    MessageView failed = messages.get(acme, m.id());
    assertThat(failed.status()).isEqualTo(MessageView.Status.FAILED);
    assertThat(failed.reason()).isEqualTo("SEND_FAILED");
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.events().get(failed.events().size() - 1).detail())
        .startsWith("gave up after 3 attempts: ");

    assertThat(SmtpChannel.classify(new jakarta.mail.MessagingException("550 5.1.1 no such user")))
        .satisfies(r -> assertThat(r.retryable()).isFalse());
    assertThat(SmtpChannel.classify(new jakarta.mail.MessagingException("451 4.3.0 try later")))
        .satisfies(r -> assertThat(r.retryable()).isTrue());
    assertThat(
            SmtpChannel.classify(
                new jakarta.mail.MessagingException(
                    "Couldn't connect", new java.net.ConnectException("Connection refused"))))
        .satisfies(r -> assertThat(r.retryable()).isTrue());
  }

  @Test
  void a_server_that_hangs_up_before_its_greeting_is_a_temporary_failure() throws Exception {
    try (java.net.ServerSocket server = new java.net.ServerSocket(0)) {
      Thread hangUp =
          new Thread(
              () -> {
                try (java.net.Socket s = server.accept()) {
                  // closed at once: the client reads EOF where "220" should be
                } catch (java.io.IOException ignored) {
                  // the test is over
                }
              });
      hangUp.start();
      SendResult r =
          new SmtpChannel(
                  new SmtpSettings(
                      "127.0.0.1", server.getLocalPort(), false, null, null, "a@acme.test", "A"))
              .send(
                  new OutboundMessage(
                      "acme",
                      "<x@acme.test>",
                      "k1",
                      "a@acme.test",
                      "b@example.test",
                      "Hi",
                      "Hello",
                      "<p>Hello</p>",
                      null,
                      1));
      hangUp.join(5000);
      assertThat(r.accepted()).isFalse();
      assertThat(r.retryable()).as(r.reply()).isTrue();
    }
  }

  @Test
  void a_send_interrupted_by_a_crash_is_recovered_after_the_lease_and_delivered_once()
      throws Exception {
    String email = unique("crash");
    Mailbox box = mailbox();
    MessageView m = send(lead(email, null), box.id(), "Interrupted");
    // the relay claimed it (SENDING) and died before talking to the server
    db.transactions()
        .tenant(
            acme,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "update messages set status = 'SENDING', claimed_at = ?,"
                          + " attempts = 1 where id = ?")) {
                ps.setTimestamp(1, Timestamp.from(clock.instant()));
                ps.setLong(2, m.id());
                return ps.executeUpdate();
              }
            });
    relay.relayQueued(acme, messages);
    assertThat(messages.get(acme, m.id()).status())
        .as("inside the lease nobody touches it")
        .isEqualTo(MessageView.Status.SENDING);
    clock.advance(Duration.ofMinutes(2).plusSeconds(1));
    relay.relayQueued(acme, messages);
    MessageView sent = messages.get(acme, m.id());
    assertThat(sent.status()).isEqualTo(MessageView.Status.SENT);
    assertThat(sent.events())
        .extracting(MessageView.Event::type)
        .containsExactly("QUEUED", "RECOVERED", "SENDING", "SENT");
    assertThat(sent.events().get(1).detail())
        .isEqualTo("interrupted while sending; may duplicate if the server had accepted it");
    List<MimeMessage> got = receivedBy(email);
    assertThat(got).hasSize(1);
    String rfcId = sql("select message_id from messages where id = " + m.id());
    String key = sql("select idempotency_key from messages where id = " + m.id());
    assertThat(got.get(0).getHeader("Message-ID", null)).isEqualTo(rfcId);
    assertThat(got.get(0).getHeader("X-OmniReach-Idempotency-Key", null)).isEqualTo(key);
  }

  @Test
  void a_delivered_message_is_recorded_sent_while_the_next_send_of_its_batch_hangs()
      throws Exception {
    // a mail server that accepts the connection, says nothing for 6 s, then that it is busy
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread server =
          new Thread(
              () -> {
                try (Socket s = silent.accept()) {
                  Thread.sleep(6_000);
                  s.getOutputStream()
                      .write("421 4.3.2 busy\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                  // the test is over
                }
              });
      server.setDaemon(true);
      server.start();
      Mailbox slow =
          mailboxes.create(
              acme,
              new MailboxDraft(
                  "Silent " + UUID.randomUUID(),
                  "127.0.0.1",
                  silent.getLocalPort(),
                  null,
                  null,
                  false,
                  "sales@acme.example",
                  "Elena Marsh",
                  1000),
              "admin");
      String email = unique("recorded");
      MessageView delivered = send(lead(email, null), mailbox().id(), "Delivered first");
      MessageView stuck = send(lead(unique("stuck"), null), slow.id(), "Then stuck");
      // one batch holds both, the delivered one first (ids in order)
      MessageRelay sweep =
          relayWith(new MessageRelay.Options(TEST_RETRY, Duration.ofMinutes(2), 1000));
      Thread relaying = new Thread(() -> sweep.relayDue(acme, 1000));
      relaying.start();
      await("delivered")
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> !receivedBy(email).isEmpty());
      // the server has it: the SENT record must not wait for the next send (the window of
      // docs/reliability.md is 10 replies or 0.2 s), or a lease running out meanwhile re-sends it
      await("recorded SENT while the next send still hangs")
          .atMost(Duration.ofMillis(1_500))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> messages.get(acme, delivered.id()).status() == MessageView.Status.SENT);
      assertThat(relaying.isAlive()).as("the next send still hangs").isTrue();
      assertThat(messages.get(acme, stuck.id()).status()).isEqualTo(MessageView.Status.SENDING);
      relaying.join(30_000);
      assertThat(messages.get(acme, stuck.id()).status())
          .as(messages.get(acme, stuck.id()).events().toString())
          .isEqualTo(MessageView.Status.QUEUED);
      assertThat(messages.get(acme, stuck.id()).events())
          .extracting(MessageView.Event::type)
          .containsExactly("QUEUED", "SENDING", "RETRY");
      assertThat(receivedBy(email)).hasSize(1);
    }
  }

  @Test
  void dkim_signed_messages_verify_with_the_public_key() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair keys = g.generateKeyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Mailbox box = mailboxes.create(acme, draft().withDkim("acme.example", "s2026", pem), "admin");
    assertThat(box.hasDkimKey()).isTrue();
    assertThat(this.<String>sql("select dkim_key_enc from mailboxes where id = " + box.id()))
        .doesNotContain("PRIVATE KEY");
    assertThatThrownBy(
            () ->
                mailboxes.create(
                    acme, draft().withDkim("acme.example", "s1", "not a key"), "admin"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("dkimPrivateKey"));

    String email = unique("dkim");
    long leadId = lead(email, null);
    MessageView first = send(leadId, box.id(), "Signed");
    relay.relay(acme, first.id());
    // With an ASCII postal address the text part is all ASCII and goes out as 7bit: its line ends
    // are then the composer's "\n", which SMTP turns into CRLF on the wire (without one, the
    // footer's "—" makes it quoted-printable, which writes CRLF itself).
    compliance.setPostalAddress(acme, "Acme Inc.\n1 Main St", "admin");
    try {
      MessageView followUp =
          messages.queue(
              acme,
              leadId,
              box.id(),
              null,
              "Signed again, with   spaces  \n\n\n",
              null,
              "s",
              m -> m.withThreadOf(first.id()));
      relay.relay(acme, followUp.id());
    } finally {
      compliance.setPostalAddress(acme, " ", "admin");
    }
    List<MimeMessage> got = receivedBy(email);
    assertThat(got).hasSize(2);
    for (MimeMessage received : got) {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      received.writeTo(raw);
      assertThat(new String(raw.toByteArray(), StandardCharsets.ISO_8859_1))
          .contains(
              received == got.get(0)
                  ? "Content-Transfer-Encoding: quoted-printable"
                  : "Content-Transfer-Encoding: 7bit");
      io.omnireach.testing.Dkim.verify(raw.toByteArray(), keys.getPublic());
      byte[] tampered =
          new String(raw.toByteArray(), StandardCharsets.ISO_8859_1)
              .replaceFirst("Subject: ", "Subject: X")
              .getBytes(StandardCharsets.ISO_8859_1);
      assertThatThrownBy(() -> io.omnireach.testing.Dkim.verify(tampered, keys.getPublic()))
          .isInstanceOf(AssertionError.class);
    }
  }

  @Test
  void a_policy_added_after_queueing_blocks_at_send_time_and_nothing_is_sent() {
    io.omnireach.policy.Policies policies =
        new io.omnireach.policy.Policies(db.transactions(), clock);
    String email = unique("policy");
    long leadId = lead(email, null);
    Mailbox box = mailbox();
    MessageView blocked =
        messages.queue(
            acme, leadId, box.id(), "Offer", "We can take 40 % off your list price.", null, "s");
    MessageView warned =
        messages.queue(acme, leadId, box.id(), "Hi", "Unlike Zorbly, we call back.", null, "s");
    io.omnireach.policy.Policy discount =
        policies.create(
            acme,
            io.omnireach.policy.PolicyRules.read(
                java.util.Map.of("kind", "max_discount", "percent", 15, "severity", "block")),
            "admin@acme.example");
    io.omnireach.policy.Policy rival =
        policies.create(
            acme,
            io.omnireach.policy.PolicyRules.read(
                java.util.Map.of(
                    "kind", "competitor_mention", "names", List.of("Zorbly"), "severity", "warn")),
            "admin@acme.example");
    try {
      assertThat(relay.relay(acme, blocked.id())).isEqualTo(MessageView.Status.BLOCKED);
      MessageView after = messages.get(acme, blocked.id());
      assertThat(after.reason()).startsWith("POLICY: Discounts up to 15%").contains("40 % off");
      MessageView.Event event = after.events().get(after.events().size() - 1);
      assertThat(event.type()).isEqualTo("BLOCKED");
      assertThat(io.omnireach.policy.Violations.fromJson(event.detail()))
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.policyId()).isEqualTo(discount.id());
                assertThat(v.excerpt()).isEqualTo("40 % off");
              });
      // a warning is recorded and the message goes
      assertThat(relay.relay(acme, warned.id())).isEqualTo(MessageView.Status.SENT);
      assertThat(messages.get(acme, warned.id()).events())
          .extracting(MessageView.Event::type)
          .contains("POLICY_WARN");
      assertThat(receivedBy(email)).hasSize(1);
    } finally {
      policies.delete(acme, discount.id(), "admin@acme.example");
      policies.delete(acme, rival.id(), "admin@acme.example");
    }
  }
}
