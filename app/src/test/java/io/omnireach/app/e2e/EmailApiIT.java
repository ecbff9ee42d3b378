package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The email slice through the real server: a mailbox pointing at a GreenMail SMTP server that this
 * test runs on loopback, a send through the outbox relay inside Liberty (Jakarta Mail from its
 * mail-2.1 feature), the message as received, one-click unsubscribe, and tenant isolation.
 */
class EmailApiIT {

  static final String SMTP_PASSWORD = "smtp-pw-" + UUID.randomUUID();

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", SMTP_PASSWORD))
          .withPerMethodLifecycle(false);

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final List<String> bodies = new ArrayList<>();

  HttpResponse<String> call(String method, String path, String token, String json)
      throws Exception {
    HttpResponse<String> r = E2e.send(method, path, token, json);
    bodies.add(r.body());
    return r;
  }

  String mailbox(String admin) throws Exception {
    String json =
        "{\"name\":\"Outbound "
            + UUID.randomUUID()
            + "\",\"host\":\"127.0.0.1\",\"port\":"
            + smtp.getSmtp().getPort()
            + ",\"username\":\"relay\",\"password\":\""
            + SMTP_PASSWORD
            + "\",\"tls\":false,\"fromAddress\":\"elena@acme.example\","
            + "\"fromName\":\"Elena Marsh\",\"dailyCap\":50}";
    HttpResponse<String> r = E2e.sendOnceMigrated("POST", "/api/v1/mailboxes", admin, json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(r.body()).contains("\"hasPassword\":true", "\"host\":\"127.0.0.1\"");
    return E2e.field(r.body(), "id");
  }

  String lead(String sales, String email) throws Exception {
    HttpResponse<String> r =
        call(
            "POST",
            "/api/v1/leads",
            sales,
            "{\"firstName\":\"María\",\"lastName\":\"García\",\"email\":\"" + email + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return E2e.field(r.body(), "id");
  }

  String send(String token, String leadId, String mailboxId, String subject) throws Exception {
    HttpResponse<String> r =
        call(
            "POST",
            "/api/v1/leads/" + leadId + "/messages",
            token,
            "{\"mailboxId\":"
                + mailboxId
                + ",\"subject\":\""
                + subject
                + "\",\"body\":\"Hi María,\\n\\nWould a short call next week work?"
                + " https://acme.example/calendar?slot=1\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(E2e.field(r.body(), "status")).isEqualTo("QUEUED");
    return E2e.field(r.body(), "id");
  }

  /** Polls until the message has left QUEUED/SENDING; returns its JSON. */
  String settled(String token, String id) throws Exception {
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

  static HttpResponse<String> form(String method, String url, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/x-www-form-urlencoded")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void an_email_is_sent_through_the_outbox_and_one_click_unsubscribe_blocks_the_next()
      throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    String mailboxId = mailbox(admin);
    HttpResponse<String> postal =
        call(
            "PUT",
            "/api/v1/compliance",
            admin,
            "{\"postalAddress\":\"Acme Inc.\\n1 Main St, Springfield\"}");
    assertThat(postal.statusCode()).as(postal.body()).isEqualTo(200);
    assertThat(call("PUT", "/api/v1/compliance", sales, "{\"postalAddress\":\"x\"}").statusCode())
        .isEqualTo(403);
    assertThat(call("GET", "/api/v1/compliance", sales, null).body())
        .contains("1 Main St, Springfield");
    String email = "email-" + UUID.randomUUID().toString().substring(0, 8) + "@leads.example";
    String leadId = lead(sales, email);

    String messageId = send(sales, leadId, mailboxId, "Routing at Northwind");
    String sent = settled(sales, messageId);
    assertThat(E2e.field(sent, "status")).as(sent).isEqualTo("SENT");
    assertThat(sent).contains("\"type\":\"QUEUED\"", "\"type\":\"SENDING\"", "\"type\":\"SENT\"");

    List<MimeMessage> got = receivedBy(email);
    assertThat(got).hasSize(1);
    MimeMessage m = got.get(0);
    assertThat(m.getSubject()).isEqualTo("Routing at Northwind");
    assertThat(m.getHeader("Message-ID", null)).matches("<[0-9a-f-]{36}@omnireach>");
    assertThat(m.getHeader("X-OmniReach-Idempotency-Key", null)).startsWith("acme:api:");
    assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    String listUnsubscribe = m.getHeader("List-Unsubscribe", null);
    Matcher url = Pattern.compile("^<(http[^>]+)>, <mailto:[^>]+>$").matcher(listUnsubscribe);
    assertThat(url.matches()).as(listUnsubscribe).isTrue();
    String unsubscribeUrl = url.group(1);
    assertThat(unsubscribeUrl).startsWith(E2e.BASE_URL + "/unsubscribe/acme.");
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"))
        .contains(
            "Would a short call",
            "Elena Marsh",
            "Acme Inc.\n1 Main St, Springfield",
            unsubscribeUrl);
    assertThat((String) parts.getBodyPart(1).getContent())
        .contains(
            "Would a short call",
            "Elena Marsh",
            "Acme Inc.<br>1 Main St, Springfield",
            "href=\"" + unsubscribeUrl + "\"");

    // open pixel and click redirect, only to the URL that was in the message
    String html = (String) parts.getBodyPart(1).getContent();
    Matcher click = Pattern.compile("<a href=\"(" + E2e.BASE_URL + "/t/c/[^\"]+)\"").matcher(html);
    Matcher pixel = Pattern.compile("<img src=\"(" + E2e.BASE_URL + "/t/o/[^\"]+)\"").matcher(html);
    assertThat(click.find()).as(html).isTrue();
    assertThat(pixel.find()).as(html).isTrue();
    HttpResponse<String> redirect = form("GET", click.group(1), null);
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Location"))
        .hasValue("https://acme.example/calendar?slot=1");
    assertThat(form("GET", click.group(1).replace("/t/c/acme.", "/t/c/globex."), null).statusCode())
        .isEqualTo(404);
    HttpResponse<String> gif = form("GET", pixel.group(1), null);
    assertThat(gif.statusCode()).isEqualTo(200);
    assertThat(gif.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("image/gif"));
    assertThat(settled(sales, messageId)).contains("\"type\":\"CLICKED\"", "\"type\":\"OPENED\"");

    // the page asks first; a tampered token is 404 and records nothing
    HttpResponse<String> page = form("GET", unsubscribeUrl, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form method=\"post\"", "e•••@leads.example");
    String tampered =
        unsubscribeUrl.substring(0, unsubscribeUrl.length() - 3)
            + (unsubscribeUrl.endsWith("xyz") ? "abc" : "xyz");
    assertThat(form("POST", tampered, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(404);
    assertThat(form("GET", tampered, null).statusCode()).isEqualTo(404);
    assertThat(settled(sales, messageId)).doesNotContain("UNSUBSCRIBED");

    // RFC 8058 one-click POST, as a mail client sends it
    HttpResponse<String> done = form("POST", unsubscribeUrl, "List-Unsubscribe=One-Click");
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("unsubscribed");
    assertThat(settled(sales, messageId)).contains("\"type\":\"UNSUBSCRIBED\"");

    String second = settled(sales, send(sales, leadId, mailboxId, "Following up"));
    assertThat(E2e.field(second, "status")).as(second).isEqualTo("BLOCKED");
    assertThat(E2e.field(second, "reason")).isEqualTo("UNSUBSCRIBED");
    assertThat(receivedBy(email)).hasSize(1);

    assertThat(bodies).noneMatch(b -> b.contains(SMTP_PASSWORD));
    assertThat(call("GET", "/api/v1/mailboxes", admin, null).body())
        .contains("\"id\":" + mailboxId)
        .doesNotContain(SMTP_PASSWORD);
  }

  @Test
  void the_next_draft_follows_up_on_the_sent_email() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    String mailboxId = mailbox(admin);
    String leadId =
        lead(sales, "history-" + UUID.randomUUID().toString().substring(0, 8) + "@leads.example");
    String messageId = send(sales, leadId, mailboxId, "Customs at Vandelay");
    assertThat(E2e.field(settled(sales, messageId), "status")).isEqualTo("SENT");
    HttpResponse<String> persona =
        call(
            "POST",
            "/api/v1/personas",
            admin,
            "{\"name\":\"History "
                + UUID.randomUUID()
                + "\",\"role\":\"Account Executive\",\"tone\":{\"formality\":50,"
                + "\"detail\":40,\"warmth\":50}}");
    assertThat(persona.statusCode()).as(persona.body()).isEqualTo(201);
    String personaId = E2e.field(persona.body(), "id");

    // the history sweep embeds the sent email a moment later; then drafts cite it
    JsonNode draft =
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    Knowledge.json(
                        call(
                            "POST",
                            "/api/v1/leads/" + leadId + "/drafts",
                            sales,
                            "{\"personaId\":" + personaId + "}")),
                d -> d.path("sources").size() > 0);
    JsonNode source = draft.path("sources").get(0);
    assertThat(source.path("kind").asText()).isEqualTo("message");
    assertThat(source.path("id").asText()).isEqualTo(messageId);
    assertThat(source.path("title").asText()).endsWith(": Customs at Vandelay");
    assertThat(draft.path("offline").asBoolean()).isTrue();
    assertThat(draft.path("body").asText()).contains("about “Customs at Vandelay”.");

    // another tenant cannot draft for this lead at all
    assertThat(
            call(
                    "POST",
                    "/api/v1/leads/" + leadId + "/drafts",
                    E2e.token("admin@globex.demo"),
                    "{\"personaId\":" + personaId + "}")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void do_not_contact_leads_are_blocked_and_shown_with_the_reason() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String mailboxId = mailbox(admin);
    String email = "dnc-" + UUID.randomUUID().toString().substring(0, 8) + "@leads.example";
    String leadId = lead(admin, email);
    HttpResponse<String> patched =
        call("PATCH", "/api/v1/leads/" + leadId, admin, "{\"doNotContact\":true}");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    String blocked = settled(admin, send(admin, leadId, mailboxId, "Hello"));
    assertThat(E2e.field(blocked, "status")).isEqualTo("BLOCKED");
    assertThat(E2e.field(blocked, "reason")).isEqualTo("DO_NOT_CONTACT");
    assertThat(receivedBy(email)).isEmpty();
  }

  @Test
  void other_tenants_get_404_and_roles_are_enforced() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    String viewer = E2e.token("viewer@acme.demo");
    String globex = E2e.token("admin@globex.demo");
    String mailboxId = mailbox(admin);
    String leadId =
        lead(sales, "iso-" + UUID.randomUUID().toString().substring(0, 8) + "@leads.example");
    String messageId = send(sales, leadId, mailboxId, "Isolation");

    assertThat(call("GET", "/api/v1/messages/" + messageId, globex, null).statusCode())
        .isEqualTo(404);
    assertThat(call("GET", "/api/v1/mailboxes/" + mailboxId, globex, null).statusCode())
        .isEqualTo(404);
    assertThat(call("DELETE", "/api/v1/mailboxes/" + mailboxId, globex, null).statusCode())
        .isEqualTo(404);
    assertThat(call("GET", "/api/v1/mailboxes", globex, null).body())
        .doesNotContain("\"id\":" + mailboxId + ",");
    assertThat(
            call(
                    "POST",
                    "/api/v1/leads/" + leadId + "/messages",
                    globex,
                    "{\"mailboxId\":" + mailboxId + ",\"subject\":\"x\",\"body\":\"y\"}")
                .statusCode())
        .isEqualTo(404);

    assertThat(
            call("POST", "/api/v1/mailboxes", sales, "{\"name\":\"x\",\"host\":\"127.0.0.1\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(call("DELETE", "/api/v1/mailboxes/" + mailboxId, sales, null).statusCode())
        .isEqualTo(403);
    assertThat(
            call(
                    "POST",
                    "/api/v1/leads/" + leadId + "/messages",
                    viewer,
                    "{\"mailboxId\":" + mailboxId + ",\"subject\":\"x\",\"body\":\"y\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(call("GET", "/api/v1/messages/" + messageId, viewer, null).statusCode())
        .isEqualTo(200);

    HttpResponse<String> bad =
        call(
            "POST",
            "/api/v1/leads/" + leadId + "/messages",
            sales,
            "{\"mailboxId\":"
                + mailboxId
                + ",\"subject\":\"a\\r\\nBcc: x@evil.example\",\"body\":\"y\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(E2e.field(bad.body(), "field")).isEqualTo("subject");

    settled(sales, messageId);
    assertThat(call("DELETE", "/api/v1/mailboxes/" + mailboxId, admin, null).statusCode())
        .isEqualTo(204);
    assertThat(call("GET", "/api/v1/mailboxes/" + mailboxId, admin, null).statusCode())
        .isEqualTo(404);
    assertThat(bodies).noneMatch(b -> b.contains(SMTP_PASSWORD));
  }
}
