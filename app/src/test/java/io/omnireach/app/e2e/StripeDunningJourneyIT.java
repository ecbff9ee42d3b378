package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.omnireach.app.e2e.StripeE2e.NewTenant;
import io.omnireach.billing.testing.StripeFake;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Dunning end to end: Stripe reports a failed payment (signed webhook) → the workspace's admin sees
 * the banner and gets a branded reminder mail; sending goes on during the grace period; a failure
 * event from 8 days ago (Stripe's first attempt, delivered late) puts it past the 7-day grace → an
 * email sent through the API is held with the reason; the invoice paid → the held email goes out
 * and the banner is gone. Another workspace is never affected.
 *
 * <p>The grace period is not shortened for the test: the server's clock is real, and the late event
 * carries its own time (Stripe's {@code created}), which is what dunning counts from.
 */
class StripeDunningJourneyIT {

  @RegisterExtension static GreenMailExtension smtp = SystemMails.greenMail();

  static StripeFake stripe;
  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  @BeforeAll
  static void start() {
    E2eServer.awaitReady();
    stripe = StripeE2e.fake();
  }

  @Test
  void a_failed_payment_warns_reminds_pauses_sending_after_grace_and_paid_resumes()
      throws Exception {
    NewTenant t = StripeE2e.newTenant("dunning");
    String admin = t.token();
    // the admin adds a payment method through Checkout: the workspace becomes a Stripe customer
    assertThat(E2e.send("POST", "/api/v1/billing/checkout", admin, null).statusCode())
        .isEqualTo(200);
    String customer = StripeE2e.customerOf(stripe, t);
    String mailbox = mailbox(admin);
    String invoiceId = "in_" + UUID.randomUUID().toString().substring(0, 10);
    String number = "OR-" + (1000 + (int) (Math.random() * 9000));
    Map<String, long[]> lines = new LinkedHashMap<>();
    lines.put("Team plan", new long[] {1, 4900});
    lines.put("Emails sent", new long[] {1200, 1800});
    JsonNode open =
        stripe.putInvoice(
            invoiceId,
            customer,
            number,
            "open",
            "usd",
            Instant.now().minus(Duration.ofDays(30)),
            Instant.now(),
            lines);

    Instant failedNow = Instant.now();
    assertThat(deliver("evt_fail_now_" + invoiceId, "invoice.payment_failed", failedNow, open))
        .isEqualTo("APPLIED");

    // the reminder: branded, text and HTML, with the amount and the date sending would pause
    MimeMessage reminder = SystemMails.await(smtp, t.adminEmail(), 1);
    assertThat(reminder.getSubject()).endsWith("Payment failed for invoice " + number);
    String text = SystemMails.part(reminder, 0);
    assertThat(text)
        .contains(
            "USD 67.00",
            number,
            "sending is paused on " + DAY.format(failedNow.plus(Duration.ofDays(7))))
        .contains("https://invoice.stripe.test/i/" + invoiceId);
    assertThat(SystemMails.part(reminder, 1))
        .contains("<a href=\"https://invoice.stripe.test/i/" + invoiceId);

    try (Browser browser = new Browser()) {
      signIn(browser, t.adminEmail());
      WebElement banner = browser.await(By.id("payment-banner"));
      assertThat(banner.getText()).contains("Payment failed", number, "USD 67.00");
      assertThat(banner.getDomAttribute("class")).doesNotContain("paused");
      browser.screenshot("70-billing-payment-failed-banner");

      // within the grace period sending goes on
      String lead = lead(admin);
      assertThat(status(admin, send(admin, lead, mailbox, "Within grace"))).isEqualTo("SENT");

      // Stripe's first attempt, 8 days ago, delivered late: past the grace period now
      Instant firstFailure = Instant.now().minus(Duration.ofDays(8));
      assertThat(deliver("evt_fail_old_" + invoiceId, "invoice.payment_failed", firstFailure, open))
          .isEqualTo("APPLIED");
      assertThat(SystemMails.to(smtp, t.adminEmail())).as("one reminder per invoice").hasSize(1);
      // the API refuses new sends with the reason (the relay holds what was already queued, see
      // OutboundTest)
      String reason = "invoice " + number + " is unpaid since " + DAY.format(firstFailure);
      HttpResponse<String> refused =
          E2e.send(
              "POST",
              "/api/v1/leads/" + lead + "/messages",
              admin,
              "{\"mailboxId\":" + mailbox + ",\"subject\":\"Past grace\",\"body\":\"Hi\"}");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
      assertThat(refused.body()).contains(reason + " — update the payment method in Billing");

      browser.open("/");
      WebElement paused = browser.await(By.id("payment-banner"));
      assertThat(paused.getText()).contains("Sending is paused", number);
      assertThat(paused.getDomAttribute("class")).contains("omni-payment-banner--paused");
      browser.screenshot("71-billing-sending-paused-banner");

      // another workspace: no banner, its mail goes out
      signIn(browser, "admin@acme.demo", E2e.DEMO_PASSWORD);
      assertThat(browser.driver.findElements(By.id("payment-banner"))).isEmpty();

      // paid: the held email goes out at once (not at its next check in 10 minutes)
      JsonNode paid =
          stripe.putInvoice(
              invoiceId,
              customer,
              number,
              "paid",
              "usd",
              Instant.now().minus(Duration.ofDays(30)),
              Instant.now(),
              lines);
      assertThat(deliver("evt_paid_" + invoiceId, "invoice.paid", Instant.now(), paid))
          .isEqualTo("APPLIED");
      String resumed = send(admin, lead, mailbox, "Paid, sending again");
      await("sending resumes once the invoice is paid")
          .atMost(Duration.ofSeconds(60))
          .until(() -> message(admin, resumed).get("status").asText(), "SENT"::equals);
      signIn(browser, t.adminEmail());
      browser.await(By.cssSelector(".omni-view-title"));
      assertThat(browser.driver.findElements(By.id("payment-banner"))).isEmpty();
      browser.screenshot("72-billing-paid-no-banner");
    }
    // a late failure event of the paid invoice changes nothing
    assertThat(
            deliver(
                "evt_fail_late_" + invoiceId,
                "invoice.payment_failed",
                Instant.now().minusSeconds(60),
                open))
        .isEqualTo("APPLIED");
    String after = send(admin, lead(admin), mailbox, "After paid");
    assertThat(status(admin, after)).isEqualTo("SENT");
  }

  static void signIn(Browser browser, String email) {
    signIn(browser, email, StripeE2e.PASSWORD);
  }

  static void signIn(Browser browser, String email, String password) {
    browser.driver.manage().deleteAllCookies();
    browser.open("/login");
    WebElement form;
    try {
      form = browser.await(By.id("login-form"));
    } catch (org.openqa.selenium.TimeoutException coldServer) {
      browser.open("/login"); // the first Vaadin page of a fresh server can take long here
      form = browser.await(By.id("login-form"));
    }
    form.findElement(By.cssSelector("input[name=username]")).sendKeys(email);
    form.findElement(By.cssSelector("input[name=password]")).sendKeys(password);
    form.findElement(By.cssSelector("vaadin-button")).click();
    browser.await(By.cssSelector(".omni-brand-name"));
  }

  static String deliver(String eventId, String type, Instant created, JsonNode invoice)
      throws Exception {
    HttpResponse<String> r = StripeE2e.deliver(StripeE2e.event(eventId, type, created, invoice));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return StripeE2e.JSON.readTree(r.body()).get("outcome").asText();
  }

  static String mailbox(String admin) throws Exception {
    String json =
        "{\"name\":\"Dunning "
            + UUID.randomUUID()
            + "\",\"host\":\"127.0.0.1\",\"port\":"
            + SystemMails.PORT
            + ",\"tls\":false,\"fromAddress\":\"ada@dunning.example\"}";
    HttpResponse<String> r = E2e.send("POST", "/api/v1/mailboxes", admin, json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    E2e.send(
        "PUT", "/api/v1/compliance", admin, "{\"postalAddress\":\"Dunning Inc., Springfield\"}");
    return E2e.field(r.body(), "id");
  }

  static String lead(String token) throws Exception {
    return StripeUsageReconciliationIT.lead(token, "dunning");
  }

  static String send(String token, String lead, String mailbox, String subject) throws Exception {
    HttpResponse<String> r =
        E2e.send(
            "POST",
            "/api/v1/leads/" + lead + "/messages",
            token,
            "{\"mailboxId\":" + mailbox + ",\"subject\":\"" + subject + "\",\"body\":\"Hi\"}");
    assertThat(r.statusCode()).as(r.body()).isIn(201, 202);
    return E2e.field(r.body(), "id");
  }

  static JsonNode message(String token, String id) throws Exception {
    HttpResponse<String> r = E2e.get("/api/v1/messages/" + id, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return StripeE2e.JSON.readTree(r.body());
  }

  /** The status once the relay settled it (not QUEUED or SENDING any more), within 30 s. */
  static String status(String token, String id) {
    return await("message " + id + " settled")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> message(token, id).get("status").asText(),
            s -> !s.equals("QUEUED") && !s.equals("SENDING"));
  }
}
