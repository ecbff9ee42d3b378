package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Replies through the real server: a mailbox with SMTP and IMAP on a GreenMail server of this test,
 * a message sent by the outbox relay, a reply put into the IMAP inbox, a poll by REST, the reply
 * listed, the message's REPLIED event; another tenant sees nothing.
 */
class RepliesApiIT {

  static final String PASSWORD = "pw-" + UUID.randomUUID();

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("inbox", PASSWORD))
          .withPerMethodLifecycle(false);

  HttpResponse<String> call(String method, String path, String token, String json)
      throws Exception {
    return E2e.send(method, path, token, json);
  }

  @Test
  void a_reply_is_polled_stored_once_listed_and_recorded_on_the_message() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String sales = E2e.token("sales@acme.demo");
    String viewer = E2e.token("viewer@acme.demo");
    String globex = E2e.token("admin@globex.demo");

    String json =
        "{\"name\":\"Replies "
            + UUID.randomUUID()
            + "\",\"host\":\"127.0.0.1\",\"port\":"
            + mail.getSmtp().getPort()
            + ",\"username\":\"inbox\",\"password\":\""
            + PASSWORD
            + "\",\"tls\":false,\"fromAddress\":\"elena@acme.example\",\"fromName\":\"Elena\"}";
    HttpResponse<String> r = E2e.sendOnceMigrated("POST", "/api/v1/mailboxes", admin, json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String mailboxId = E2e.field(r.body(), "id");

    String imap =
        "{\"host\":\"127.0.0.1\",\"port\":" + mail.getImap().getPort() + ",\"tls\":false}";
    r = call("PUT", "/api/v1/mailboxes/" + mailboxId + "/imap", sales, imap);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    r = call("PUT", "/api/v1/mailboxes/" + mailboxId + "/imap", admin, imap);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);

    String email = "reply-" + UUID.randomUUID().toString().substring(0, 8) + "@leads.example";
    r =
        call(
            "POST",
            "/api/v1/leads",
            sales,
            "{\"firstName\":\"Marta\",\"lastName\":\"Ruiz\",\"email\":\"" + email + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String leadId = E2e.field(r.body(), "id");
    r =
        call(
            "POST",
            "/api/v1/leads/" + leadId + "/messages",
            sales,
            "{\"mailboxId\":" + mailboxId + ",\"subject\":\"Hola Marta\",\"body\":\"Hola\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String messageId = E2e.field(r.body(), "id");

    MimeMessage sent = SystemMails.await(mail, email, 1);

    MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
    reply.setFrom(new InternetAddress(email));
    reply.setRecipients(Message.RecipientType.TO, "elena@acme.example");
    reply.setSubject("RE: Hola Marta");
    reply.setHeader("In-Reply-To", sent.getMessageID());
    reply.setText("Me interesa, ¿hablemos el jueves?", "UTF-8");
    reply.saveChanges();
    mail.getUserManager().getUser("inbox").deliver(reply);

    r = call("POST", "/api/v1/mailboxes/" + mailboxId + "/poll", viewer, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    r = call("POST", "/api/v1/mailboxes/" + mailboxId + "/poll", globex, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
    r = call("POST", "/api/v1/mailboxes/" + mailboxId + "/poll", sales, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(E2e.field(r.body(), "failed")).isEqualTo("0");
    r = call("POST", "/api/v1/mailboxes/" + mailboxId + "/poll", sales, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(E2e.field(r.body(), "stored")).isEqualTo("0");

    r = call("GET", "/api/v1/replies?classification=interested", viewer, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String needle = "\"messageId\":" + messageId + ",";
    assertThat(r.body().split(java.util.regex.Pattern.quote(needle), -1)).hasSize(2);
    assertThat(r.body()).contains("\"leadName\":\"Marta Ruiz\"", "Me interesa");
    // no AI key in this tenant: the offline rules decided, and the reply says so
    assertThat(r.body())
        .contains(
            "\"classifier\":\"offline\"",
            "\"sentiment\":\"positive\"",
            "\"classifierFallback\":null");

    r = call("GET", "/api/v1/replies", globex, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).doesNotContain(needle).doesNotContain(email);

    r = call("GET", "/api/v1/messages/" + messageId, sales, null);
    assertThat(r.body()).contains("\"type\":\"REPLIED\"", "INTERESTED");
    r = call("GET", "/api/v1/leads/" + leadId, sales, null);
    assertThat(E2e.field(r.body(), "stage")).isEqualTo("replied");

    // the positive reply moved the lead's relationship score, explained, with its sentiment
    r = call("GET", "/api/v1/leads/" + leadId + "/relationship", viewer, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode rel = new ObjectMapper().readTree(r.body());
    assertThat(rel.get("score").asInt()).isBetween(40, 100);
    assertThat(rel.get("parts").findValuesAsText("name")).contains("Replies", "Sentiment");
    assertThat(rel.get("parts").get(0).get("why").asText()).isNotBlank();
    assertThat(rel.get("sentiment")).hasSize(1);
    assertThat(rel.get("sentiment").get(0).get("sentiment").asText()).isEqualTo("positive");
    assertThat(rel.get("sentiment").get(0).get("messageId").asText()).isEqualTo(messageId);
    r = call("GET", "/api/v1/leads/" + leadId, sales, null);
    assertThat(new ObjectMapper().readTree(r.body()).get("relationshipScore").asInt())
        .isEqualTo(rel.get("score").asInt());
    // another tenant's lead id is not found, the body says nothing about it
    r = call("GET", "/api/v1/leads/" + leadId + "/relationship", globex, null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).doesNotContain("Replies");
    assertThat(E2e.get("/openapi", null).body())
        .contains("/api/v1/leads/{leadId}/relationship", "a warm lead");

    r = call("GET", "/api/v1/replies?classification=nope", viewer, null);
    assertThat(r.statusCode()).isEqualTo(400);

    try (Browser browser = new Browser()) {
      browser.open("/login");
      WebElement form = browser.await(By.id("login-form"));
      form.findElement(By.cssSelector("input[name=username]")).sendKeys("sales@acme.demo");
      form.findElement(By.cssSelector("input[name=password]")).sendKeys(E2e.DEMO_PASSWORD);
      form.findElement(By.cssSelector("vaadin-button")).click();
      browser.await(By.cssSelector(".omni-brand-name"));
      browser.open("/inbox");
      browser.await(By.cssSelector(".omni-inbox-row"));
      String text = browser.driver.findElement(By.cssSelector(".omni-inbox-list")).getText();
      assertThat(text).contains("Marta Ruiz", "Interested", "Offline rules", "Me interesa");
      assertThat(text).contains("Positive");
      browser.screenshot("40-inbox");
      // the lead page: the relationship score with its parts, the sentiment trend chart
      browser.open("/leads/" + leadId);
      WebElement panel = browser.await(By.id("lead-relationship"));
      assertThat(panel.findElement(By.id("relationship-score")).getText())
          .isEqualTo(rel.get("score").asText());
      assertThat(panel.getText()).contains("Replies", "Sentiment", "1 positive");
      browser.await(By.cssSelector("#relationship-sentiment-chart canvas"));
      browser.screenshot("41-lead-relationship");
    }
  }
}
