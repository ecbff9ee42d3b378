package io.omnireach.channel.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bounces that do not answer our Message-ID (no In-Reply-To/References to it): realistic delivery
 * reports of Postfix, Gmail, Exchange and Exim, filled in with a message just sent through the
 * product path, delivered to the mailbox's IMAP inbox and polled. Hard bounces suppress the address
 * as BOUNCED like the existing DSN path; soft ones (4.x.x) do not. A bounce must prove which
 * message of ours it returns (our Message-ID, or the signed unsubscribe link of the returned
 * original when a relay rewrote the Message-ID): anyone can send the inbox a report that names an
 * address, so forged ones suppress nobody.
 */
class BouncesTest extends InboundFixture {

  static String sample(String name, Sent sent, Map<String, String> extra) throws IOException {
    String text;
    try (InputStream in = BouncesTest.class.getResourceAsStream("/dsn/" + name)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String headers =
        "Message-ID: "
            + sent.rfcId()
            + "\r\nFrom: Elena Marsh <sales@acme.example>\r\nTo: "
            + sent.email()
            + "\r\nSubject: Hello\r\n";
    text =
        text.replace("{{DATE}}", new MailDateFormat().format(new Date()))
            .replace("{{UNIQUE}}", UUID.randomUUID().toString().substring(24))
            .replace("{{EMAIL_UPPER}}", sent.email().toUpperCase(Locale.ROOT))
            .replace("{{EMAIL}}", sent.email())
            .replace("{{LOCAL}}", sent.email().substring(0, sent.email().indexOf('@')))
            .replace("{{KEY}}", sent.idempotencyKey())
            .replace("{{MESSAGE_ID}}", sent.rfcId())
            .replace("{{UNSUBSCRIBE_URL}}", sent.unsubscribeUrl())
            .replace(
                "{{HEADERS_BASE64}}",
                Base64.getMimeEncoder()
                    .encodeToString(headers.getBytes(StandardCharsets.US_ASCII)));
    for (var e : extra.entrySet()) {
      text = text.replace("{{" + e.getKey() + "}}", e.getValue());
    }
    return text;
  }

  static void assertHardBounce(Sent sent, String how) {
    assertThat(suppression(sent.email())).isEqualTo("BOUNCED");
    ReplyView r = replyTo(sent.messageId());
    assertThat(r.classification()).isEqualTo(ReplyClass.BOUNCE);
    assertThat(r.classifier()).isEqualTo(ReplyClassifier.OFFLINE);
    assertThat(r.rationale()).startsWith("Hard bounce").contains("matched by " + how);
    assertThat(events(sent.messageId())).contains("BOUNCED").doesNotContain("REPLIED");
    assertThat(stage(sent.leadId())).isEqualTo("contacted");
  }

  @Test
  void postfix_report_is_matched_by_the_signed_unsubscribe_link_in_the_returned_headers()
      throws Exception {
    Sent sent = send("Ghost");
    MimeMessage dsn = parse(sample("postfix-hard.eml", sent, Map.of()));
    assertThat(dsn.getHeader("In-Reply-To")).isNull();
    assertThat(sample("postfix-hard.eml", sent, Map.of())).doesNotContain(sent.rfcId());

    DeliveryReport report = DeliveryReport.read(dsn, null);
    assertThat(report.addresses()).containsExactly(sent.email());
    assertThat(report.unsubscribeTokens()).containsExactly(token(sent));
    assertThat(report.recipients().get(0).status()).isEqualTo("5.1.1");
    assertThat(report.recipients().get(0).diagnostic()).contains("User unknown");
    assertThat(report.soft()).isFalse();

    deliver(dsn);
    PollResult r = poller.poll(acme, box.id());
    assertThat(r.stored()).isEqualTo(1);
    assertHardBounce(sent, "unsubscribe link");
    assertThat(replyTo(sent.messageId()).rationale()).contains("5.1.1", sent.email());
  }

  @Test
  void gmail_report_with_a_rewritten_message_id_is_matched_by_the_returned_unsubscribe_link()
      throws Exception {
    Sent sent = send("Nobody");
    MimeMessage dsn = parse(sample("gmail-hard.eml", sent, Map.of()));
    DeliveryReport report = DeliveryReport.read(dsn, null);
    assertThat(report.addresses()).containsExactly(sent.email());
    assertThat(report.messageIds()).containsExactly("<CAFx9y=2kq8XQ@mail.gmail.com>");
    assertThat(report.soft()).isFalse();

    deliver(dsn);
    assertThat(poller.poll(acme, box.id()).stored()).isEqualTo(1);
    assertHardBounce(sent, "unsubscribe link");
  }

  @Test
  void exchange_report_is_matched_by_the_message_id_in_its_encoded_returned_headers()
      throws Exception {
    Sent sent = send("Absent");
    String source = sample("exchange-hard.eml", sent, Map.of());
    assertThat(source).doesNotContain(sent.rfcId()); // base64: a text scan cannot find it
    MimeMessage dsn = parse(source);
    DeliveryReport report = DeliveryReport.read(dsn, null);
    assertThat(report.messageIds()).containsExactly(sent.rfcId());
    assertThat(report.addresses()).containsExactly(sent.email()); // lower-cased
    assertThat(report.recipients().get(0).status()).isEqualTo("5.1.10");

    deliver(dsn);
    assertThat(poller.poll(acme, box.id()).stored()).isEqualTo(1);
    assertHardBounce(sent, "Message-ID");
  }

  @Test
  void exim_bounce_without_a_report_is_matched_by_the_unsubscribe_link_in_its_quoted_copy()
      throws Exception {
    Sent sent = send("Full");
    deliver(parse(sample("exim-hard.eml", sent, Map.of())));
    assertThat(poller.poll(acme, box.id()).stored()).isEqualTo(1);
    assertHardBounce(sent, "unsubscribe link");
  }

  @Test
  void a_delayed_report_is_a_soft_bounce_and_suppresses_nothing() throws Exception {
    Sent sent = send("Slow");
    MimeMessage dsn =
        parse(
            sample(
                "postfix-delayed.eml",
                sent,
                Map.of(
                    "ACTION", "delayed",
                    "STATUS", "4.4.1",
                    "STATUS_TEXT",
                        "connect to mx.leads.example[10.0.0.5]:25: Connection refused")));
    assertThat(DeliveryReport.read(dsn, null).soft()).isTrue();
    deliver(dsn);
    assertThat(poller.poll(acme, box.id()).stored()).isEqualTo(1);

    assertThat(suppression(sent.email())).isNull();
    ReplyView r = replyTo(sent.messageId());
    assertThat(r.classification()).isEqualTo(ReplyClass.BOUNCE);
    assertThat(r.rationale()).startsWith("Soft bounce 4.4.1").contains("not suppressed");
    assertThat(events(sent.messageId())).contains("SOFT_BOUNCED").doesNotContain("BOUNCED");
  }

  @Test
  void a_failed_report_with_a_temporary_status_suppresses_nothing() throws Exception {
    Sent sent = send("Quota");
    deliver(
        parse(
            sample(
                "postfix-delayed.eml",
                sent,
                Map.of(
                    "ACTION", "failed",
                    "STATUS", "4.2.2",
                    "STATUS_TEXT", "452 4.2.2 Mailbox full"))));
    assertThat(poller.poll(acme, box.id()).stored()).isEqualTo(1);
    assertThat(suppression(sent.email())).isNull();
    assertThat(events(sent.messageId())).contains("SOFT_BOUNCED").doesNotContain("BOUNCED");
  }

  @Test
  void a_forged_bounce_with_only_x_failed_recipients_suppresses_nobody() throws Exception {
    Sent victim = send("Victim");
    deliver(
        parse(
            "From: Mail Delivery System <Mailer-Daemon@mx.evil.example>\n"
                + "To: sales@acme.example\n"
                + "Subject: Mail delivery failed: returning message to sender\n"
                + "Message-ID: <forged-1@mx.evil.example>\n"
                + "X-Failed-Recipients: "
                + victim.email()
                + "\nAuto-Submitted: auto-replied\n\n"
                + "A message that you sent could not be delivered. This is a permanent error.\n\n  "
                + victim.email()
                + "\n    550 5.1.1 user unknown\n"));
    PollResult r = poller.poll(acme, box.id());
    assertThat(r.unmatched()).isEqualTo(1);
    assertThat(r.stored()).isZero();
    assertThat(suppression(victim.email())).isNull();
    assertThat(events(victim.messageId())).doesNotContain("BOUNCED");
  }

  @Test
  void a_forged_report_with_a_guessed_idempotency_key_and_a_forged_link_suppresses_nobody()
      throws Exception {
    Sent victim = send("Target");
    Sent other = send("Bystander");
    String genuine = token(victim);
    String forgedMac =
        genuine.substring(0, genuine.length() - 2) + (genuine.endsWith("AA") ? "BB" : "AA");
    String otherMessage =
        genuine.replace("." + victim.messageId() + ".", "." + other.messageId() + ".");
    for (String forgedToken : new String[] {forgedMac, otherMessage}) {
      // the idempotency key is guessable (tenant:wf:<run>:<node>, or the API caller's own key)
      Sent forged =
          new Sent(
              victim.leadId(),
              victim.messageId(),
              victim.email(),
              "<20261124095958.77abc@relay.acme.example>",
              victim.idempotencyKey(),
              victim.unsubscribeUrl().replace(genuine, forgedToken));
      deliver(parse(sample("postfix-hard.eml", forged, Map.of())));
    }
    PollResult r = poller.poll(acme, box.id());
    assertThat(r.unmatched()).isEqualTo(2);
    assertThat(r.stored()).isZero();
    assertThat(suppression(victim.email())).isNull();
    assertThat(suppression(other.email())).isNull();
  }

  @Test
  void a_report_for_another_address_carrying_our_link_suppresses_nobody() throws Exception {
    // e.g. the lead forwarded our mail and the forward bounced back to us
    Sent sent = send("Forwarder");
    Sent forward =
        new Sent(
            sent.leadId(),
            sent.messageId(),
            "colleague-" + sent.email(),
            "<1@relay.acme.example>",
            sent.idempotencyKey(),
            sent.unsubscribeUrl());
    deliver(parse(sample("postfix-hard.eml", forward, Map.of())));
    PollResult r = poller.poll(acme, box.id());
    assertThat(r.unmatched()).isEqualTo(1);
    assertThat(suppression(sent.email())).isNull();
  }

  static String token(Sent sent) {
    return sent.unsubscribeUrl().substring(sent.unsubscribeUrl().lastIndexOf('/') + 1);
  }
}
