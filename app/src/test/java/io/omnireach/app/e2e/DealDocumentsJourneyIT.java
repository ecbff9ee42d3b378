package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An admin reads the clause library and templates on the "Templates & clauses" tab, generates an
 * order form on a deal's page, accepts it and sees it frozen; another workspace sees none of it.
 */
class DealDocumentsJourneyIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void appStarted() throws Exception {
    Journeys.awaitReady();
  }

  private static long created(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).path("id").asLong();
  }

  @Test
  void an_admin_generates_accepts_and_sees_the_frozen_version() throws Exception {
    StripeE2e.NewTenant t = StripeE2e.newTenant("docjr");
    String admin = t.token();
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String lead = Journeys.lead(admin, "Grace", "Hopper", "Navy " + tag);
    long product =
        created(
            E2e.send(
                "POST",
                "/api/v1/products",
                admin,
                "{\"name\":\"Growth seat\",\"currency\":\"USD\",\"listPrice\":1200,"
                    + "\"floorPrice\":900,\"maxDiscountPercent\":15,\"contractMonths\":[12,24]}"));
    created(
        E2e.send(
            "POST",
            "/api/v1/clauses",
            admin,
            "{\"key\":\"liability-cap\",\"title\":\"Limitation of liability\",\"category\":"
                + "\"Legal\",\"body\":\"Liability is capped at twelve months of fees.\"}"));
    assertThat(
            E2e.send(
                    "PUT",
                    "/api/v1/products/" + product + "/clauses",
                    admin,
                    "{\"clauseKeys\":[\"liability-cap\"]}")
                .statusCode())
        .isEqualTo(200);
    long deal =
        created(
            E2e.send(
                "POST",
                "/api/v1/deals",
                admin,
                "{\"leadId\":"
                    + lead
                    + ",\"title\":\"Navy rollout "
                    + tag
                    + "\",\"currency\":\"USD\",\"stage\":\"proposal\",\"termMonths\":24,"
                    + "\"paymentTerms\":\"net30\",\"lines\":[{\"productId\":"
                    + product
                    + ",\"quantity\":25,\"discountPercent\":5}]}"));

    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, t.adminEmail(), StripeE2e.PASSWORD);
      browser.open("/deals");
      browser.await(By.id("deal-board"));
      browser.click(By.id("deals-tab-templates"));
      browser.wait.until(
          d -> d.findElement(By.id("clause-grid")).getText().contains("Limitation of liability"));
      assertThat(browser.driver.findElement(By.id("template-grid")).getText())
          .contains("Offer letter", "Order form", "Simple contract");
      browser.screenshot("deal-docs-01-templates-and-clauses");

      browser.open("/deals/" + deal);
      browser.await(By.id("deal-documents"));
      assertThat(browser.driver.findElement(By.id("deal-documents")).getText())
          .contains("No documents yet");
      browser.click(By.id("doc-generate"));
      // the first PDF of a fresh server loads the PDF library: give it the long wait
      Journeys.waitLong(browser)
          .until(
              org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
                  By.id("doc-row-1")));
      browser.click(By.id("doc-generate"));
      browser.await(By.id("doc-row-2"));
      browser.click(By.id("doc-accept-2"));
      browser.wait.until(
          d -> d.findElement(By.id("doc-row-2")).getText().contains("Accepted · frozen"));
      assertThat(browser.driver.findElement(By.id("doc-row-1")).getText()).contains("Generated");
      assertThat(browser.driver.findElements(By.id("doc-accept-2"))).isEmpty();
      assertThat(browser.driver.findElement(By.id("deal-timeline")).getText())
          .contains("version 2 accepted: this version is frozen.");
      browser.screenshot("deal-docs-02-documents");

      // the frozen version refuses a new one, with the reason on screen
      browser.click(By.id("doc-generate"));
      browser.wait.until(
          d -> d.findElement(By.tagName("body")).getText().contains("accepted and is frozen"));
      assertThat(browser.driver.findElements(By.id("doc-row-3"))).isEmpty();
    }

    StripeE2e.NewTenant other = StripeE2e.newTenant("docjr2");
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, other.adminEmail(), StripeE2e.PASSWORD);
      browser.open("/deals");
      browser.await(By.id("deal-board"));
      browser.click(By.id("deals-tab-templates"));
      browser.await(By.id("template-grid"));
      assertThat(browser.driver.findElement(By.id("templates-and-clauses")).getText())
          .doesNotContain("Limitation of liability")
          .contains("No clauses yet");
    }
  }
}
