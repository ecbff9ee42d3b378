package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/analytics/email} through the real server: a real send counts for its tenant
 * only, a proxy's pixel fetch is flagged and not an open, roles and range are checked.
 */
class AnalyticsApiIT {

  static final String SMTP_PASSWORD = "smtp-pw-" + UUID.randomUUID();

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", SMTP_PASSWORD))
          .withPerMethodLifecycle(false);

  static String analytics(String token) throws Exception {
    HttpResponse<String> r = E2e.send("GET", "/api/v1/analytics/email?days=7", token, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  static long total(String json, String name) {
    Matcher m = Pattern.compile("\"totals\":\\{[^}]*\"" + name + "\":([0-9]+)[,}]").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return Long.parseLong(m.group(1));
  }

  static long top(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":([0-9]+)[,}]").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return Long.parseLong(m.group(1));
  }

  /**
   * Creates a mailbox on the given GreenMail server, sends one message to a new lead through the
   * real outbox and returns it as received.
   */
  static MimeMessage sendOne(String admin, GreenMailExtension smtp, String smtpPassword)
      throws Exception {
    String box =
        "{\"name\":\"Analytics "
            + UUID.randomUUID()
            + "\",\"host\":\"127.0.0.1\",\"port\":"
            + smtp.getSmtp().getPort()
            + ",\"username\":\"relay\",\"password\":\""
            + smtpPassword
            + "\",\"tls\":false,\"fromAddress\":\"elena@acme.example\",\"dailyCap\":50}";
    HttpResponse<String> r = E2e.sendOnceMigrated("POST", "/api/v1/mailboxes", admin, box);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String mailboxId = E2e.field(r.body(), "id");

    String email = "stats-" + UUID.randomUUID().toString().substring(0, 8) + "@leads.example";
    r = E2e.send("POST", "/api/v1/leads", admin, "{\"email\":\"" + email + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String leadId = E2e.field(r.body(), "id");
    r =
        E2e.send(
            "POST",
            "/api/v1/leads/" + leadId + "/messages",
            admin,
            "{\"mailboxId\":" + mailboxId + ",\"subject\":\"Numbers\",\"body\":\"Hello.\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String messageId = E2e.field(r.body(), "id");
    assertThat(E2e.field(E2e.settledMessage(admin, messageId), "status")).isEqualTo("SENT");

    MimeMessage got =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return m.getAllRecipients()[0].toString().equals(email);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .findFirst()
            .orElseThrow();
    return got;
  }

  @Test
  void a_send_counts_for_its_tenant_only_and_proxy_opens_are_flagged() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String globex = E2e.token("admin@globex.demo");
    String globexBefore = analytics(globex);

    String acmeBefore = analytics(admin);
    MimeMessage got = sendOne(admin, smtp, SMTP_PASSWORD);
    String html = (String) ((MimeMultipart) got.getContent()).getBodyPart(1).getContent();
    Matcher pixel = Pattern.compile("<img src=\"(" + E2e.BASE_URL + "/t/o/[^\"]+)\"").matcher(html);
    assertThat(pixel.find()).as(html).isTrue();
    HttpResponse<String> gif =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(pixel.group(1)))
                    .header(
                        "User-Agent",
                        "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0"
                            + " (via ggpht.com GoogleImageProxy)")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(gif.statusCode()).isEqualTo(200);

    String acmeAfter = analytics(admin);
    assertThat(total(acmeAfter, "sent")).isEqualTo(total(acmeBefore, "sent") + 1);
    assertThat(top(acmeAfter, "proxyOpens")).isEqualTo(top(acmeBefore, "proxyOpens") + 1);
    assertThat(total(acmeAfter, "opened")).isEqualTo(total(acmeBefore, "opened"));
    assertThat(acmeAfter).contains("\"daily\":[", "\"mailboxes\":[", "\"openRate\":");

    String globexAfter = analytics(globex);
    assertThat(total(globexAfter, "sent")).isEqualTo(total(globexBefore, "sent")).isZero();
    assertThat(globexAfter).doesNotContain("Analytics ");
  }

  @Test
  void range_and_roles_are_checked() throws Exception {
    String viewer = E2e.token("viewer@acme.demo");
    assertThat(E2e.send("GET", "/api/v1/analytics/email", viewer, null).body())
        .contains("\"days\":30");
    HttpResponse<String> bad = E2e.send("GET", "/api/v1/analytics/email?days=0", viewer, null);
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(E2e.send("GET", "/api/v1/analytics/email", null, null).statusCode()).isEqualTo(401);
  }
}
