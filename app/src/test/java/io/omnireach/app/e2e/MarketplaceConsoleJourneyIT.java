package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.omnireach.block.Blocks;
import io.omnireach.block.PublisherKeys;
import java.security.KeyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The marketplace in the operator console: the Owner adds a YAML registry, sees its last fetch turn
 * into an error when the registry goes away, trusts a publisher key (shown with its fingerprint)
 * and removes the registry; a reseller publishes a block for its tenants, which a tenant of that
 * reseller finds in its marketplace and a tenant of another reseller does not.
 */
class MarketplaceConsoleJourneyIT {

  @BeforeAll
  static void serverIsReady() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void the_owner_manages_registries_and_keys_and_a_reseller_publishes_for_its_tenants()
      throws Exception {
    String tag = SdkBlocksIT.suffix();
    String owner = E2e.token("owner@omnireach.demo");
    ResellerBlocksApiIT.reseller(owner, "mj-north-" + tag, "rex@mj-north-" + tag + ".test");
    ResellerBlocksApiIT.reseller(owner, "mj-south-" + tag, "rex@mj-south-" + tag + ".test");
    String south = E2e.token("rex@mj-south-" + tag + ".test", ResellerBlocksApiIT.PASSWORD, null);
    String north = E2e.token("rex@mj-north-" + tag + ".test", ResellerBlocksApiIT.PASSWORD, null);
    ResellerBlocksApiIT.tenant(north, "mjn-client-" + tag, "ada@mjn-" + tag + ".test");
    ResellerBlocksApiIT.tenant(south, "mjs-client-" + tag, "bob@mjs-" + tag + ".test");

    String registryName = "Yaml hub " + tag;
    WireMockServer registry = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    registry.start();
    try (Browser browser = new Browser()) {
      String index =
          "format: omnireach-registry/1\nname: Yaml hub\nblocks:\n  - id: yamlhub."
              + tag
              + "\n    kind: persona\n    name: Hub persona\n    version: 1.0.0\n"
              + "    url: files/p.json\n";
      registry.stubFor(get(urlEqualTo("/hub/index.yaml")).willReturn(aResponse().withBody(index)));

      // ---- the Owner: registries and keys
      Journeys.signIn(browser, "owner@omnireach.demo");
      browser.open("/console/marketplace");
      browser.await(By.id("registries-grid"));
      browser.click(By.id("add-registry"));
      Journeys.type(browser, "#registry-name input", registryName);
      Journeys.type(
          browser,
          "#registry-url input",
          "http://127.0.0.1:" + registry.port() + "/hub/index.yaml");
      browser.screenshot("60-marketplace-sources-add-registry");
      browser.click(By.id("save-registry"));
      browser.wait.until(
          d -> d.findElement(By.id("registries-grid")).getText().contains(registryName));
      String row = browser.await(By.id("registries-grid")).getText();
      assertThat(row).contains("Fetched just now");

      // the registry goes away: a refresh keeps the last index and shows the error
      registry.resetAll();
      WebElement refresh =
          browser.await(
              By.cssSelector("[id^=refresh-registry-][aria-label$='" + registryName + " now']"));
      refresh.click();
      browser.wait.until(
          d -> d.findElement(By.id("registries-grid")).getText().contains("answered HTTP 404"));
      assertThat(browser.await(By.id("registries-grid")).getText()).contains("Failing");

      KeyPair key = PublisherKeys.generate();
      browser.click(By.id("trust-key"));
      Journeys.type(browser, "#key-name input", "Hub publisher " + tag);
      browser.driver.executeScript(
          "const a = arguments[0]; a.value = arguments[1];"
              + " a.dispatchEvent(new Event('change'));",
          browser.await(By.id("key-pem")),
          PublisherKeys.publicPem(key.getPublic()));
      browser.click(By.id("save-key"));
      String keyId = PublisherKeys.keyId(PublisherKeys.publicBase64(key.getPublic()));
      WebElement fingerprint = browser.await(By.id("fingerprint-" + keyId));
      assertThat(fingerprint.getText())
          .startsWith(keyId.substring(0, 4) + " " + keyId.substring(4, 8));
      assertThat(fingerprint.getText().replace(" ", "")).hasSize(64);
      browser.screenshot("61-marketplace-sources");

      // remove the registry (type its name to confirm)
      browser.click(
          By.cssSelector("[id^=remove-registry-][aria-label='Remove " + registryName + "']"));
      Journeys.type(browser, "#confirm-slug input", registryName);
      browser.click(By.xpath("//vaadin-button[normalize-space()='Remove registry']"));
      browser.wait.until(
          d -> !d.findElement(By.id("registries-grid")).getText().contains(registryName));
      assertThat(E2e.get("/api/v1/marketplace/platform-keys", owner).body()).contains(keyId);

      // ---- the north reseller publishes a block for its tenants
      Journeys.signIn(browser, "rex@mj-north-" + tag + ".test", ResellerBlocksApiIT.PASSWORD);
      browser.open("/console/blocks");
      browser.await(By.id("publish-reseller-block"));
      browser.screenshot("62-reseller-blocks-empty");
      String id = "mj-north-" + tag + ".onboarding";
      String name = "Northern onboarding " + tag;
      browser.click(By.id("publish-reseller-block"));
      browser.driver.executeScript(
          "const a = arguments[0]; a.value = arguments[1];"
              + " a.dispatchEvent(new Event('change'));",
          browser.await(By.id("reseller-block-file")),
          Blocks.write(SdkBlocksIT.personaBlock(id, name, PublisherKeys.generate())));
      browser.click(By.id("save-reseller-block"));
      browser.wait.until(
          d -> d.findElement(By.id("reseller-blocks-grid")).getText().contains(name));
      browser.screenshot("63-reseller-blocks");

      // ---- its tenant finds it; the other reseller's tenant does not
      Journeys.signIn(browser, "ada@mjn-" + tag + ".test", ResellerBlocksApiIT.PASSWORD);
      browser.open("/marketplace");
      browser.await(By.id("block-grid"));
      Journeys.type(browser, "#market-search input", tag);
      WebElement card = browser.await(By.id("block-card-" + id));
      assertThat(card.getText()).contains(name, "From your provider");
      browser.screenshot("64-tenant-marketplace-reseller-block");

      Journeys.signIn(browser, "bob@mjs-" + tag + ".test", ResellerBlocksApiIT.PASSWORD);
      browser.open("/marketplace");
      browser.await(By.id("block-grid"));
      Journeys.type(browser, "#market-search input", tag);
      browser.wait.until(
          d -> d.findElement(By.tagName("body")).getText().contains("No blocks match"));
      assertThat(browser.driver.findElements(By.id("block-card-" + id))).isEmpty();
    } finally {
      registry.stop();
    }
  }
}
