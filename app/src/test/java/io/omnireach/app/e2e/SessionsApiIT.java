package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Sessions end on the next request when access changes: removal, role change, suspension; refresh
 * tokens rotate and a replayed one revokes its sign-in; security headers; inflated bodies are
 * capped; a forged X-Forwarded-For is not believed.
 */
class SessionsApiIT {

  private static final String PASSWORD = "a-long-secret-passphrase";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static Map<String, Object> json(HttpResponse<String> response) throws Exception {
    return JSONObjectUtils.parse(response.body());
  }

  static String string(HttpResponse<String> response, String field) throws Exception {
    return String.valueOf(json(response).get(field));
  }

  /** Signs in; returns the whole token response. */
  static Map<String, Object> signIn(String email, String tenant) throws Exception {
    HttpResponse<String> r =
        E2e.send(
            "POST",
            "/api/v1/auth/token",
            null,
            "{\"email\":\""
                + email
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"tenant\":\""
                + tenant
                + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r);
  }

  /** A new member of acme with the given role; returns its user id. */
  static long newAcmeMember(String email, String role) throws Exception {
    String admin = E2e.token("admin@acme.demo");
    HttpResponse<String> invited =
        E2e.send(
            "POST",
            "/api/v1/invitations",
            admin,
            "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    HttpResponse<String> accepted =
        E2e.send(
            "POST",
            "/api/v1/invitations/accept",
            null,
            "{\"token\":\""
                + string(invited, "token")
                + "\",\"displayName\":\"Temp Person\",\"password\":\""
                + PASSWORD
                + "\"}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    return ((Number) json(accepted).get("userId")).longValue();
  }

  /** Removes a test member again, so tests that count acme's team are not disturbed. */
  static void remove(long id) throws Exception {
    assertThat(
            E2e.send("DELETE", "/api/v1/users/" + id, E2e.token("admin@acme.demo"), null)
                .statusCode())
        .isEqualTo(204);
  }

  static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
  }

  @Test
  void a_removed_users_old_access_token_gets_401_on_the_very_next_call() throws Exception {
    String email = unique("leaver");
    long id = newAcmeMember(email, "Sales");
    String token = (String) signIn(email, "acme").get("access_token");
    assertThat(E2e.get("/api/v1/me", token).statusCode()).isEqualTo(200);

    HttpResponse<String> removed =
        E2e.send("DELETE", "/api/v1/users/" + id, E2e.token("admin@acme.demo"), null);
    assertThat(removed.statusCode()).isEqualTo(204);

    HttpResponse<String> after = E2e.get("/api/v1/leads", token);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(string(after, "detail")).contains("no longer a member");
  }

  @Test
  void a_role_change_takes_the_old_tokens_extra_rights_away_at_once() throws Exception {
    String email = unique("demoted");
    long id = newAcmeMember(email, "Admin");
    String token = (String) signIn(email, "acme").get("access_token");
    assertThat(E2e.get("/api/v1/invitations", token).statusCode()).isEqualTo(200);

    HttpResponse<String> demoted =
        E2e.send(
            "PATCH", "/api/v1/users/" + id, E2e.token("admin@acme.demo"), "{\"role\":\"Viewer\"}");
    assertThat(demoted.statusCode()).as(demoted.body()).isEqualTo(200);

    assertThat(E2e.get("/api/v1/invitations", token).statusCode()).isEqualTo(401);
    assertThat(E2e.get("/api/v1/me", token).statusCode()).isEqualTo(401);
    // Signing in again gives the new role, which may read but not manage invitations.
    String fresh = (String) signIn(email, "acme").get("access_token");
    assertThat(E2e.get("/api/v1/me", fresh).statusCode()).isEqualTo(200);
    assertThat(E2e.get("/api/v1/invitations", fresh).statusCode()).isEqualTo(403);
    remove(id);
  }

  @Test
  void a_suspended_tenants_tokens_and_refresh_tokens_stop_working() throws Exception {
    String owner = E2e.token("owner@omnireach.demo");
    String slug = "susp" + UUID.randomUUID().toString().substring(0, 6);
    String adminEmail = "boss@" + slug + ".test";
    HttpResponse<String> created =
        E2e.send(
            "POST",
            "/api/v1/tenants",
            owner,
            "{\"slug\":\""
                + slug
                + "\",\"displayName\":\"Soon Suspended\",\"adminEmail\":\""
                + adminEmail
                + "\",\"adminName\":\"Boss\",\"adminPassword\":\""
                + PASSWORD
                + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Map<String, Object> tokens = signIn(adminEmail, slug);
    String access = (String) tokens.get("access_token");
    assertThat(E2e.get("/api/v1/users", access).statusCode()).isEqualTo(200);

    assertThat(E2e.send("POST", "/api/v1/tenants/" + slug + "/suspend", owner, null).statusCode())
        .isEqualTo(200);

    HttpResponse<String> after = E2e.get("/api/v1/users", access);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(string(after, "detail")).contains("suspended");
    assertThat(refresh((String) tokens.get("refresh_token")).statusCode()).isEqualTo(401);
    assertThat(E2e.send("DELETE", "/api/v1/tenants/" + slug, owner, null).statusCode())
        .isEqualTo(204);
  }

  static HttpResponse<String> refresh(String refreshToken) throws Exception {
    return E2e.send(
        "POST", "/api/v1/auth/refresh", null, "{\"refresh_token\":\"" + refreshToken + "\"}");
  }

  @Test
  void refresh_tokens_rotate_and_replaying_a_used_one_revokes_the_whole_sign_in() throws Exception {
    String email = unique("rotator");
    long id = newAcmeMember(email, "Sales");
    Map<String, Object> first = signIn(email, "acme");
    assertThat(first).containsKeys("access_token", "refresh_token", "refresh_expires_in");

    HttpResponse<String> rotated = refresh((String) first.get("refresh_token"));
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    Map<String, Object> second = json(rotated);
    assertThat(second.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
    assertThat(E2e.get("/api/v1/me", (String) second.get("access_token")).statusCode())
        .isEqualTo(200);

    HttpResponse<String> replay = refresh((String) first.get("refresh_token"));
    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(string(replay, "detail")).contains("already used");
    // The legitimate successor died with the family.
    assertThat(refresh((String) second.get("refresh_token")).statusCode()).isEqualTo(401);
    assertThat(refresh("never-issued").statusCode()).isEqualTo(401);
    HttpResponse<String> missing = E2e.send("POST", "/api/v1/auth/refresh", null, "{}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(string(missing, "field")).isEqualTo("refresh_token");
    remove(id);
  }

  @Test
  void logout_revokes_the_presented_refresh_token() throws Exception {
    String email = unique("leaving");
    long id = newAcmeMember(email, "Viewer");
    Map<String, Object> tokens = signIn(email, "acme");
    HttpResponse<String> out =
        E2e.send(
            "POST",
            "/api/v1/auth/logout",
            null,
            "{\"refresh_token\":\"" + tokens.get("refresh_token") + "\"}");
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(refresh((String) tokens.get("refresh_token")).statusCode()).isEqualTo(401);
    remove(id);
  }

  @Test
  void pages_and_api_responses_carry_the_security_headers() throws Exception {
    for (HttpResponse<String> r :
        List.of(E2e.get("/login", null), E2e.get("/api/v1/me", E2e.token("viewer@acme.demo")))) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Security-Policy"))
          .get()
          .asString()
          .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy"))
          .hasValue("strict-origin-when-cross-origin");
    }
    List<String> sessionCookies =
        E2e.get("/login", null).headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .toList();
    assertThat(sessionCookies)
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c).containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
  }

  @Test
  void a_gzip_bomb_to_the_sign_in_gets_413_while_a_small_gzip_body_works() throws Exception {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) { // 64 MiB of zeros, about 64 KiB compressed
        gz.write(zeros);
      }
    }
    HttpResponse<String> r = postGzip("/api/v1/auth/token", bomb.toByteArray());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(string(r, "detail")).contains("decompressed");

    ByteArrayOutputStream small = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(small)) {
      gz.write(
          ("{\"email\":\"viewer@acme.demo\",\"password\":\"" + E2e.DEMO_PASSWORD + "\"}")
              .getBytes(StandardCharsets.UTF_8));
    }
    HttpResponse<String> ok = postGzip("/api/v1/auth/token", small.toByteArray());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(json(ok)).containsKey("access_token");
  }

  private static HttpResponse<String> postGzip(String path, byte[] body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(E2e.BASE_URL + path))
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void invitation_tokens_and_other_query_strings_stay_out_of_the_access_log() throws Exception {
    String secret = "secret-" + UUID.randomUUID();
    String requestId = "sessions-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> page =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(E2e.BASE_URL + "/accept-invitation?token=" + secret))
                .header("X-Request-Id", requestId)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    Path log =
        Path.of(System.getProperty("omnireach.wlp", "target/liberty/wlp"))
            .resolve("usr/servers/omnireach-e2e/logs/http_access.log");
    // Liberty writes the access log a moment after the response.
    String line =
        new FluentWait<>(log)
            .withTimeout(Duration.ofSeconds(30))
            .pollingEvery(Duration.ofMillis(200))
            .ignoring(java.io.IOException.class)
            .until(
                p -> {
                  try {
                    return Files.readAllLines(p).stream()
                        .filter(l -> l.contains(requestId))
                        .findFirst()
                        .orElse(null);
                  } catch (java.io.IOException e) {
                    return null;
                  }
                });
    assertThat(line).contains("/accept-invitation").doesNotContain(secret).doesNotContain("token=");
  }

  @Test
  void a_forged_x_forwarded_for_from_an_untrusted_peer_does_not_escape_the_address_limit()
      throws Exception {
    // No trusted proxies are configured, so each forged address must count as this client's own:
    // the address-and-account limit (5) hits, not the account's growing delay.
    String account = unique("target");
    HttpResponse<String> last = null;
    for (int i = 0; i < 6; i++) {
      last =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(E2e.BASE_URL + "/api/v1/auth/token"))
                  .header("Content-Type", "application/json")
                  .header("X-Forwarded-For", "198.51.100." + (i + 1))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"email\":\"" + account + "\",\"password\":\"wrong-password\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(string(last, "detail")).contains("from your address");
  }
}
