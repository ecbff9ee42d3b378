package io.omnireach.channel.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.omnireach.channel.HostPolicy;
import io.omnireach.channel.Mailbox;
import io.omnireach.channel.MailboxDraft;
import io.omnireach.channel.Mailboxes;
import io.omnireach.channel.MessageRelay;
import io.omnireach.channel.MessageView;
import io.omnireach.channel.Messages;
import io.omnireach.channel.SmtpChannel;
import io.omnireach.channel.TrackingLinks;
import io.omnireach.channel.UnsubscribeTokens;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Migrations;
import io.omnireach.lead.LeadDraft;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.LeadRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replies end to end in core: a message sent through the product path (queue, relay, GreenMail
 * SMTP), answered into the mailbox's GreenMail IMAP inbox, polled twice.
 */
class RepliesTest {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("sender", "s3cret-pw"))
          .withPerMethodLifecycle(false);

  static TestDatabase db;
  static TenantRef acme;
  static LeadRepository leads;
  static Mailboxes mailboxes;
  static ImapMailboxes imap;
  static Messages messages;
  static MessageRelay relay;
  static ImapPoller poller;
  static Replies replies;
  static Mailbox box;
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
    imap = new ImapMailboxes(db.transactions(), secrets, hosts);
    messages = new Messages(db.transactions(), clock);
    relay =
        new MessageRelay(
            db.transactions(),
            mailboxes,
            new UnsubscribeTokens(secrets),
            new TrackingLinks(secrets),
            hosts,
            SmtpChannel::new,
            "https://reach.example/",
            clock);
    poller =
        new ImapPoller(imap, new InboundProcessor(db.transactions(), new ReplyClassifier(), clock));
    replies = new Replies(db.transactions());
    box =
        mailboxes.create(
            acme,
            new MailboxDraft(
                "Sales",
                "127.0.0.1",
                mail.getSmtp().getPort(),
                "sender",
                "s3cret-pw",
                false,
                "sales@acme.example",
                "Elena Marsh",
                100),
            "admin");
    imap.configure(
        acme,
        box.id(),
        new ImapMailboxes.Draft("127.0.0.1", mail.getImap().getPort(), false, null),
        "admin");
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  record Sent(long leadId, long messageId, String email, String rfcId) {}

  static Sent send(String first) throws Exception {
    String email =
        first.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@leads.example";
    long leadId =
        leads
            .create(
                acme,
                new LeadDraft()
                    .set(LeadField.FIRST_NAME, first)
                    .set(LeadField.EMAIL, email)
                    .set(LeadField.STAGE, "contacted"),
                "t")
            .id();
    MessageView queued =
        messages.queue(
            acme,
            leadId,
            box.id(),
            "Hello " + first,
            "Hi " + first + ",\nA question.",
            null,
            "sales");
    assertThat(relay.relay(acme, queued.id())).isEqualTo(MessageView.Status.SENT);
    MimeMessage sent =
        Arrays.stream(mail.getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return m.getAllRecipients() != null
                        && m.getAllRecipients()[0].toString().equals(email);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .findFirst()
            .orElseThrow();
    return new Sent(leadId, queued.id(), email, sent.getMessageID());
  }

  static MimeMessage reply(Sent to, String text) throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setFrom(new InternetAddress(to.email()));
    m.setRecipients(Message.RecipientType.TO, "sales@acme.example");
    m.setSubject("Re: Hello");
    m.setHeader("In-Reply-To", to.rfcId());
    m.setHeader("References", to.rfcId());
    m.setText(
        text + "\n\nOn Tue, Elena Marsh wrote:\n> Hi\n> Unsubscribe: https://reach.example/x",
        "UTF-8");
    m.saveChanges();
    return m;
  }

  static void deliver(MimeMessage m) {
    GreenMailUser user = mail.getUserManager().getUser("sender");
    user.deliver(m);
  }

  static String stage(long leadId) {
    return db.transactions()
        .tenant(
            acme,
            c -> {
              try (ResultSet rs =
                  c.createStatement()
                      .executeQuery("select stage from leads where id = " + leadId)) {
                rs.next();
                return rs.getString(1);
              }
            });
  }

  static String suppression(String email) {
    return db.transactions()
        .tenant(
            acme,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("select reason from suppressions where email = lower(?)")) {
                ps.setString(1, email);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? rs.getString(1) : null;
                }
              }
            });
  }

  static long repliesOf(long messageId) {
    return replies.list(acme, null, null, 200).stream()
        .filter(r -> r.messageId() != null && r.messageId() == messageId)
        .count();
  }

  @Test
  void an_interested_reply_is_stored_once_classified_and_moves_the_lead_to_replied()
      throws Exception {
    Sent sent = send("Maria");
    assertThat(sent.rfcId()).matches("<[0-9a-f-]{36}@omnireach>");
    deliver(reply(sent, "Sounds interesting, can we schedule a call on Thursday?"));

    PollResult first = poller.poll(acme, box.id());
    assertThat(first.stored()).isEqualTo(1);
    assertThat(first.failed()).isZero();
    // the message is marked seen: a second poll reads nothing
    assertThat(poller.poll(acme, box.id()).fetched()).isZero();
    assertThat(repliesOf(sent.messageId())).isEqualTo(1);

    ReplyView r =
        replies.list(acme, ReplyClass.INTERESTED, null, 10).stream()
            .filter(v -> v.messageId() == sent.messageId())
            .findFirst()
            .orElseThrow();
    assertThat(r.leadId()).isEqualTo(sent.leadId());
    assertThat(r.leadName()).isEqualTo("Maria");
    assertThat(r.body()).startsWith("Sounds interesting");
    assertThat(stage(sent.leadId())).isEqualTo("replied");
    assertThat(messages.get(acme, sent.messageId()).events())
        .extracting(MessageView.Event::type)
        .containsExactly("QUEUED", "SENDING", "SENT", "REPLIED");
  }

  @Test
  void the_same_reply_delivered_twice_is_stored_once() throws Exception {
    Sent sent = send("Jonas");
    MimeMessage m = reply(sent, "Kein Interesse, danke.");
    deliver(m);
    deliver(new MimeMessage(m));
    PollResult result = poller.poll(acme, box.id());
    assertThat(result.stored()).isEqualTo(1);
    assertThat(result.duplicates()).isEqualTo(1);
    assertThat(repliesOf(sent.messageId())).isEqualTo(1);
    assertThat(replies.list(acme, ReplyClass.NOT_INTERESTED, null, 10))
        .anyMatch(v -> v.messageId() == sent.messageId());
  }

  @Test
  void a_lead_in_a_later_stage_is_not_moved_back() throws Exception {
    Sent sent = send("Wanda");
    db.transactions()
        .tenant(
            acme,
            c ->
                c.createStatement()
                    .executeUpdate(
                        "update leads set stage = 'meeting' where id = " + sent.leadId()));
    deliver(reply(sent, "Yes, interested."));
    poller.poll(acme, box.id());
    assertThat(stage(sent.leadId())).isEqualTo("meeting");
  }

  @Test
  void an_unsubscribe_reply_suppresses_the_address() throws Exception {
    Sent sent = send("Claire");
    deliver(reply(sent, "Merci de me désinscrire de votre liste."));
    assertThat(poller.poll(acme, box.id()).stored()).isEqualTo(1);
    assertThat(suppression(sent.email())).isEqualTo("UNSUBSCRIBED");
    assertThat(messages.get(acme, sent.messageId()).events())
        .extracting(MessageView.Event::type)
        .contains("REPLIED", "UNSUBSCRIBED");
  }

  @Test
  void an_out_of_office_reply_keeps_the_stage_and_stores_the_return_date() throws Exception {
    Sent sent = send("Pablo");
    MimeMessage m = reply(sent, "Estoy fuera de la oficina, de vuelta el 3 de diciembre de 2026.");
    m.setHeader("Auto-Submitted", "auto-replied");
    m.setSubject("Respuesta automática: Hello");
    m.saveChanges();
    deliver(m);
    poller.poll(acme, box.id());
    ReplyView r =
        replies.list(acme, ReplyClass.OUT_OF_OFFICE, null, 10).stream()
            .filter(v -> v.messageId() == sent.messageId())
            .findFirst()
            .orElseThrow();
    assertThat(r.oooUntil()).hasToString("2026-12-03");
    assertThat(stage(sent.leadId())).isEqualTo("contacted");
  }

  @Test
  void a_delivery_status_report_suppresses_the_address_as_bounced() throws Exception {
    Sent sent = send("Ghost");
    MimeMessage dsn = new MimeMessage(Session.getInstance(new Properties()));
    dsn.setFrom(new InternetAddress("MAILER-DAEMON@mx.leads.example", "Mail Delivery System"));
    dsn.setRecipients(Message.RecipientType.TO, "sales@acme.example");
    dsn.setSubject("Undelivered Mail Returned to Sender");
    MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
    MimeBodyPart human = new MimeBodyPart();
    human.setText(
        "This is the mail system at host mx.leads.example.\n\nI'm sorry to have to inform you"
            + " that your message could not be delivered.\n<"
            + sent.email()
            + ">: host mx.leads.example said: 550 5.1.1 User unknown",
        "UTF-8");
    MimeBodyPart status = new MimeBodyPart();
    status.setContent(
        "Reporting-MTA: dns; mx.leads.example\r\n\r\nFinal-Recipient: rfc822; "
            + sent.email()
            + "\r\nAction: failed\r\nStatus: 5.1.1\r\n",
        "message/delivery-status");
    MimeBodyPart headers = new MimeBodyPart();
    headers.setContent(
        "Message-ID: " + sent.rfcId() + "\r\nSubject: Hello Ghost\r\n", "text/rfc822-headers");
    report.addBodyPart(human);
    report.addBodyPart(status);
    report.addBodyPart(headers);
    dsn.setContent(report);
    dsn.saveChanges();
    deliver(dsn);

    assertThat(poller.poll(acme, box.id()).stored()).isEqualTo(1);
    assertThat(suppression(sent.email())).isEqualTo("BOUNCED");
    assertThat(replies.list(acme, ReplyClass.BOUNCE, null, 10))
        .anyMatch(v -> v.messageId() == sent.messageId());
    assertThat(messages.get(acme, sent.messageId()).events())
        .extracting(MessageView.Event::type)
        .contains("BOUNCED")
        .doesNotContain("REPLIED");
    assertThat(stage(sent.leadId())).isEqualTo("contacted");
  }

  @Test
  void mail_that_answers_nothing_of_ours_is_read_but_not_stored() throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setFrom(new InternetAddress("someone@else.example"));
    m.setSubject("Newsletter");
    m.setText("Hello");
    m.saveChanges();
    deliver(m);
    PollResult result = poller.poll(acme, box.id());
    assertThat(result.unmatched()).isEqualTo(1);
    assertThat(result.stored()).isZero();
  }
}
