package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Tokens: issued for good credentials, refused with problem+json for everything else. */
class AuthApiIT {

  @Test
  void the_demo_admin_gets_a_bearer_token_and_sees_herself() throws Exception {
    HttpResponse<String> r =
        E2e.send(
            "POST",
            "/api/v1/auth/token",
            null,
            "{\"email\":\"admin@acme.demo\",\"password\":\"omnireach-demo\",\"tenant\":\"acme\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(E2e.field(r.body(), "token_type")).isEqualTo("Bearer");
    assertThat(Integer.parseInt(E2e.field(r.body(), "expires_in"))).isBetween(60, 3600);
    String me = E2e.get("/api/v1/me", E2e.field(r.body(), "access_token")).body();
    assertThat(me)
        .contains("\"email\":\"admin@acme.demo\"", "\"roles\":[\"Admin\"]", "\"slug\":\"acme\"");
  }

  @Test
  void ping_answers_without_a_token_and_is_documented() throws Exception {
    HttpResponse<String> r = E2e.get("/api/v1/ping", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(E2e.field(r.body(), "status")).isEqualTo("ok");
    assertThat(E2e.get("/openapi", null).body()).contains("/api/v1/ping", "Ping the API");
  }

  @Test
  void wrong_password_and_unknown_user_get_the_same_401_problem() throws Exception {
    for (String body :
        new String[] {
          "{\"email\":\"sales@acme.demo\",\"password\":\"not-it-at-all\"}",
          "{\"email\":\"ghost@acme.demo\",\"password\":\"omnireach-demo\"}"
        }) {
      HttpResponse<String> r = E2e.send("POST", "/api/v1/auth/token", null, body);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(E2e.field(r.body(), "detail")).isEqualTo("Email or password is incorrect.");
    }
  }

  @Test
  void missing_fields_and_broken_json_are_400_problems_naming_the_field() throws Exception {
    HttpResponse<String> noPassword =
        E2e.send("POST", "/api/v1/auth/token", null, "{\"email\":\"admin@acme.demo\"}");
    assertThat(noPassword.statusCode()).isEqualTo(400);
    assertThat(E2e.field(noPassword.body(), "field")).isEqualTo("password");
    HttpResponse<String> broken = E2e.send("POST", "/api/v1/auth/token", null, "{\"email\": ");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("\"status\":400");
  }

  @Test
  void repeated_failures_for_one_account_are_throttled_with_429() throws Exception {
    String body = "{\"email\":\"throttle-me@acme.demo\",\"password\":\"wrong-password\"}";
    int last = 0;
    for (int i = 0; i < 6; i++) {
      last = E2e.send("POST", "/api/v1/auth/token", null, body).statusCode();
    }
    assertThat(last).isEqualTo(429);
    HttpResponse<String> r = E2e.send("POST", "/api/v1/auth/token", null, body);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    assertThat(E2e.field(r.body(), "detail")).contains("Too many failed sign-in attempts");
  }

  @Test
  void
      a_genuine_token_forged_with_our_key_is_accepted_which_proves_the_checks_below_mean_something()
          throws Exception {
    String token = Tokens.signed(Tokens.claims("admin@acme.demo", "Admin", "acme", 1).build());
    assertThat(E2e.get("/api/v1/me", token).statusCode()).isEqualTo(200);
  }

  @Test
  void missing_expired_tampered_unsigned_confused_and_foreign_tokens_get_401_problems()
      throws Exception {
    JWTClaimsSet good = Tokens.claims("admin@acme.demo", "Admin", "acme", 1).build();
    String valid = Tokens.signed(good);
    String[] parts = valid.split("\\.");
    String tampered =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace("\"Admin\"", "\"Owner\"")
                        .getBytes())
            + "."
            + parts[2];
    Instant longAgo = Instant.now().minusSeconds(3600);
    String expired =
        Tokens.signed(
            new JWTClaimsSet.Builder(good)
                .issueTime(Date.from(longAgo))
                .expirationTime(Date.from(longAgo.plusSeconds(60)))
                .build());
    String wrongIssuer =
        Tokens.signed(new JWTClaimsSet.Builder(good).issuer("https://evil.test").build());
    String wrongAudience =
        Tokens.signed(new JWTClaimsSet.Builder(good).audience("someone-else").build());
    String none = Tokens.unsigned(good);
    String confused = Tokens.hs256WithPublicKey(good);

    for (String token :
        new String[] {
          null, "garbage", tampered, expired, wrongIssuer, wrongAudience, none, confused
        }) {
      HttpResponse<String> r = E2e.get("/api/v1/me", token);
      assertThat(r.statusCode()).as("token %s", token).isEqualTo(401);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(r.body()).contains("\"status\":401");
    }
  }
}
