package io.omnireach.channel.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.StoredMessage;
import io.omnireach.channel.MessageView;
import io.omnireach.channel.UnsubscribeTokens;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Replies end to end in core: a message sent through the product path (queue, relay, GreenMail
 * SMTP), answered into the mailbox's GreenMail IMAP inbox, polled by UID, flags left alone.
 */
class RepliesTest extends InboundFixture {

  @Test
  void an_interested_reply_is_stored_once_classified_and_moves_the_lead_to_replied()
      throws Exception {
    Sent sent = send("Maria");
    assertThat(sent.rfcId()).matches("<[0-9a-f-]{36}@omnireach>");
    deliver(reply(sent, "Sounds interesting, can we schedule a call on Thursday?"));

    PollResult first = poller.poll(acme, box.id());
    assertThat(first.stored()).isEqualTo(1);
    assertThat(first.failed()).isZero();
    // the cursor is past it: a second poll reads nothing
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

  @Test
  void the_poller_changes_no_flags_and_a_second_poll_fetches_nothing() throws Exception {
    Sent sent = send("Ulla");
    MimeMessage unrelated = new MimeMessage(Session.getInstance(new Properties()));
    unrelated.setFrom(new InternetAddress("colleague@acme.example"));
    unrelated.setSubject("Lunch?");
    unrelated.setText("Pizza at noon?");
    unrelated.saveChanges();
    deliver(unrelated);
    deliver(reply(sent, "Yes, interested - send me more information."));

    PollResult first = poller.poll(acme, box.id());
    assertThat(first.fetched()).isEqualTo(2);
    assertThat(first.stored()).isEqualTo(1);
    assertThat(first.unmatched()).isEqualTo(1);
    assertThat(repliesOf(sent.messageId())).isEqualTo(1);
    // the user's unrelated mail is still unread, and so is the reply we stored
    assertThat(inbox()).isNotEmpty().noneMatch(InboundFixture::seen);
    assertThat(inbox()).anyMatch(m -> "Lunch?".equals(subject(m)));

    PollResult second = poller.poll(acme, box.id());
    assertThat(second.fetched()).isZero();
    assertThat(inbox()).noneMatch(InboundFixture::seen);
  }

  @Test
  void a_reply_that_arrives_after_a_poll_is_picked_up_by_the_next() throws Exception {
    Sent early = send("Erik");
    deliver(reply(early, "Interested, let's talk."));
    assertThat(poller.poll(acme, box.id()).stored()).isEqualTo(1);
    ImapCursor after = imap.cursor(acme, box.id(), ImapPoller.FOLDER);
    assertThat(after.lastUid()).isPositive();

    Sent late = send("Lotte");
    deliver(reply(late, "No thanks, not interested."));
    PollResult next = poller.poll(acme, box.id());
    assertThat(next.fetched()).isEqualTo(1);
    assertThat(next.stored()).isEqualTo(1);
    assertThat(replyTo(late.messageId()).classification()).isEqualTo(ReplyClass.NOT_INTERESTED);
    assertThat(imap.cursor(acme, box.id(), ImapPoller.FOLDER).lastUid())
        .isGreaterThan(after.lastUid());
  }

  @Test
  void a_new_uidvalidity_reads_the_folder_again_and_stores_nothing_twice() throws Exception {
    Sent sent = send("Vera");
    deliver(reply(sent, "Interested, call me."));
    poller.poll(acme, box.id());
    ImapCursor real = imap.cursor(acme, box.id(), ImapPoller.FOLDER);
    // as if the server had rebuilt the folder: the stored UIDVALIDITY no longer holds
    imap.saveCursor(
        acme,
        box.id(),
        ImapPoller.FOLDER,
        new ImapCursor(real.uidValidity() + 1, real.lastUid(), null, 0));

    PollResult rescan = poller.poll(acme, box.id());
    assertThat(rescan.fetched()).isEqualTo(inbox().size());
    assertThat(rescan.stored()).isZero();
    assertThat(rescan.duplicates()).isPositive();
    assertThat(rescan.failed()).isZero();
    assertThat(repliesOf(sent.messageId())).isEqualTo(1);
    assertThat(imap.cursor(acme, box.id(), ImapPoller.FOLDER))
        .isEqualTo(new ImapCursor(real.uidValidity(), real.lastUid(), null, 0));
    assertThat(inbox()).noneMatch(InboundFixture::seen);
  }

  @Test
  void a_message_that_keeps_failing_holds_the_cursor_then_is_skipped() throws Exception {
    Sent poison = send("Paula");
    Sent fine = send("Fritz");
    MimeMessage bad = reply(poison, "Interested.");
    bad.setSubject("Re: explode");
    bad.saveChanges();
    deliver(bad);
    deliver(reply(fine, "Interested too."));
    ReplyClassifier rules = new ReplyClassifier();
    ImapPoller fragile =
        new ImapPoller(
            imap,
            new InboundProcessor(
                db.transactions(),
                (tenant, input, received, leadId) -> {
                  if (input.subject().contains("explode")) {
                    throw new IllegalStateException("classifier down");
                  }
                  return rules.classify(input, received);
                },
                new UnsubscribeTokens(secrets),
                clock));

    for (int poll = 1; poll < ImapPoller.MAX_FAILURES; poll++) {
      PollResult r = fragile.poll(acme, box.id());
      assertThat(r.failed()).isEqualTo(1);
      assertThat(r.stored()).isZero(); // the later reply waits behind the failing one
      assertThat(imap.cursor(acme, box.id(), ImapPoller.FOLDER).failures()).isEqualTo(poll);
    }
    PollResult last = fragile.poll(acme, box.id());
    assertThat(last.failed()).isEqualTo(1);
    assertThat(last.stored()).isEqualTo(1);
    assertThat(repliesOf(fine.messageId())).isEqualTo(1);
    assertThat(repliesOf(poison.messageId())).isZero();
    ImapCursor cursor = imap.cursor(acme, box.id(), ImapPoller.FOLDER);
    assertThat(cursor.failedUid()).isNull();
    assertThat(fragile.poll(acme, box.id()).fetched()).isZero();
  }

  @Test
  void other_imap_settings_start_the_folder_from_the_beginning() throws Exception {
    Sent sent = send("Rita");
    deliver(reply(sent, "Interested."));
    poller.poll(acme, box.id());
    assertThat(imap.cursor(acme, box.id(), ImapPoller.FOLDER)).isNotNull();
    ImapMailboxes.Draft same =
        new ImapMailboxes.Draft("127.0.0.1", mail.getImap().getPort(), false, null);
    imap.configure(acme, box.id(), same, "admin");
    assertThat(imap.cursor(acme, box.id(), ImapPoller.FOLDER)).isNotNull();
    imap.configure(
        acme,
        box.id(),
        new ImapMailboxes.Draft("127.0.0.1", mail.getImap().getPort(), false, "sender"),
        "admin");
    assertThat(imap.cursor(acme, box.id(), ImapPoller.FOLDER)).isNull();
    imap.configure(acme, box.id(), same, "admin");
    PollResult again = poller.poll(acme, box.id());
    assertThat(again.fetched()).isEqualTo(inbox().size());
    assertThat(again.duplicates()).isPositive();
    assertThat(again.failed()).isZero();
    assertThat(repliesOf(sent.messageId())).isEqualTo(1);
  }

  private static String subject(StoredMessage m) {
    try {
      return m.getMimeMessage().getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
