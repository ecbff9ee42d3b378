package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.omnireach.testing.Dkim;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sending side through the real server: persona and follow-up thread over REST, a DKIM-signed
 * message (signed inside Liberty, verified here), a send window that defers, tenant holidays, and a
 * SendGrid mailbox whose official client talks to a local fake from inside Liberty.
 */
class OutboundApiIT {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  static WireMockServer sendGrid;

  @BeforeAll
  static void fake() throws Exception {
    sendGrid = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    sendGrid.start();
    E2eServer.awaitReady();
  }

  @AfterAll
  static void stop() {
    sendGrid.stop();
  }

  static HttpResponse<String> call(String method, String path, String token, String json)
      throws Exception {
    return E2e.send(method, path, token, json);
  }

  static String created(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201, 202);
    return E2e.field(r.body(), "id");
  }

  static String mailbox(String admin, String extra) throws Exception {
    String json =
        "{\"name\":\"Out "
            + UUID.randomUUID()
            + "\",\"host\":\"127.0.0.1\",\"port\":"
            + smtp.getSmtp().getPort()
            + ",\"tls\":false,\"fromAddress\":\"elena@acme.example\",\"fromName\":\"Elena\""
            + extra
            + "}";
    HttpResponse<String> r = E2e.sendOnceMigrated("POST", "/api/v1/mailboxes", admin, json);
    return created(r);
  }

  static String lead(String token, String email, String timezone) throws Exception {
    return created(
        call(
            "POST",
            "/api/v1/leads",
            token,
            "{\"firstName\":\"Ana\",\"email\":\""
                + email
                + "\""
                + (timezone == null ? "" : ",\"timezone\":\"" + timezone + "\"")
                + "}"));
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@leads.example";
  }

  static String settled(String token, String id) throws Exception {
    return E2e.settledMessage(token, id);
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

  @Test
  void persona_and_follow_up_thread_and_a_dkim_signature_made_inside_the_server() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair keys = g.generateKeyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\\n"
            + Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded())
            + "\\n-----END PRIVATE KEY-----";
    String box =
        mailbox(
            admin,
            ",\"dkimDomain\":\"acme.example\",\"dkimSelector\":\"s1\",\"dkimPrivateKey\":\""
                + pem
                + "\"");
    HttpResponse<String> boxJson = call("GET", "/api/v1/mailboxes/" + box, admin, null);
    assertThat(boxJson.body())
        .contains("\"hasDkimKey\":true", "\"dkimSelector\":\"s1\"", "\"provider\":\"smtp\"")
        .doesNotContain("PRIVATE KEY");
    HttpResponse<String> postal =
        call("PUT", "/api/v1/compliance", admin, "{\"postalAddress\":\"Acme Inc., Springfield\"}");
    assertThat(postal.statusCode()).as(postal.body()).isEqualTo(200);
    String personas = call("GET", "/api/v1/personas", sales, null).body();
    String personaId = E2e.field(personas, "id");
    String email = unique("thread");
    String leadId = lead(sales, email, null);

    String first =
        created(
            call(
                "POST",
                "/api/v1/leads/" + leadId + "/messages",
                sales,
                "{\"mailboxId\":"
                    + box
                    + ",\"subject\":\"Routing\",\"body\":\"Hi Ana\",\"personaId\":"
                    + personaId
                    + "}"));
    String firstJson = settled(sales, first);
    assertThat(E2e.field(firstJson, "status")).as(firstJson).isEqualTo("SENT");
    assertThat(firstJson).contains("\"personaId\":" + personaId, "\"attempts\":1");
    String second =
        created(
            call(
                "POST",
                "/api/v1/leads/" + leadId + "/messages",
                sales,
                "{\"mailboxId\":"
                    + box
                    + ",\"body\":\"Any thoughts?\",\"inReplyToMessageId\":"
                    + first
                    + "}"));
    String secondJson = settled(sales, second);
    assertThat(E2e.field(secondJson, "status")).as(secondJson).isEqualTo("SENT");
    assertThat(secondJson).contains("\"subject\":\"Re: Routing\"", "\"inReplyToId\":" + first);
    assertThat(
            call(
                    "POST",
                    "/api/v1/leads/" + lead(sales, unique("other"), null) + "/messages",
                    sales,
                    "{\"mailboxId\":"
                        + box
                        + ",\"body\":\"x\",\"inReplyToMessageId\":"
                        + first
                        + "}")
                .statusCode())
        .isEqualTo(400);

    List<MimeMessage> got = receivedBy(email);
    assertThat(got).hasSize(2);
    String firstId = got.get(0).getHeader("Message-ID", null);
    assertThat(got.get(1).getHeader("In-Reply-To", null)).isEqualTo(firstId);
    assertThat(got.get(1).getHeader("References", null)).isEqualTo(firstId);
    for (MimeMessage m : got) {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      m.writeTo(raw);
      // the ASCII postal address makes the text part 7bit, whose line ends SMTP rewrites
      assertThat(new String(raw.toByteArray(), StandardCharsets.ISO_8859_1))
          .contains("Content-Transfer-Encoding: 7bit");
      Dkim.verify(raw.toByteArray(), keys.getPublic());
    }
    // analytics per persona now names the persona
    String analytics = call("GET", "/api/v1/analytics/email?days=7", sales, null).body();
    assertThat(analytics.substring(analytics.indexOf("\"personas\"")))
        .contains("\"id\":" + personaId + ",\"name\":\"" + E2e.field(personas, "name") + "\"");
  }

  @Test
  void a_send_window_defers_and_holidays_and_sending_rules_are_settings() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String box = mailbox(admin, "");
    // a window on a day that is not today (UTC, and the lead is in UTC)
    DayOfWeek other = LocalDate.now(ZoneOffset.UTC).getDayOfWeek().plus(3);
    HttpResponse<String> rules =
        call(
            "PUT",
            "/api/v1/mailboxes/" + box + "/sending",
            admin,
            "{\"sendWindow\":{\"days\":[\""
                + other.name().substring(0, 3)
                + "\"],\"start\":\"09:00\",\"end\":\"17:00\"},\"minSpacingSeconds\":30,"
                + "\"timezone\":\"Europe/Berlin\",\"dailyCap\":20,\"smtpConnections\":4}");
    assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
    assertThat(rules.body())
        .contains(
            "\"minSpacingSeconds\":30",
            "\"timezone\":\"Europe/Berlin\"",
            "\"dailyCap\":20",
            "\"smtpConnections\":4",
            "\"start\":\"09:00\"");
    HttpResponse<String> tooMany =
        call(
            "PUT",
            "/api/v1/mailboxes/" + box + "/sending",
            admin,
            "{\"minSpacingSeconds\":30,\"timezone\":\"Europe/Berlin\",\"smtpConnections\":17}");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("smtpConnections");
    assertThat(
            call(
                    "PUT",
                    "/api/v1/mailboxes/" + box + "/sending",
                    admin,
                    "{\"timezone\":\"Mars/Base\"}")
                .statusCode())
        .isEqualTo(400);
    String sales = E2e.token("sales@acme.demo");
    assertThat(call("PUT", "/api/v1/mailboxes/" + box + "/sending", sales, "{}").statusCode())
        .isEqualTo(403);

    String email = unique("window");
    String leadId = lead(admin, email, "UTC");
    String id =
        created(
            call(
                "POST",
                "/api/v1/leads/" + leadId + "/messages",
                admin,
                "{\"mailboxId\":" + box + ",\"subject\":\"Later\",\"body\":\"B\"}"));
    String json =
        await("message " + id + " deferred")
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> call("GET", "/api/v1/messages/" + id, admin, null).body(),
                b -> b.contains("DEFERRED"));
    assertThat(json).contains("\"status\":\"QUEUED\"", "\"type\":\"DEFERRED\"", "\"notBefore\":");
    assertThat(json).contains("outside send window " + name(other) + " 09–17 UTC; next ");
    assertThat(receivedBy(email)).isEmpty();

    HttpResponse<String> holidays =
        call(
            "PUT",
            "/api/v1/compliance/holidays",
            admin,
            "{\"dates\":[\"2027-01-01\",\"2026-12-25\",\"2026-12-25\"]}");
    assertThat(holidays.statusCode()).as(holidays.body()).isEqualTo(200);
    assertThat(holidays.body()).isEqualTo("{\"dates\":[\"2026-12-25\",\"2027-01-01\"]}");
    assertThat(call("GET", "/api/v1/compliance/holidays", sales, null).body())
        .contains("2026-12-25");
    assertThat(
            call("PUT", "/api/v1/compliance/holidays", admin, "{\"dates\":[\"soon\"]}")
                .statusCode())
        .isEqualTo(400);
    assertThat(call("PUT", "/api/v1/compliance/holidays", admin, "{\"dates\":[]}").statusCode())
        .isEqualTo(200);
  }

  static String name(DayOfWeek d) {
    String n = d.name();
    return n.charAt(0) + n.substring(1, 3).toLowerCase();
  }

  @Test
  void a_sendgrid_mailbox_sends_through_the_official_client_inside_the_server() throws Exception {
    sendGrid.stubFor(
        post(urlEqualTo("/v3/mail/send"))
            .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-e2e")));
    String admin = E2e.token("admin@acme.demo");
    String key = "SG.e2e-" + UUID.randomUUID();
    String box =
        created(
            call(
                "POST",
                "/api/v1/mailboxes",
                admin,
                "{\"name\":\"SendGrid "
                    + UUID.randomUUID()
                    + "\",\"provider\":\"sendgrid\",\"apiKey\":\""
                    + key
                    + "\",\"apiBaseUrl\":\"http://127.0.0.1:"
                    + sendGrid.port()
                    + "\",\"fromAddress\":\"news@acme.example\",\"dailyCap\":100}"));
    assertThat(call("GET", "/api/v1/mailboxes", admin, null).body()).doesNotContain(key);
    String leadId = lead(admin, unique("sg"), null);
    String id =
        created(
            call(
                "POST",
                "/api/v1/leads/" + leadId + "/messages",
                admin,
                "{\"mailboxId\":" + box + ",\"subject\":\"Via SendGrid\",\"body\":\"Hello\"}"));
    String json = settled(admin, id);
    assertThat(E2e.field(json, "status")).as(json).isEqualTo("SENT");
    assertThat(json).contains("202 accepted sg-e2e");
    sendGrid.verify(
        postRequestedFor(urlEqualTo("/v3/mail/send"))
            .withHeader("Authorization", equalTo("Bearer " + key)));
    String body =
        sendGrid.findAll(postRequestedFor(urlEqualTo("/v3/mail/send"))).get(0).getBodyAsString();
    assertThat(new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .contains("\"omnireach_message_id\":\"" + id + "\"", "List-Unsubscribe");
  }
}
