package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Single sign-on against a real Keycloak: a realm with a confidential client, groups and users made
 * through its admin API; the browser signs in through Keycloak's login page and lands on the
 * dashboard with the role its group maps to; the JIT member exists; API tokens come from an SSO
 * sign-in too; SSO-only refuses passwords; Keycloak's back-channel logout ends the sessions;
 * another tenant sees none of it.
 */
class SsoKeycloakIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REALM = "acme-sso";
  private static final String CLIENT = "omnireach";
  private static final String SECRET = "secret-" + UUID.randomUUID();
  private static final String PASSWORD = "Keycloak-pass-42";

  private static Keycloak keycloak;
  private static String acmeAdmin;
  private static String adaId;
  private static String bobId;
  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  @BeforeAll
  static void realm() throws Exception {
    Journeys.awaitReady();
    keycloak = Keycloak.shared();
    keycloak.createRealm(
        REALM,
        CLIENT,
        SECRET,
        E2e.BASE_URL + "/api/v1/sso/callback",
        E2e.BASE_URL + "/api/v1/sso/backchannel-logout/acme",
        List.of("omni-admins", "sales-team"));
    adaId =
        keycloak.createUser(
            REALM, "ada" + SUFFIX, "ada-" + SUFFIX + "@sso.test", PASSWORD, List.of("omni-admins"));
    bobId =
        keycloak.createUser(
            REALM, "bob" + SUFFIX, "bob-" + SUFFIX + "@sso.test", PASSWORD, List.of("sales-team"));
    acmeAdmin = E2e.token("admin@acme.demo");
  }

  @AfterAll
  static void cleanUp() throws Exception {
    if (acmeAdmin != null) {
      E2e.send("DELETE", "/api/v1/sso", acmeAdmin, null); // other tests sign in to acme by password
      // and count acme's team: the members made here leave again
      JsonNode members = JSON.readTree(E2e.get("/api/v1/users", acmeAdmin).body());
      for (String who : List.of("ada-", "bob-")) {
        JsonNode m = member(members, who + SUFFIX + "@sso.test");
        if (m != null) {
          E2e.send("DELETE", "/api/v1/users/" + m.get("id").asText(), acmeAdmin, null);
        }
      }
    }
    if (keycloak != null) {
      keycloak.stop();
    }
  }

  private static String settings(boolean ssoOnly) {
    return "{\"issuer\":\""
        + keycloak.issuer(REALM)
        + "\",\"clientId\":\""
        + CLIENT
        + "\",\"clientSecret\":\""
        + SECRET
        + "\",\"roleClaim\":\"groups\",\"roleMapping\":{\"omni-admins\":\"Admin\","
        + "\"sales-team\":\"Sales\"},\"defaultRole\":\"Viewer\",\"ssoOnly\":"
        + ssoOnly
        + "}";
  }

  /** Signs in through Keycloak's login page for API tokens; returns the access token. */
  private static String apiSignIn(String username) throws Exception {
    try (Browser browser = new Browser()) {
      browser.open("/api/v1/sso/start?tenant=acme&api=true");
      browser.await(By.id("username")).sendKeys(username);
      browser.driver.findElement(By.id("password")).sendKeys(PASSWORD);
      browser.driver.findElement(By.id("kc-login")).click();
      browser.wait.until(d -> d.getPageSource().contains("access_token"));
      String body = browser.driver.findElement(By.tagName("body")).getText();
      return JSON.readTree(body).get("access_token").asText();
    }
  }

  @Test
  void sign_in_through_keycloak_with_mapped_roles_sso_only_and_back_channel_logout()
      throws Exception {
    // bad issuers are refused on save, naming the problem
    HttpResponse<String> unreachable =
        E2e.send(
            "PUT",
            "/api/v1/sso",
            acmeAdmin,
            settings(false).replace(keycloak.issuer(REALM), "http://127.0.0.1:9/realms/x"));
    assertThat(unreachable.statusCode()).isEqualTo(400);
    assertThat(unreachable.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(JSON.readTree(unreachable.body()).get("detail").asText())
        .contains("could not be reached");
    HttpResponse<String> notOidc =
        E2e.send(
            "PUT",
            "/api/v1/sso",
            acmeAdmin,
            settings(false).replace(keycloak.issuer(REALM), E2e.BASE_URL));
    assertThat(notOidc.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notOidc.body()).get("detail").asText())
        .contains("is not an OpenID Connect provider");

    HttpResponse<String> saved = E2e.send("PUT", "/api/v1/sso", acmeAdmin, settings(false));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(saved.body()).doesNotContain(SECRET);
    JsonNode read = JSON.readTree(E2e.get("/api/v1/sso", acmeAdmin).body());
    assertThat(read.get("clientSecretSet").asBoolean()).isTrue();
    assertThat(read.get("issuer").asText()).isEqualTo(keycloak.issuer(REALM));
    assertThat(read.get("roleMapping").get("omni-admins").asText()).isEqualTo("Admin");

    // another tenant sees none of it, and a non-Admin may not read it
    HttpResponse<String> globex = E2e.get("/api/v1/sso", E2e.token("admin@globex.demo"));
    assertThat(globex.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(globex.body()).get("configured").asBoolean()).isFalse();
    assertThat(globex.body()).doesNotContain(REALM).doesNotContain(CLIENT);
    assertThat(E2e.get("/api/v1/sso", E2e.token("sales@acme.demo")).statusCode()).isEqualTo(403);

    try (Browser browser = new Browser()) {
      browser.open("/login?tenant=acme");
      browser.await(By.id("sso-button"));
      browser.screenshot("sso-01-login");
      browser.click(By.id("sso-button"));
      browser.await(By.id("username")).sendKeys("ada" + SUFFIX);
      browser.driver.findElement(By.id("password")).sendKeys(PASSWORD);
      browser.screenshot("sso-02-keycloak");
      browser.driver.findElement(By.id("kc-login")).click();
      browser.await(By.cssSelector(".omni-brand-name"));
      assertThat(browser.driver.getCurrentUrl()).doesNotContain("/login");
      browser.screenshot("sso-03-dashboard");

      // the JIT member exists with the mapped role
      JsonNode members = JSON.readTree(E2e.get("/api/v1/users", acmeAdmin).body());
      JsonNode ada = member(members, "ada-" + SUFFIX + "@sso.test");
      assertThat(ada).as(members.toString()).isNotNull();
      assertThat(ada.get("role").asText()).isEqualTo("Admin");

      // as an Admin, ada sees the SSO settings
      browser.open("/settings");
      browser.await(By.id("sso-settings"));
      browser.driver.executeScript(
          "document.getElementById('sso-settings').scrollIntoView({block: 'start'})");
      browser.screenshot("sso-04-settings");

      // Keycloak ends ada's sessions → its back-channel logout ends the session here
      keycloak.logout(REALM, adaId);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                browser.open("/leads");
                assertThat(browser.driver.getCurrentUrl()).contains("/login");
              });
      browser.screenshot("sso-05-signed-out");
    }

    // API tokens for an SSO user: bob (sales-team → Sales) signs in with api=true, twice (two
    // Keycloak sessions: say laptop and phone)
    String bobLaptop = apiSignIn("bob" + SUFFIX);
    String bobToken = apiSignIn("bob" + SUFFIX);
    JsonNode me = JSON.readTree(E2e.get("/api/v1/me", bobToken).body());
    assertThat(me.get("email").asText()).isEqualTo("bob-" + SUFFIX + "@sso.test");
    assertThat(me.get("roles").toString()).contains("Sales");
    assertThat(me.get("tenant").get("slug").asText()).isEqualTo("acme");

    // a forged logout token is refused; Keycloak's real one revokes bob's access token at once
    HttpResponse<String> forged =
        form("/api/v1/sso/backchannel-logout/acme", "logout_token=eyJhbGciOiJub25lIn0.e30.");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("logout token");
    // ending only the laptop's Keycloak session (its sid) ends only the laptop's sign-in here
    java.util.List<String> bobSessions = keycloak.sessions(REALM, bobId);
    assertThat(bobSessions).hasSize(2);
    keycloak.endSession(REALM, bobSessions.get(0));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> E2e.get("/api/v1/me", bobLaptop).statusCode() == 401);
    assertThat(E2e.get("/api/v1/me", bobToken).statusCode()).isEqualTo(200);
    keycloak.logout(REALM, bobId);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> E2e.get("/api/v1/me", bobToken).statusCode() == 401);

    // SSO only: the tenant's members cannot use passwords any more
    assertThat(E2e.send("PUT", "/api/v1/sso", acmeAdmin, settings(true)).statusCode())
        .isEqualTo(200);
    HttpResponse<String> password =
        E2e.send(
            "POST",
            "/api/v1/auth/token",
            null,
            "{\"email\":\"sales@acme.demo\",\"password\":\"" + E2e.DEMO_PASSWORD + "\"}");
    assertThat(password.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(password.body()).get("detail").asText())
        .contains("single sign-on only");
    try (Browser browser = new Browser()) {
      browser.open("/login?tenant=acme");
      var form = browser.await(By.id("login-form"));
      form.findElement(By.cssSelector("input[name=username]")).sendKeys("sales@acme.demo");
      form.findElement(By.cssSelector("input[name=password]")).sendKeys(E2e.DEMO_PASSWORD);
      form.findElement(By.cssSelector("vaadin-button")).click();
      browser.wait.until(
          d ->
              (Boolean)
                  browser.driver.executeScript(
                      "return !!document.querySelector('vaadin-login-form').error"));
      browser.screenshot("sso-06-password-refused");
    }
    // globex is not affected
    assertThat(E2e.token("admin@globex.demo")).isNotBlank();
  }

  private static JsonNode member(JsonNode members, String email) {
    JsonNode list = members.isArray() ? members : members.path("items");
    for (JsonNode m : list) {
      if (email.equals(m.path("email").asText())) {
        return m;
      }
    }
    return null;
  }

  private static HttpResponse<String> form(String path, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(E2e.BASE_URL + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
