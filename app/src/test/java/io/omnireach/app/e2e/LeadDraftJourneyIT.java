package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** On a lead's page a rep has a first email written in a persona's voice, labelled offline. */
class LeadDraftJourneyIT {

  @Test
  void a_rep_writes_a_draft_for_a_lead_and_sees_which_generator_wrote_it() throws Exception {
    String sales = E2e.token("sales@acme.demo");
    String company = "Draftwerk " + UUID.randomUUID().toString().substring(0, 5);
    String id =
        E2e.field(
            E2e.send(
                    "POST",
                    "/api/v1/leads",
                    sales,
                    "{\"email\":\"draft."
                        + UUID.randomUUID().toString().substring(0, 6)
                        + "@x.example\",\"firstName\":\"Ines\",\"lastName\":\"Berg\",\"company\":\""
                        + company
                        + "\",\"title\":\"Head of Logistics\",\"industry\":\"Logistics\"}")
                .body(),
            "id");
    try (Browser browser = new Browser()) {
      browser.open("/login");
      WebElement form = browser.await(By.id("login-form"));
      form.findElement(By.cssSelector("input[name=username]")).sendKeys("sales@acme.demo");
      form.findElement(By.cssSelector("input[name=password]")).sendKeys(E2e.DEMO_PASSWORD);
      form.findElement(By.cssSelector("vaadin-button")).click();
      browser.await(By.cssSelector(".omni-brand-name"));

      browser.open("/leads/" + id);
      browser.click(By.id("draft-write"));
      WebElement generator = browser.await(By.id("draft-generator"));
      assertThat(generator.getText()).contains("Offline generator");
      String body =
          browser
              .driver
              .findElement(By.cssSelector("#draft-body textarea"))
              .getDomProperty("value");
      assertThat(body).contains(company);
      browser.screenshot("18-lead-ai-draft");
    }
  }
}
