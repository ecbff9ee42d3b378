package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The e2e server's system mail lands in GreenMail on the fixed loopback port {@code
 * omnireach.e2e.smtp.port} (server.env points OMNIREACH_SMTP_* at it); helpers to find a mail, read
 * the link in it, and make a member with a known password through a real invitation.
 */
final class SystemMails {

  static final int PORT = Integer.getInteger("omnireach.e2e.smtp.port", 3925);
  static final ObjectMapper JSON = new ObjectMapper();

  private SystemMails() {}

  static GreenMailExtension greenMail() {
    ServerSetup setup = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    // the default 2 s is too short on a busy 2-core machine (a start-up timeout, not a taken port)
    setup.setServerStartupTimeout(15_000);
    return new GreenMailExtension(setup).withPerMethodLifecycle(false);
  }

  /** The mails GreenMail holds for one recipient. */
  static List<MimeMessage> to(GreenMailExtension smtp, String recipient) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  /** Waits (up to 30 s; the relay sweeps every second) for the n-th mail to a recipient. */
  static MimeMessage await(GreenMailExtension smtp, String recipient, int n) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      List<MimeMessage> mails = to(smtp, recipient);
      if (mails.size() >= n) {
        return mails.get(n - 1);
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("No mail #" + n + " to " + recipient + " within 30 s");
      }
      // blocks until one more mail (to anyone) arrives, or a second passed
      smtp.waitForIncomingEmail(1_000, smtp.getReceivedMessages().length + 1);
    }
  }

  /** The decoded text/plain (part 0) or text/html (part 1) of a system mail. */
  static String part(MimeMessage mail, int index) {
    try {
      return (String) ((MimeMultipart) mail.getContent()).getBodyPart(index).getContent();
    } catch (MessagingException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The token of the first link to {@code path} in the mail's text. */
  static String token(MimeMessage mail, String path) {
    Matcher m =
        Pattern.compile(Pattern.quote(E2e.BASE_URL + path) + "\\?token=([A-Za-z0-9_-]+)")
            .matcher(part(mail, 0));
    assertThat(m.find()).as("a " + path + " link in the mail").isTrue();
    return m.group(1);
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  /** A Globex member with this password, made through a real invitation email. */
  static void newMember(GreenMailExtension smtp, String email, String password) throws Exception {
    HttpResponse<String> invited =
        E2e.send(
            "POST",
            "/api/v1/invitations",
            E2e.token("admin@globex.demo"),
            JSON.createObjectNode().put("email", email).put("role", "Sales").toString());
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    String token = token(await(smtp, email, 1), "/accept-invitation");
    HttpResponse<String> accepted =
        E2e.send(
            "POST",
            "/api/v1/invitations/accept",
            null,
            JSON.createObjectNode()
                .put("token", token)
                .put("displayName", "Mia Mail")
                .put("password", password)
                .toString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
  }
}
