package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Roles are enforced, and one tenant can never see or touch another tenant's users. */
class RolesAndIsolationApiIT {

  @Test
  void a_viewer_reads_the_team_but_cannot_change_it() throws Exception {
    String viewer = E2e.token("viewer@acme.demo");
    assertThat(E2e.get("/api/v1/users", viewer).statusCode()).isEqualTo(200);
    HttpResponse<String> patch =
        E2e.send("PATCH", "/api/v1/users/1", viewer, "{\"role\":\"Admin\"}");
    assertThat(patch.statusCode()).isEqualTo(403);
    assertThat(patch.body()).contains("\"status\":403");
    assertThat(
            E2e.send(
                    "POST",
                    "/api/v1/invitations",
                    viewer,
                    "{\"email\":\"x@y.test\",\"role\":\"Sales\"}")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void sales_cannot_invite_and_tenant_users_cannot_manage_tenants() throws Exception {
    String sales = E2e.token("sales@acme.demo");
    assertThat(
            E2e.send(
                    "POST",
                    "/api/v1/invitations",
                    sales,
                    "{\"email\":\"x@y.test\",\"role\":\"Sales\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(E2e.get("/api/v1/tenants", E2e.token("admin@acme.demo")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void an_admin_invites_and_revokes_and_bad_input_is_a_clear_400() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    HttpResponse<String> badRole =
        E2e.send(
            "POST",
            "/api/v1/invitations",
            admin,
            "{\"email\":\"rep@acme.test\",\"role\":\"Boss\"}");
    assertThat(badRole.statusCode()).isEqualTo(400);
    assertThat(E2e.field(badRole.body(), "field")).isEqualTo("role");
    HttpResponse<String> badEmail =
        E2e.send(
            "POST",
            "/api/v1/invitations",
            admin,
            "{\"email\":\"not an email\",\"role\":\"Sales\"}");
    assertThat(badEmail.statusCode()).isEqualTo(400);
    assertThat(E2e.field(badEmail.body(), "field")).isEqualTo("email");

    HttpResponse<String> created =
        E2e.send(
            "POST",
            "/api/v1/invitations",
            admin,
            "{\"email\":\"rep@acme.test\",\"role\":\"Sales\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(E2e.field(created.body(), "status")).isEqualTo("PENDING");
    assertThat(E2e.field(created.body(), "token")).hasSizeGreaterThan(30);
    String id = E2e.field(created.body(), "id");
    assertThat(
            E2e.send(
                    "POST",
                    "/api/v1/invitations",
                    admin,
                    "{\"email\":\"rep@acme.test\",\"role\":\"Sales\"}")
                .statusCode())
        .isEqualTo(409);
    assertThat(E2e.send("DELETE", "/api/v1/invitations/" + id, admin, null).statusCode())
        .isEqualTo(204);
  }

  @Test
  void each_tenant_sees_only_its_own_users_and_cannot_reach_the_others_by_id() throws Exception {
    String acme = E2e.token("admin@acme.demo");
    String globex = E2e.token("admin@globex.demo");
    String acmeUsers = E2e.get("/api/v1/users", acme).body();
    String globexUsers = E2e.get("/api/v1/users", globex).body();
    assertThat(acmeUsers).contains("admin@acme.demo").doesNotContain("globex");
    assertThat(globexUsers).contains("admin@globex.demo").doesNotContain("acme.demo");

    String globexAdminId = idOf(globexUsers, "admin@globex.demo");
    assertThat(E2e.get("/api/v1/users/" + globexAdminId, acme).statusCode()).isEqualTo(404);
    assertThat(
            E2e.send("PATCH", "/api/v1/users/" + globexAdminId, acme, "{\"role\":\"Viewer\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(E2e.send("DELETE", "/api/v1/users/" + globexAdminId, acme, null).statusCode())
        .isEqualTo(404);

    HttpResponse<String> invite =
        E2e.send(
            "POST",
            "/api/v1/invitations",
            globex,
            "{\"email\":\"spy@globex.test\",\"role\":\"Viewer\"}");
    String invitationId = E2e.field(invite.body(), "id");
    assertThat(E2e.get("/api/v1/invitations", acme).body()).doesNotContain("spy@globex.test");
    assertThat(E2e.send("DELETE", "/api/v1/invitations/" + invitationId, acme, null).statusCode())
        .isEqualTo(404);
    assertThat(E2e.send("DELETE", "/api/v1/invitations/" + invitationId, globex, null).statusCode())
        .isEqualTo(204);
  }

  @Test
  void the_owner_sees_all_tenants_and_a_reseller_only_its_own() throws Exception {
    String owner = E2e.token("owner@omnireach.demo");
    assertThat(E2e.get("/api/v1/tenants", owner).body())
        .contains("\"slug\":\"acme\"", "\"slug\":\"globex\"");
    String reseller = E2e.token("reseller@omnireach.demo");
    assertThat(E2e.get("/api/v1/tenants/acme", reseller).statusCode()).isEqualTo(200);
  }

  @Test
  void the_owner_creates_suspends_and_deletes_a_tenant_with_clear_errors_for_bad_slugs()
      throws Exception {
    String owner = E2e.token("owner@omnireach.demo");
    HttpResponse<String> bad =
        E2e.send("POST", "/api/v1/tenants", owner, body("Bad_Slug", "boss@bad.test"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(E2e.field(bad.body(), "field")).isEqualTo("slug");
    HttpResponse<String> taken =
        E2e.send("POST", "/api/v1/tenants", owner, body("acme", "boss@acme2.test"));
    assertThat(taken.statusCode()).isEqualTo(409);

    HttpResponse<String> created =
        E2e.send("POST", "/api/v1/tenants", owner, body("initech", "bill@initech.test"));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(E2e.token("bill@initech.test", "a-long-secret-passphrase", null)).isNotBlank();
    assertThat(E2e.send("POST", "/api/v1/tenants/initech/suspend", owner, null).body())
        .contains("\"status\":\"SUSPENDED\"");
    HttpResponse<String> suspendedLogin =
        E2e.send(
            "POST",
            "/api/v1/auth/token",
            null,
            "{\"email\":\"bill@initech.test\",\"password\":\"a-long-secret-passphrase\"}");
    assertThat(suspendedLogin.statusCode()).isEqualTo(403);
    assertThat(E2e.send("DELETE", "/api/v1/tenants/initech", owner, null).statusCode())
        .isEqualTo(204);
    assertThat(E2e.get("/api/v1/tenants/initech", owner).statusCode()).isEqualTo(404);
  }

  private static String body(String slug, String adminEmail) {
    return "{\"slug\":\""
        + slug
        + "\",\"displayName\":\"Initech\",\"adminEmail\":\""
        + adminEmail
        + "\",\"adminName\":\"Bill\",\"adminPassword\":\"a-long-secret-passphrase\"}";
  }

  private static String idOf(String usersJson, String email) {
    for (String item : usersJson.split("\\},\\{")) {
      if (item.contains("\"" + email + "\"")) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(item);
        if (m.find()) {
          return m.group(1);
        }
      }
    }
    throw new AssertionError(email + " not in " + usersJson);
  }
}
