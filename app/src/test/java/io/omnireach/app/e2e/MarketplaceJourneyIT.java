package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The marketplace in the browser: search the catalogue, open a block's page with its install plan,
 * install it; another workspace does not see it as installed.
 */
class MarketplaceJourneyIT {

  private static final String BLOCK = "omnireach.inbound-follow-up";
  private static final By CARD = By.id("block-card-" + BLOCK);

  @BeforeAll
  static void appStarted() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void an_admin_finds_a_block_reads_its_plan_and_installs_it() throws Exception {
    try (Browser browser = new Browser()) {
      Journeys.signIn(browser, "admin@acme.demo");
      browser.open("/marketplace");
      browser.await(By.id("block-card-omnireach.cold-outreach-3-touches"));
      browser.await(CARD);
      browser.screenshot("60-marketplace");

      Journeys.type(browser, "#market-search input", "inbound");
      browser.wait.until(
          d -> d.findElements(By.id("block-card-omnireach.cold-outreach-3-touches")).isEmpty());
      assertThat(browser.driver.findElements(CARD)).hasSize(1);

      browser.click(CARD);
      WebElement plan = browser.await(By.id("block-plan"));
      browser.wait.until(d -> plan.getText().contains("Installing will create"));
      assertThat(plan.getText()).contains("workflow", "Inbound follow-up");
      browser.screenshot("61-marketplace-block");

      browser.click(By.id("block-install"));
      browser.wait.until(d -> d.findElement(CARD).getText().contains("Installed"));

      // another workspace sees the block, not acme's install
      Journeys.signIn(browser, "admin@globex.demo");
      browser.open("/marketplace");
      assertThat(browser.await(CARD).getText()).doesNotContain("Installed");
    } finally {
      E2e.send(
          "DELETE",
          "/api/v1/marketplace/blocks/" + BLOCK + "/install",
          E2e.token("admin@acme.demo"),
          null);
    }
  }
}
