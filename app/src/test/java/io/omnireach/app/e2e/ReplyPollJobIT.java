package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scheduled path: nobody calls poll; the {@code reply-poll} Jakarta Batch job started by the
 * managed scheduler (every 2 s on the end-to-end server) reads the reply and the lead moves on.
 */
class ReplyPollJobIT {

  static final String PASSWORD = "pw-" + UUID.randomUUID();

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("jobbox", PASSWORD))
          .withPerMethodLifecycle(false);

  @Test
  void the_scheduled_job_stores_an_unsubscribe_reply_and_suppresses_the_address() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String json =
        "{\"name\":\"Job "
            + UUID.randomUUID()
            + "\",\"host\":\"127.0.0.1\",\"port\":"
            + mail.getSmtp().getPort()
            + ",\"username\":\"jobbox\",\"password\":\""
            + PASSWORD
            + "\",\"tls\":false,\"fromAddress\":\"elena@acme.example\"}";
    HttpResponse<String> r = E2e.sendOnceMigrated("POST", "/api/v1/mailboxes", admin, json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String mailboxId = E2e.field(r.body(), "id");
    r =
        E2e.send(
            "PUT",
            "/api/v1/mailboxes/" + mailboxId + "/imap",
            admin,
            "{\"host\":\"127.0.0.1\",\"port\":" + mail.getImap().getPort() + ",\"tls\":false}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);

    String email = "job-" + UUID.randomUUID().toString().substring(0, 8) + "@leads.example";
    r =
        E2e.send(
            "POST",
            "/api/v1/leads",
            admin,
            "{\"firstName\":\"Jonas\",\"email\":\"" + email + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String leadId = E2e.field(r.body(), "id");
    r =
        E2e.send(
            "POST",
            "/api/v1/leads/" + leadId + "/messages",
            admin,
            "{\"mailboxId\":" + mailboxId + ",\"subject\":\"Hallo Jonas\",\"body\":\"Hallo\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String messageId = E2e.field(r.body(), "id");

    MimeMessage sent = SystemMails.await(mail, email, 1);

    MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
    reply.setFrom(new InternetAddress(email));
    reply.setRecipients(Message.RecipientType.TO, "elena@acme.example");
    reply.setSubject("AW: Hallo Jonas");
    reply.setHeader("References", "<x@elsewhere> " + sent.getMessageID());
    reply.setText(
        "Bitte tragen Sie mich aus Ihrem Verteiler aus, ich möchte mich abmelden.", "UTF-8");
    reply.saveChanges();
    mail.getUserManager().getUser("jobbox").deliver(reply);

    r =
        await("the scheduled poll finds the reply")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> E2e.send("GET", "/api/v1/messages/" + messageId, admin, null),
                m -> m.body().contains("\"type\":\"UNSUBSCRIBED\""));
    assertThat(r.body()).contains("\"type\":\"REPLIED\"", "UNSUBSCRIBE");
    r = E2e.send("GET", "/api/v1/replies?classification=UNSUBSCRIBE", admin, null);
    assertThat(r.body()).contains("\"messageId\":" + messageId + ",");
  }
}
