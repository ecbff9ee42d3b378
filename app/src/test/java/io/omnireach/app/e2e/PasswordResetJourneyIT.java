package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * In the browser: an Admin invites someone from Settings and the invitation is emailed; a member
 * who forgot the password asks for a link on the login page, opens the mailed link, chooses a new
 * password and signs in with it.
 */
class PasswordResetJourneyIT {

  @RegisterExtension static GreenMailExtension smtp = SystemMails.greenMail();

  @Test
  void an_admin_invites_from_settings_and_the_invitee_gets_the_email() throws Exception {
    String email = "ivy-" + UUID.randomUUID().toString().substring(0, 8) + "@globex.test";
    try (Browser browser = new Browser()) {
      signIn(browser, "admin@globex.demo", E2e.DEMO_PASSWORD);
      browser.open("/settings");
      browser.click(By.id("invite-button"));
      browser.await(By.cssSelector("#invite-email input")).sendKeys(email);
      browser.click(By.id("invite-send"));
      WebElement sent = browser.await(By.id("invite-sent"));
      assertThat(sent.getText()).contains("We emailed an invitation to " + email);
      browser.screenshot("mail-01-invitation-sent");
    }
    String token = SystemMails.token(SystemMails.await(smtp, email, 1), "/accept-invitation");
    assertThat(token).hasSizeGreaterThan(30);
  }

  @Test
  void a_member_resets_a_forgotten_password_from_the_login_page() throws Exception {
    String email = "rae-" + UUID.randomUUID().toString().substring(0, 8) + "@globex.test";
    SystemMails.newMember(smtp, email, "rae-old-passphrase");
    try (Browser browser = new Browser()) {
      browser.open("/login");
      browser.await(By.id("login-form"));
      browser.click(
          By.xpath("//vaadin-login-form//vaadin-button[contains(., 'Forgot password?')]"));
      browser.await(By.cssSelector("#reset-email input")).sendKeys(email);
      browser.screenshot("mail-02-forgot-password");
      browser.click(By.id("reset-send"));
      assertThat(browser.await(By.id("reset-sent")).getText())
          .contains("If an account exists for " + email);
      browser.screenshot("mail-03-reset-link-sent");

      MimeMessage mail = SystemMails.await(smtp, email, 2);
      String token = SystemMails.token(mail, "/reset-password");
      // the branded HTML mail as a mail client would show it
      Path html = Path.of(System.getProperty("omnireach.screenshots", "target/screenshots"));
      Files.createDirectories(html);
      html = html.resolve("mail-reset-email.html");
      Files.writeString(html, SystemMails.part(mail, 1));
      browser.driver.get(html.toUri().toString());
      browser.await(By.linkText("Choose a new password"));
      browser.screenshot("mail-03b-reset-email");

      browser.open("/reset-password?token=" + token);
      browser.await(By.cssSelector("#reset-password input")).sendKeys("too-short");
      browser.await(By.cssSelector("#reset-repeat input")).sendKeys("too-short");
      browser.click(By.id("reset-save"));
      assertThat(browser.await(By.id("reset-error")).getText()).contains("at least 10");
      browser.screenshot("mail-04-weak-password-refused");

      WebElement password = browser.await(By.cssSelector("#reset-password input"));
      password.clear();
      password.sendKeys("rae-new-passphrase");
      WebElement repeat = browser.await(By.cssSelector("#reset-repeat input"));
      repeat.clear();
      repeat.sendKeys("rae-new-passphrase");
      browser.screenshot("mail-05-choose-new-password");
      browser.click(By.id("reset-save"));
      browser.wait.until(d -> d.getCurrentUrl().contains("/login"));
      assertThat(browser.await(By.cssSelector(".omni-login-notice")).getText())
          .contains("Your password was changed");
      browser.screenshot("mail-06-signed-out-with-notice");

      signIn(browser, email, "rae-new-passphrase");
    }
    assertThat(SystemMailApiIT.signIn(email, "rae-old-passphrase")).isEqualTo(401);
  }

  private static void signIn(Browser browser, String email, String password) {
    browser.open("/login");
    WebElement form = browser.await(By.id("login-form"));
    form.findElement(By.cssSelector("input[name=username]")).sendKeys(email);
    form.findElement(By.cssSelector("input[name=password]")).sendKeys(password);
    form.findElement(By.cssSelector("vaadin-button")).click();
    browser.wait.until(d -> !d.getCurrentUrl().contains("/login"));
  }
}
