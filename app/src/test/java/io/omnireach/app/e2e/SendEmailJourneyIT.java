package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The whole sending journey in the browser: an Admin adds a mailbox (pointing at a GreenMail SMTP
 * server this test runs on loopback), a rep has an email written for a lead, sends it from that
 * mailbox and watches the thread reach SENT; the server received exactly that one email.
 */
class SendEmailJourneyIT {

  static final String SMTP_PASSWORD = "smtp-ui-" + UUID.randomUUID();

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("uirelay", SMTP_PASSWORD))
          .withPerMethodLifecycle(false);

  @Test
  void an_admin_adds_a_mailbox_and_a_rep_sends_an_ai_draft_that_arrives() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String mailboxName = "Compose " + suffix;
    String email = "thread." + suffix + "@x.example";
    String company = "Threadworks " + suffix;
    final String subject;
    String sales = E2e.token("sales@acme.demo");
    String leadId =
        E2e.field(
            E2e.send(
                    "POST",
                    "/api/v1/leads",
                    sales,
                    "{\"email\":\""
                        + email
                        + "\",\"firstName\":\"Lena\",\"lastName\":\"Vogt\",\"company\":\""
                        + company
                        + "\",\"title\":\"COO\",\"industry\":\"Manufacturing\"}")
                .body(),
            "id");

    try (Browser browser = new Browser()) {
      signIn(browser, "admin@acme.demo");
      browser.open("/settings");
      browser.click(By.id("mailbox-add"));
      type(browser, "#mailbox-name input", mailboxName);
      type(browser, "#mailbox-host input", "127.0.0.1");
      type(browser, "#mailbox-port input", Integer.toString(smtp.getSmtp().getPort()));
      browser.click(By.id("mailbox-tls"));
      type(browser, "#mailbox-username input", "uirelay");
      type(browser, "#mailbox-password input", SMTP_PASSWORD);
      type(browser, "#mailbox-from-address input", "lena.sender@acme.example");
      type(browser, "#mailbox-from-name input", "Sam Sender");
      type(browser, "#mailbox-daily-cap input", "25");
      browser.click(By.id("mailbox-save"));
      browser.wait.until(
          d -> d.findElement(By.id("mailboxes-grid")).getText().contains(mailboxName));
      WebElement postal = browser.await(By.cssSelector("#postal-address textarea"));
      if (postal.getDomProperty("value").isBlank()) {
        postal.sendKeys("Acme Demo Inc., 1 Market St, San Francisco, CA 94105");
        browser.click(By.id("postal-save"));
      }
      assertThat(browser.driver.findElement(By.id("mailboxes-settings")).getText())
          .doesNotContain(SMTP_PASSWORD);
      browser.driver.executeScript(
          "arguments[0].scrollIntoView({block: 'start'})",
          browser.driver.findElement(By.id("mailboxes-settings")));
      browser.screenshot("40-mailboxes");
      signOut(browser);

      signIn(browser, "sales@acme.demo");
      browser.open("/leads/" + leadId);
      browser.await(By.id("lead-thread-empty"));
      browser.click(By.id("draft-write"));
      assertThat(browser.await(By.id("draft-generator")).getText()).contains("Offline generator");
      subject =
          browser
              .driver
              .findElement(By.cssSelector("#draft-subject input"))
              .getDomProperty("value");
      assertThat(subject).isNotBlank();
      browser.click(By.id("send-mailbox"));
      browser.click(
          By.xpath(
              "//vaadin-select-item[@role='option' and contains(normalize-space(.), '"
                  + mailboxName
                  + "')]"));
      browser.wait.until(
          d ->
              d.findElement(By.id("send-mailbox")).getText().contains(mailboxName)
                  || String.valueOf(
                          d.findElement(By.cssSelector("#send-mailbox vaadin-select-value-button"))
                              .getText())
                      .contains(mailboxName));
      browser.click(By.id("send-button"));
      assertThat(browser.await(By.id("send-state")).getText()).contains("Queued");
      browser
          .waitFor(Duration.ofSeconds(45))
          .until(d -> !d.findElements(By.cssSelector("#lead-thread [data-status=SENT]")).isEmpty());
      WebElement message = browser.await(By.cssSelector("#lead-thread [data-status=SENT]"));
      assertThat(message.getText()).contains(subject, mailboxName, "Sent");
      browser.driver.executeScript(
          "arguments[0].scrollIntoView({block: 'center'})",
          browser.driver.findElement(By.id("lead-messages")));
      browser.screenshot("41-lead-thread");

      // the draft's persona went with the send; "Follow up" answers in the same thread
      WebElement follow = message.findElement(By.cssSelector(".omni-thread-follow-up"));
      String firstId = follow.getDomAttribute("data-message-id");
      assertThat(E2e.send("GET", "/api/v1/messages/" + firstId, sales, null).body())
          .containsPattern("\"personaId\":\\d+");
      follow.click();
      assertThat(browser.await(By.id("draft-thread")).getText()).contains("Follow-up to");
      assertThat(
              browser
                  .driver
                  .findElement(By.cssSelector("#draft-subject input"))
                  .getDomProperty("value"))
          .isEqualTo("Re: " + subject.replaceFirst("^(?i)re:\\s*", ""));
      type(browser, "#draft-body textarea", "Just following up on my note below.");
      browser.click(By.id("send-button"));
      browser
          .waitFor(Duration.ofSeconds(45))
          .until(
              d -> d.findElements(By.cssSelector("#lead-thread [data-status=SENT]")).size() == 2);
      WebElement followUp =
          browser.await(By.cssSelector("#lead-thread [data-follow-up-of='" + firstId + "']"));
      assertThat(followUp.getText()).contains("Re: ");
      browser.driver.executeScript(
          "arguments[0].scrollIntoView({block: 'center'})",
          browser.driver.findElement(By.id("lead-messages")));
      browser.screenshot("43-lead-follow-up");
      signOut(browser);

      // a lead marked do-not-contact: the send is queued, then blocked, with the reason in words
      String blockedId =
          E2e.field(
              E2e.send(
                      "POST",
                      "/api/v1/leads",
                      sales,
                      "{\"email\":\"dnc."
                          + suffix
                          + "@x.example\",\"firstName\":\"Nils\",\"lastName\":\"Ek\"}")
                  .body(),
              "id");
      assertThat(
              E2e.send("PATCH", "/api/v1/leads/" + blockedId, sales, "{\"doNotContact\":true}")
                  .statusCode())
          .isEqualTo(200);
      signIn(browser, "sales@acme.demo");
      browser.open("/leads/" + blockedId);
      type(browser, "#draft-subject input", "Quick question " + suffix);
      type(browser, "#draft-body textarea", "Hi Nils, a quick question.");
      browser.click(By.id("send-mailbox"));
      browser.click(
          By.xpath(
              "//vaadin-select-item[@role='option' and contains(normalize-space(.), '"
                  + mailboxName
                  + "')]"));
      browser.click(By.id("send-button"));
      WebElement blocked =
          browser
              .waitFor(Duration.ofSeconds(45))
              .until(
                  d ->
                      d.findElements(By.cssSelector("#lead-thread [data-status=BLOCKED]")).stream()
                          .findFirst()
                          .orElse(null));
      assertThat(blocked.getText()).contains("Not sent: this lead is marked do not contact");
      browser.screenshot("42-lead-blocked");
      signOut(browser);

      signIn(browser, "viewer@acme.demo");
      browser.open("/leads/" + leadId);
      browser.await(By.cssSelector("#lead-thread [data-status=SENT]"));
      assertThat(browser.driver.findElements(By.cssSelector(".omni-thread-follow-up"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("send-button"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("draft-write"))).isEmpty();
    }

    List<MimeMessage> received =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(
                m -> {
                  try {
                    return m.getAllRecipients()[0].toString().equals(email);
                  } catch (Exception e) {
                    return false;
                  }
                })
            .toList();
    assertThat(received).hasSize(2);
    assertThat(received.get(0).getSubject()).isEqualTo(subject);
    assertThat(received.get(1).getHeader("In-Reply-To", null))
        .isEqualTo(received.get(0).getHeader("Message-ID", null));
  }

  private static void type(Browser browser, String css, String text) {
    WebElement input = browser.await(By.cssSelector(css));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
  }

  private static void signIn(Browser browser, String email) {
    browser.open("/login");
    WebElement form = browser.await(By.id("login-form"));
    form.findElement(By.cssSelector("input[name=username]")).sendKeys(email);
    form.findElement(By.cssSelector("input[name=password]")).sendKeys(E2e.DEMO_PASSWORD);
    form.findElement(By.cssSelector("vaadin-button")).click();
    browser.await(By.cssSelector(".omni-brand-name"));
  }

  private static void signOut(Browser browser) {
    browser.driver.manage().deleteAllCookies();
  }
}
