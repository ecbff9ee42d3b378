package io.omnireach.channel.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
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
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the inbound tests share: a fresh database with tenant {@code acme}, a GreenMail server with
 * SMTP and IMAP on loopback, a mailbox using both, messages sent through the product path (queue,
 * relay, SMTP) and read back by the offline poller.
 */
abstract class InboundFixture {

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("sender", "s3cret-pw"))
          .withPerMethodLifecycle(false);

  static TestDatabase db;
  static TenantRef acme;
  static Clock clock = Clock.systemUTC();
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
  static void setUpInbound() {
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
        new ImapPoller(
            imap,
            new InboundProcessor(
                db.transactions(), new ReplyClassifier(), new UnsubscribeTokens(secrets), clock));
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
  static void dropInbound() {
    db.close();
  }

  record Sent(
      long leadId,
      long messageId,
      String email,
      String rfcId,
      String idempotencyKey,
      String unsubscribeUrl) {}

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
    return new Sent(
        leadId,
        queued.id(),
        email,
        sent.getMessageID(),
        sent.getHeader("X-OmniReach-Idempotency-Key", null),
        sent.getHeader("List-Unsubscribe", null).replaceAll("^<([^>]+)>.*$", "$1"));
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

  /** A message read from its source text, as a mail server would hand it over. */
  static MimeMessage parse(String source) throws Exception {
    return new MimeMessage(
        Session.getInstance(new Properties()),
        new ByteArrayInputStream(source.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
  }

  static void deliver(MimeMessage m) {
    GreenMailUser user = mail.getUserManager().getUser("sender");
    user.deliver(m);
  }

  /** The messages in the sender's IMAP INBOX as GreenMail stores them, with their flags. */
  static List<StoredMessage> inbox() throws Exception {
    GreenMailUser user = mail.getUserManager().getUser("sender");
    return mail.getManagers().getImapHostManager().getInbox(user).getMessages();
  }

  static boolean seen(StoredMessage m) {
    return m.getFlags().contains(Flags.Flag.SEEN);
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

  static ReplyView replyTo(long messageId) {
    return replies.list(acme, null, null, 200).stream()
        .filter(r -> r.messageId() != null && r.messageId() == messageId)
        .findFirst()
        .orElseThrow();
  }

  static List<String> events(long messageId) {
    return messages.get(acme, messageId).events().stream().map(MessageView.Event::type).toList();
  }
}
