package io.omnireach.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.omnireach.common.DomainException;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Migrations;
import io.omnireach.lead.LeadDraft;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.LeadRepository;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The email slice against real PostgreSQL and a real SMTP server (GreenMail on loopback). */
class EmailChannelTest {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("sender", "s3cret-pw"))
          .withPerMethodLifecycle(false);

  static TestDatabase db;
  static TenantRef acme;
  static LeadRepository leads;
  static Mailboxes mailboxes;
  static Messages messages;
  static MessageRelay relay;
  static Unsubscribes unsubscribes;
  static Tracking tracking;
  static SecretBox secrets = SecretBox.fromBase64(SecretBox.newKey());

  @BeforeAll
  static void setUp() {
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
    Clock clock = Clock.systemUTC();
    leads = new LeadRepository(db.transactions(), clock);
    HostPolicy hosts = new HostPolicy(true);
    mailboxes = new Mailboxes(db.transactions(), secrets, hosts);
    messages = new Messages(db.transactions(), clock);
    UnsubscribeTokens tokens = new UnsubscribeTokens(secrets);
    TrackingLinks trackingLinks = new TrackingLinks(secrets);
    tracking =
        new Tracking(
            db.transactions(), new TenantDirectory(db.transactions()), trackingLinks, clock);
    relay =
        new MessageRelay(
            db.transactions(),
            mailboxes,
            tokens,
            trackingLinks,
            hosts,
            SmtpChannel::new,
            "https://reach.example/",
            clock);
    unsubscribes =
        new Unsubscribes(db.transactions(), new TenantDirectory(db.transactions()), tokens, clock);
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static long lead(String email, boolean doNotContact) {
    LeadDraft draft =
        new LeadDraft().set(LeadField.FIRST_NAME, "Maria").set(LeadField.EMAIL, email);
    long id = leads.create(acme, draft, "t").id();
    if (doNotContact) {
      db.transactions()
          .tenant(
              acme,
              c ->
                  c.createStatement()
                      .executeUpdate("update leads set do_not_contact = true where id = " + id));
    }
    return id;
  }

  static Mailbox mailbox(int cap) {
    return mailboxes.create(
        acme,
        new MailboxDraft(
            "Sales " + UUID.randomUUID(),
            "127.0.0.1",
            smtp.getSmtp().getPort(),
            "sender",
            "s3cret-pw",
            false,
            "sales@acme.example",
            "Elena Marsh",
            cap),
        "admin");
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@leads.example";
  }

  static MimeMessage[] receivedBy(String email) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getAllRecipients()[0].toString().equals(email);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toArray(MimeMessage[]::new);
  }

  @Test
  void a_queued_message_arrives_once_with_both_parts_footer_and_compliance_headers()
      throws Exception {
    String email = unique("maria");
    long leadId = lead(email, false);
    Mailbox box = mailbox(100);
    assertThat(box.hasPassword()).isTrue();
    MessageView queued =
        messages.queue(
            acme, leadId, box.id(), "Hello Maria", "Hi Maria,\n\nA <b>test</b>.", null, "sales");
    assertThat(queued.status()).isEqualTo(MessageView.Status.QUEUED);

    assertThat(relay.relay(acme, queued.id()))
        .as(() -> messages.get(acme, queued.id()).toString())
        .isEqualTo(MessageView.Status.SENT);
    assertThat(relay.relay(acme, queued.id())).isEqualTo(MessageView.Status.SENT);
    relay.relayQueued(acme, messages);

    MimeMessage[] got = receivedBy(email);
    assertThat(got).hasSize(1);
    MimeMessage m = got[0];
    assertThat(m.getSubject()).isEqualTo("Hello Maria");
    assertThat(m.getFrom()[0].toString()).contains("Elena Marsh").contains("sales@acme.example");
    assertThat(m.getHeader("Message-ID", null)).matches("<[0-9a-f-]{36}@omnireach>");
    assertThat(m.getHeader("X-OmniReach-Idempotency-Key", null)).startsWith("acme:api:");
    assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    String listUnsubscribe = m.getHeader("List-Unsubscribe", null);
    assertThat(listUnsubscribe)
        .matches(
            "<https://reach\\.example/unsubscribe/acme\\.\\d+\\.[A-Za-z0-9_-]{43}>,"
                + " <mailto:sales@acme\\.example\\?subject=unsubscribe>");

    MimeMultipart alternative = (MimeMultipart) m.getContent();
    assertThat(alternative.getContentType()).startsWith("multipart/alternative");
    assertThat(alternative.getCount()).isEqualTo(2);
    String text = (String) alternative.getBodyPart(0).getContent();
    String html = (String) alternative.getBodyPart(1).getContent();
    assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
    String url = url(listUnsubscribe);
    assertThat(text)
        .contains(
            "Hi Maria,", "Elena Marsh", EmailComposer.NO_POSTAL_ADDRESS, "Unsubscribe: " + url);
    assertThat(html)
        .contains("A &lt;b&gt;test&lt;/b&gt;.", "Elena Marsh", EmailComposer.NO_POSTAL_ADDRESS)
        .contains("href=\"" + url + "\"");

    MessageView sent = messages.get(acme, queued.id());
    assertThat(sent.events())
        .extracting(MessageView.Event::type)
        .containsExactly("QUEUED", "SENDING", "SENT");
    assertThat(sent.reply()).startsWith("250");
    assertThat(sent.sentAt()).isNotNull();
  }

  @Test
  void files_of_a_message_go_after_its_text_and_html_as_multipart_mixed() throws Exception {
    String email = unique("files");
    long leadId = lead(email, false);
    Mailbox box = mailbox(100);
    MessageView queued =
        messages.queue(acme, leadId, box.id(), "Your offer", "Hi Maria,\n\nAttached.", null, "s");
    byte[] pdf = "%PDF-1.4 offer".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    db.transactions()
        .tenant(
            acme,
            c -> {
              MessageAttachments.add(
                  c, queued.id(), List.of(new Attachment("offer-v1.pdf", "application/pdf", pdf)));
              return null;
            });
    assertThat(relay.relay(acme, queued.id())).isEqualTo(MessageView.Status.SENT);

    MimeMessage m = receivedBy(email)[0];
    MimeMultipart mixed = (MimeMultipart) m.getContent();
    assertThat(mixed.getContentType()).startsWith("multipart/mixed");
    assertThat(mixed.getCount()).isEqualTo(2);
    MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
    assertThat((String) alternative.getBodyPart(0).getContent()).contains("Attached.");
    MimeBodyPart file = (MimeBodyPart) mixed.getBodyPart(1);
    assertThat(file.getDisposition()).isEqualTo(jakarta.mail.Part.ATTACHMENT);
    assertThat(file.getFileName()).isEqualTo("offer-v1.pdf");
    assertThat(file.getContentType()).startsWith("application/pdf");
    assertThat(file.getInputStream().readAllBytes()).isEqualTo(pdf);
  }

  @Test
  void the_postal_address_from_settings_is_in_the_footer_of_both_parts() throws Exception {
    ComplianceSettings settings = new ComplianceSettings(db.transactions());
    assertThat(settings.setPostalAddress(acme, " Acme Inc.\r\n1 Main St <Suite 2>\n", "admin"))
        .isEqualTo("Acme Inc.\n1 Main St <Suite 2>");
    assertThatThrownBy(() -> settings.setPostalAddress(acme, "x".repeat(301), "admin"))
        .isInstanceOf(DomainException.class);
    try {
      String email = unique("postal");
      // 1,300 characters with a link: the HTML keeps its lines short, so all-ASCII goes as 7bit
      String body =
          ("A line of the message, long enough to add up to something. ".repeat(3) + "\n").repeat(7)
              + "See https://acme.example/case-study for how Contoso did it.";
      MessageView q =
          messages.queue(acme, lead(email, false), mailbox(10).id(), "S", body, null, "s");
      relay.relay(acme, q.id());
      MimeMultipart parts = (MimeMultipart) receivedBy(email)[0].getContent();
      assertThat(((MimeBodyPart) parts.getBodyPart(0)).getEncoding()).isEqualTo("7bit");
      assertThat(((MimeBodyPart) parts.getBodyPart(1)).getEncoding()).isEqualTo("7bit");
      assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"))
          .contains("Acme Inc.\n1 Main St <Suite 2>")
          .doesNotContain(EmailComposer.NO_POSTAL_ADDRESS);
      assertThat((String) parts.getBodyPart(1).getContent())
          .contains("Acme Inc.<br>1 Main St &lt;Suite 2&gt;");
    } finally {
      assertThat(settings.setPostalAddress(acme, " ", "admin")).isNull();
      assertThat(settings.postalAddress(acme)).isNull();
    }
  }

  @Test
  void a_leads_thread_lists_only_its_messages_newest_first_with_their_events() {
    Mailbox box = mailbox(10);
    long leadId = lead(unique("thread"), false);
    long otherLead = lead(unique("thread-other"), false);
    MessageView first = messages.queue(acme, leadId, box.id(), "First", "B", null, "s");
    MessageView second = messages.queue(acme, leadId, box.id(), "Second", "B", null, "s");
    messages.queue(acme, otherLead, box.id(), "Other", "B", null, "s");
    relay.relay(acme, first.id());
    List<MessageView> thread = messages.ofLead(acme, leadId, 50);
    assertThat(thread).extracting(MessageView::subject).containsExactly("Second", "First");
    assertThat(thread.get(1).events())
        .extracting(MessageView.Event::type)
        .containsExactly("QUEUED", "SENDING", "SENT");
    assertThat(thread.get(0).status()).isEqualTo(MessageView.Status.QUEUED);
    assertThat(messages.ofLead(acme, leadId, 1))
        .extracting(MessageView::id)
        .containsExactly(second.id());
  }

  @Test
  void do_not_contact_suppressed_and_denied_leads_are_blocked_with_the_reason() {
    Mailbox box = mailbox(100);
    String dnc = unique("dnc");
    MessageView a = messages.queue(acme, lead(dnc, true), box.id(), "S", "B", null, "s");
    assertThat(relay.relay(acme, a.id())).isEqualTo(MessageView.Status.BLOCKED);
    assertThat(messages.get(acme, a.id()).reason()).isEqualTo("DO_NOT_CONTACT");

    String suppressed = unique("bounced");
    long leadId = lead(suppressed, false);
    db.transactions()
        .tenant(
            acme,
            c ->
                c.createStatement()
                    .executeUpdate(
                        "insert into suppressions (email, reason) values ('"
                            + suppressed
                            + "', 'BOUNCED')"));
    MessageView b = messages.queue(acme, leadId, box.id(), "S", "B", null, "s");
    assertThat(relay.relay(acme, b.id())).isEqualTo(MessageView.Status.BLOCKED);
    assertThat(messages.get(acme, b.id()).reason()).isEqualTo("BOUNCED");
    assertThat(messages.get(acme, b.id()).events())
        .extracting(MessageView.Event::type)
        .containsExactly("QUEUED", "BLOCKED");

    String denied = unique("denied");
    long deniedLead = lead(denied, false);
    db.transactions()
        .tenant(
            acme,
            c ->
                c.createStatement()
                    .executeUpdate(
                        "update leads set consent = '{\"email\":{\"status\":\"denied\"}}' where id = "
                            + deniedLead));
    MessageView d = messages.queue(acme, deniedLead, box.id(), "S", "B", null, "s");
    assertThat(relay.relay(acme, d.id())).isEqualTo(MessageView.Status.BLOCKED);
    assertThat(messages.get(acme, d.id()).reason()).isEqualTo("CONSENT_DENIED");

    assertThat(receivedBy(dnc)).isEmpty();
    assertThat(receivedBy(suppressed)).isEmpty();
    assertThat(receivedBy(denied)).isEmpty();
  }

  @Test
  void the_daily_cap_of_a_mailbox_defers_the_next_message_to_the_next_utc_day() {
    Mailbox box = mailbox(1);
    MessageView first =
        messages.queue(acme, lead(unique("cap1"), false), box.id(), "S", "B", null, "s");
    MessageView second =
        messages.queue(acme, lead(unique("cap2"), false), box.id(), "S", "B", null, "s");
    assertThat(relay.relay(acme, first.id())).isEqualTo(MessageView.Status.SENT);
    assertThat(relay.relay(acme, second.id())).isEqualTo(MessageView.Status.QUEUED);
    MessageView deferred = messages.get(acme, second.id());
    assertThat(deferred.reason()).isNull();
    assertThat(deferred.notBefore())
        .isEqualTo(
            java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                .plusDays(1)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant());
    assertThat(deferred.events())
        .extracting(MessageView.Event::type)
        .containsExactly("QUEUED", "DEFERRED");
    assertThat(deferred.events().get(1).detail())
        .startsWith("daily cap of 1 reached (it resets at 00:00 UTC); next ")
        .endsWith(" 00:00 UTC");
    // not due yet: neither the sweep nor another dispatch sends it today
    relay.relayQueued(acme, messages);
    assertThat(relay.relay(acme, second.id())).isEqualTo(MessageView.Status.QUEUED);
    assertThat(messages.get(acme, second.id()).events()).hasSize(2);
  }

  /**
   * The cap reads a per-day count kept by a trigger (tenant V44): every way a message enters or
   * leaves SENDING/SENT moves it, on the UTC day of the message's claim.
   */
  @Test
  void the_daily_count_follows_every_way_in_and_out_of_sending_and_sent() {
    Mailbox box = mailbox(100);
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    java.time.LocalDate yesterday = today.minusDays(1);
    MessageView first =
        messages.queue(acme, lead(unique("count1"), false), box.id(), "S", "B", null, "s");
    MessageView second =
        messages.queue(acme, lead(unique("count2"), false), box.id(), "S", "B", null, "s");
    assertThat(daySends(box.id(), today)).isZero();

    assertThat(relay.relay(acme, first.id())).isEqualTo(MessageView.Status.SENT);
    assertThat(daySends(box.id(), today)).as("claimed, then SENT: counted once").isEqualTo(1);

    setMessage(second.id(), "status = 'SENDING', claimed_at = now()");
    assertThat(daySends(box.id(), today)).as("claimed").isEqualTo(2);
    setMessage(second.id(), "status = 'QUEUED'");
    assertThat(daySends(box.id(), today)).as("back in the queue for a retry").isEqualTo(1);
    setMessage(second.id(), "status = 'SENDING', claimed_at = now() - interval '1 day'");
    assertThat(daySends(box.id(), today)).isEqualTo(1);
    assertThat(daySends(box.id(), yesterday)).as("counted on its claim's day").isEqualTo(1);
    setMessage(second.id(), "status = 'FAILED'");
    assertThat(daySends(box.id(), yesterday)).as("failed").isZero();

    db.transactions()
        .tenant(
            acme,
            c ->
                c.createStatement().executeUpdate("delete from messages where id = " + first.id()));
    assertThat(daySends(box.id(), today)).as("erased").isZero();
  }

  static void setMessage(long id, String assignments) {
    db.transactions()
        .tenant(
            acme,
            c ->
                c.createStatement()
                    .executeUpdate("update messages set " + assignments + " where id = " + id));
  }

  static int daySends(long mailboxId, java.time.LocalDate day) {
    return db.transactions()
        .tenant(
            acme,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select coalesce(sum(sends), 0) from mailbox_day_sends"
                          + " where mailbox_id = ? and day = ?")) {
                ps.setLong(1, mailboxId);
                ps.setObject(2, day);
                try (var rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getInt(1);
                }
              }
            });
  }

  @Test
  void one_click_unsubscribe_suppresses_the_next_send_and_forged_tokens_do_nothing()
      throws Exception {
    String email = unique("unsub");
    long leadId = lead(email, false);
    Mailbox box = mailbox(100);
    MessageView q = messages.queue(acme, leadId, box.id(), "S", "B", null, "s");
    relay.relay(acme, q.id());
    String token =
        url(receivedBy(email)[0].getHeader("List-Unsubscribe", null)).replaceAll(".*/", "");

    String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
    assertThat(unsubscribes.unsubscribe(forged)).isFalse();
    assertThat(
            unsubscribes.unsubscribe("acme." + (q.id() + 1) + "." + token.replaceAll(".*\\.", "")))
        .isFalse();
    assertThat(unsubscribes.recipient(token)).hasValue(email.charAt(0) + "•••@leads.example");

    assertThat(unsubscribes.unsubscribe(token)).isTrue();
    assertThat(unsubscribes.unsubscribe(token)).isTrue();
    assertThat(messages.get(acme, q.id()).events())
        .extracting(MessageView.Event::type)
        .containsOnlyOnce("UNSUBSCRIBED");

    MessageView again = messages.queue(acme, leadId, box.id(), "S2", "B", null, "s");
    assertThat(relay.relay(acme, again.id())).isEqualTo(MessageView.Status.BLOCKED);
    assertThat(messages.get(acme, again.id()).reason()).isEqualTo("UNSUBSCRIBED");
    assertThat(receivedBy(email)).hasSize(1);
  }

  @Test
  void an_idempotency_key_queues_one_message_and_passwords_are_sealed() {
    long leadId = lead(unique("idem"), false);
    Mailbox box = mailbox(100);
    MessageView a = messages.queue(acme, leadId, box.id(), "S", "B", "order-42", "s");
    MessageView b = messages.queue(acme, leadId, box.id(), "S", "B", "order-42", "s");
    assertThat(b.id()).isEqualTo(a.id());
    String stored =
        db.transactions()
            .tenant(
                acme,
                c -> {
                  var rs =
                      c.createStatement()
                          .executeQuery(
                              "select password_enc from mailboxes where id = " + box.id());
                  rs.next();
                  return rs.getString(1);
                });
    assertThat(stored).doesNotContain("s3cret-pw");
    assertThat(secrets.decrypt(stored)).isEqualTo("s3cret-pw");
  }

  @Test
  void links_are_tracked_and_a_click_only_leads_to_a_url_of_the_message() throws Exception {
    String email = unique("click");
    MessageView q =
        messages.queue(
            acme,
            lead(email, false),
            mailbox(100).id(),
            "Links",
            "See https://acme.example/pricing?a=1&b=2. Or (https://acme.example/demo).",
            null,
            "s");
    relay.relay(acme, q.id());
    MimeMultipart parts = (MimeMultipart) receivedBy(email)[0].getContent();
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();
    assertThat(text).contains("https://acme.example/pricing?a=1&b=2.");
    Matcher clicks =
        Pattern.compile("<a href=\"https://reach\\.example/t/c/([^\"]+)\">([^<]+)</a>")
            .matcher(html);
    assertThat(clicks.find()).isTrue();
    String first = clicks.group(1);
    assertThat(clicks.group(2)).isEqualTo("https://acme.example/pricing?a=1&amp;b=2");
    assertThat(clicks.find()).isTrue();
    String second = clicks.group(1);
    assertThat(clicks.group(2)).isEqualTo("https://acme.example/demo");
    Matcher pixel =
        Pattern.compile("<img src=\"https://reach\\.example/t/o/([^\"]+)\\.gif\"").matcher(html);
    assertThat(pixel.find()).isTrue();

    assertThat(tracking.click(first)).hasValue("https://acme.example/pricing?a=1&b=2");
    assertThat(tracking.click(second)).hasValue("https://acme.example/demo");
    assertThat(tracking.open(pixel.group(1))).isTrue();
    TrackingLinks links = new TrackingLinks(secrets);
    assertThat(tracking.click(links.clickToken(acme, q.id(), 2))).isEmpty();
    assertThat(tracking.click(first.replace(".0.", ".1."))).isEmpty();
    assertThat(
            tracking.click(
                new TrackingLinks(SecretBox.fromBase64(SecretBox.newKey()))
                    .clickToken(acme, q.id(), 0)))
        .isEmpty();
    assertThat(messages.get(acme, q.id()).events())
        .extracting(MessageView.Event::type)
        .containsExactly("QUEUED", "SENDING", "SENT", "CLICKED", "CLICKED", "OPENED");
  }

  @Test
  void private_hosts_are_refused_unless_allowed() {
    Mailboxes strict = new Mailboxes(db.transactions(), secrets, new HostPolicy(false));
    for (String host :
        new String[] {
          "127.0.0.1",
          "localhost",
          "10.1.2.3",
          "192.168.0.10",
          "169.254.169.254",
          "[::1]",
          "100.64.0.1"
        }) {
      assertThatThrownBy(
              () ->
                  strict.create(
                      acme,
                      new MailboxDraft("x", host, 25, null, null, false, "a@b.example", null, 5),
                      "admin"))
          .as(host)
          .isInstanceOfSatisfying(
              DomainException.class, e -> assertThat(e.field()).isEqualTo("host"));
    }
  }

  static String url(String listUnsubscribe) {
    Matcher m = Pattern.compile("<(https?://[^>]+)>").matcher(listUnsubscribe);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
