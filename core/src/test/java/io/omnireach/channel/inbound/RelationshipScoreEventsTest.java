package io.omnireach.channel.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.channel.Tracking;
import io.omnireach.channel.TrackingLinks;
import io.omnireach.relationship.Relationship;
import io.omnireach.relationship.RelationshipScore;
import io.omnireach.relationship.RelationshipScores;
import io.omnireach.tenant.TenantDirectory;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The stored relationship score follows the events on PostgreSQL, through the product paths: a
 * reply read by the IMAP poller, a bounce report, opens recorded by the tracking pixel.
 */
class RelationshipScoreEventsTest extends InboundFixture {

  static RelationshipScores scores() {
    return new RelationshipScores(db.transactions());
  }

  static Relationship relationship(long leadId) {
    return scores().get(acme, leadId).orElseThrow();
  }

  @Test
  void a_positive_reply_raises_the_score_and_a_bounce_lowers_it() throws Exception {
    Sent sent = send("Rita");
    assertThat(relationship(sent.leadId()).score()).isZero();

    deliver(reply(sent, "Sounds interesting, can we schedule a call on Thursday?"));
    assertThat(poller.poll(acme, box.id()).stored()).isEqualTo(1);
    Relationship afterReply = relationship(sent.leadId());
    assertThat(afterReply.score()).isGreaterThanOrEqualTo(40);
    assertThat(afterReply.parts())
        .extracting(RelationshipScore.Part::name)
        .contains("Replies", "Sentiment", "Recency");
    assertThat(afterReply.sentiment())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.sentiment()).isEqualTo(RelationshipScore.Sentiment.POSITIVE);
              assertThat(p.messageId()).isEqualTo(sent.messageId());
            });
    assertThat(leads.get(acme, sent.leadId()).relationshipScore()).isEqualTo(afterReply.score());

    deliver(bounce(sent));
    assertThat(poller.poll(acme, box.id()).stored()).isEqualTo(1);
    Relationship afterBounce = relationship(sent.leadId());
    assertThat(afterBounce.score()).isLessThan(afterReply.score());
    assertThat(afterBounce.parts())
        .filteredOn(p -> p.name().equals("Bounces"))
        .singleElement()
        .satisfies(p -> assertThat(p.points()).isNegative());
  }

  @Test
  void scanner_opens_do_not_raise_the_score_human_opens_do() throws Exception {
    Sent sent = send("Otto");
    TrackingLinks links = new TrackingLinks(secrets);
    Tracking tracking =
        new Tracking(db.transactions(), new TenantDirectory(db.transactions()), links, clock);
    String token = links.openToken(acme, sent.messageId());

    assertThat(tracking.open(token, "Mozilla/5.0 (via ggpht.com GoogleImageProxy)")).isTrue();
    Relationship scanned = relationship(sent.leadId());
    assertThat(scanned.score()).isZero();
    assertThat(scanned.parts())
        .filteredOn(p -> p.name().equals("Opens"))
        .singleElement()
        .satisfies(p -> assertThat(p.why()).contains("1 scanner or proxy open not counted"));

    // a person opening it an hour after the send (outside the scanner window)
    sentAnHourAgo(sent);
    assertThat(tracking.open(token, "Mozilla/5.0 (Macintosh) AppleWebKit/605 Thunderbird"))
        .isTrue();
    assertThat(relationship(sent.leadId()).score()).isPositive();
  }

  @Test
  void the_backfill_recomputes_every_lead() throws Exception {
    Sent sent = send("Berta");
    deliver(reply(sent, "Yes, interested. Send me the pricing please."));
    poller.poll(acme, box.id());
    int before = relationship(sent.leadId()).score();
    db.transactions()
        .tenant(
            acme,
            c ->
                c.createStatement()
                    .executeUpdate(
                        "update leads set relationship_score = 0, relationship_parts = '[]'"));
    assertThat(relationship(sent.leadId()).score()).isZero();
    assertThat(scores().recomputeAll(acme, clock)).isGreaterThanOrEqualTo(1);
    assertThat(relationship(sent.leadId()).score()).isEqualTo(before).isPositive();
  }

  private static void sentAnHourAgo(Sent sent) {
    db.transactions()
        .tenant(
            acme,
            c ->
                c.createStatement()
                    .executeUpdate(
                        "update messages set sent_at = sent_at - interval '1 hour' where id = "
                            + sent.messageId()));
  }

  private static MimeMessage bounce(Sent sent) throws Exception {
    MimeMessage dsn = new MimeMessage(Session.getInstance(new Properties()));
    dsn.setFrom(new InternetAddress("MAILER-DAEMON@mx.leads.example", "Mail Delivery System"));
    dsn.setRecipients(Message.RecipientType.TO, "sales@acme.example");
    dsn.setSubject("Undelivered Mail Returned to Sender");
    MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
    MimeBodyPart human = new MimeBodyPart();
    human.setText("<" + sent.email() + ">: 550 5.1.1 User unknown", "UTF-8");
    MimeBodyPart status = new MimeBodyPart();
    status.setContent(
        "Reporting-MTA: dns; mx.leads.example\r\n\r\nFinal-Recipient: rfc822; "
            + sent.email()
            + "\r\nAction: failed\r\nStatus: 5.1.1\r\n",
        "message/delivery-status");
    MimeBodyPart headers = new MimeBodyPart();
    headers.setContent(
        "Message-ID: " + sent.rfcId() + "\r\nSubject: Hello\r\n", "text/rfc822-headers");
    report.addBodyPart(human);
    report.addBodyPart(status);
    report.addBodyPart(headers);
    dsn.setContent(report);
    dsn.saveChanges();
    return dsn;
  }
}
