package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Custom roles through the API: admins create, change and delete them, members holding one get
 * exactly its permissions (at once after a change), built-ins are read-only, everything is audited,
 * and another tenant can neither see nor assign them.
 */
class CustomRolesApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "a-long-secret-passphrase";
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

  private static String admin;

  @BeforeAll
  static void signIn() throws Exception {
    Journeys.awaitReady();
    admin = E2e.token("admin@acme.demo");
  }

  @Test
  void the_roles_list_shows_the_built_in_permission_sets_and_the_catalog_is_grouped()
      throws Exception {
    JsonNode roles = json(E2e.get("/api/v1/roles", E2e.token("viewer@acme.demo")), 200);
    JsonNode viewer = byName(roles, "Viewer");
    assertThat(viewer.get("builtIn").asBoolean()).isTrue();
    assertThat(codes(viewer)).contains("leads.read", "leads.export").doesNotContain("leads.write");
    assertThat(codes(byName(roles, "Finance"))).containsExactly("billing.read", "billing.manage");
    assertThat(codes(byName(roles, "Admin"))).contains("users.manage", "audit.read");
    JsonNode catalog = json(E2e.get("/api/v1/roles/permissions", admin), 200);
    assertThat(catalog.size()).isGreaterThan(25);
    assertThat(catalog.get(0).get("area").asText()).isEqualTo("Leads");
    assertThat(E2e.get("/api/v1/roles", E2e.token("finance@acme.demo")).statusCode())
        .as("Finance does not see the team")
        .isEqualTo(403);
  }

  @Test
  void a_member_with_a_custom_role_can_do_exactly_what_it_grants_and_changes_apply_at_once()
      throws Exception {
    String name = "Exporter " + RUN;
    long roleId = create(admin, name, "\"leads.read\",\"leads.export\"");
    String email = "exporter-" + RUN + "@acme.test";
    long userId = inviteTo(admin, email, roleId);
    String member = E2e.token(email, PASSWORD, "acme");
    try {
      JsonNode me = json(E2e.get("/api/v1/users/" + userId, admin), 200);
      assertThat(me.get("role").asText()).isEqualTo("Member");
      assertThat(me.get("roleName").asText()).isEqualTo(name);
      assertThat(E2e.get("/api/v1/leads", member).statusCode()).isEqualTo(200);
      assertThat(E2e.get("/api/v1/leads/export", member).statusCode()).isEqualTo(200);
      HttpResponse<String> write = E2e.send("POST", "/api/v1/leads", member, "{}");
      assertThat(write.statusCode()).isEqualTo(403);
      assertThat(JSON.readTree(write.body()).get("detail").asText()).contains("leads.write");
      assertThat(E2e.get("/api/v1/workflows", member).statusCode()).isEqualTo(403);

      HttpResponse<String> changed =
          E2e.send(
              "PUT",
              "/api/v1/roles/" + roleId,
              admin,
              "{\"name\":\""
                  + name
                  + "\",\"permissions\":[\"leads.read\",\"leads.write\",\"workflows.read\"]}");
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
      assertThat(E2e.send("POST", "/api/v1/leads", member, "{}").statusCode())
          .as("leads.write now granted: the empty lead is refused as invalid, not forbidden")
          .isEqualTo(400);
      assertThat(E2e.get("/api/v1/workflows", member).statusCode()).isEqualTo(200);
      assertThat(E2e.get("/api/v1/leads/export", member).statusCode()).isEqualTo(403);

      HttpResponse<String> inUse = E2e.send("DELETE", "/api/v1/roles/" + roleId, admin, null);
      assertThat(inUse.statusCode()).isEqualTo(409);
      assertThat(JSON.readTree(inUse.body()).get("detail").asText()).contains("1 member");
    } finally {
      assertThat(
              E2e.send("PATCH", "/api/v1/users/" + userId, admin, "{\"role\":\"Viewer\"}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(E2e.send("DELETE", "/api/v1/users/" + userId, admin, null).statusCode())
          .isEqualTo(204);
    }
    assertThat(E2e.send("DELETE", "/api/v1/roles/" + roleId, admin, null).statusCode())
        .isEqualTo(204);
    assertThat(E2e.get("/api/v1/roles/" + roleId, admin).statusCode()).isEqualTo(404);

    String audit = E2e.get("/api/v1/audit?actor=admin@acme.demo&action=role.", admin).body();
    assertThat(audit).contains("role.create", "role.update", "role.delete", name);
  }

  @Test
  void built_in_roles_are_read_only_and_bad_input_is_a_clear_4xx() throws Exception {
    assertThat(
            E2e.send("PUT", "/api/v1/roles/Admin", admin, "{\"name\":\"X\",\"permissions\":[]}")
                .statusCode())
        .isEqualTo(409);
    assertThat(E2e.send("DELETE", "/api/v1/roles/Viewer", admin, null).statusCode()).isEqualTo(409);
    assertField(
        E2e.send(
            "POST", "/api/v1/roles", admin, "{\"name\":\" \",\"permissions\":[\"leads.read\"]}"),
        400,
        "name");
    assertField(
        E2e.send(
            "POST", "/api/v1/roles", admin, "{\"name\":\"Odd\",\"permissions\":[\"leads.fly\"]}"),
        400,
        "permissions");
    assertField(
        E2e.send("POST", "/api/v1/roles", admin, "{\"name\":\"Odd\",\"permissions\":[]}"),
        400,
        "permissions");
    assertField(
        E2e.send(
            "POST",
            "/api/v1/roles",
            admin,
            "{\"name\":\"sales\",\"permissions\":[\"leads.read\"]}"),
        409,
        "name");
    String name = "Twice " + RUN;
    long id = create(admin, name, "\"leads.read\"");
    assertField(
        E2e.send(
            "POST",
            "/api/v1/roles",
            admin,
            "{\"name\":\"" + name.toUpperCase() + "\",\"permissions\":[\"leads.read\"]}"),
        409,
        "name");
    assertThat(E2e.send("POST", "/api/v1/roles", E2e.token("sales@acme.demo"), "{}").statusCode())
        .isEqualTo(403);
    assertThat(E2e.send("DELETE", "/api/v1/roles/" + id, admin, null).statusCode()).isEqualTo(204);
  }

  @Test
  void globex_can_neither_see_nor_change_nor_assign_acmes_custom_roles() throws Exception {
    String name = "Acme only " + RUN;
    long roleId = create(admin, name, "\"leads.read\"");
    String globex = E2e.token("admin@globex.demo");
    try {
      assertThat(E2e.get("/api/v1/roles", globex).body()).doesNotContain(name);
      assertThat(E2e.get("/api/v1/roles/" + roleId, globex).statusCode()).isEqualTo(404);
      assertThat(
              E2e.send(
                      "PUT",
                      "/api/v1/roles/" + roleId,
                      globex,
                      "{\"name\":\"Stolen\",\"permissions\":[\"users.manage\"]}")
                  .statusCode())
          .isEqualTo(404);
      assertThat(E2e.send("DELETE", "/api/v1/roles/" + roleId, globex, null).statusCode())
          .isEqualTo(404);
      long globexAdmin = JSON.readTree(E2e.get("/api/v1/me", globex).body()).get("id").asLong();
      assertThat(
              E2e.send(
                      "PATCH",
                      "/api/v1/users/" + globexAdmin,
                      globex,
                      "{\"customRoleId\":" + roleId + "}")
                  .statusCode())
          .isEqualTo(404);
      assertThat(
              E2e.send(
                      "POST",
                      "/api/v1/invitations",
                      globex,
                      "{\"email\":\"spy-" + RUN + "@globex.test\",\"customRoleId\":" + roleId + "}")
                  .statusCode())
          .isEqualTo(404);
      assertThat(json(E2e.get("/api/v1/roles/" + roleId, admin), 200).get("name").asText())
          .isEqualTo(name);
    } finally {
      assertThat(E2e.send("DELETE", "/api/v1/roles/" + roleId, admin, null).statusCode())
          .isEqualTo(204);
    }
  }

  static long create(String admin, String name, String permissions) throws Exception {
    HttpResponse<String> r =
        E2e.send(
            "POST",
            "/api/v1/roles",
            admin,
            "{\"name\":\""
                + name
                + "\",\"description\":\"test\",\"permissions\":["
                + permissions
                + "]}");
    return json(r, 201).get("id").asLong();
  }

  /** Invites with a custom role and accepts; returns the new user's id. */
  static long inviteTo(String admin, String email, long roleId) throws Exception {
    HttpResponse<String> invited =
        E2e.send(
            "POST",
            "/api/v1/invitations",
            admin,
            "{\"email\":\"" + email + "\",\"customRoleId\":" + roleId + "}");
    JsonNode invitation = json(invited, 201);
    assertThat(invitation.get("role").asText()).isEqualTo("Member");
    assertThat(invitation.get("customRoleId").asLong()).isEqualTo(roleId);
    HttpResponse<String> accepted =
        E2e.send(
            "POST",
            "/api/v1/invitations/accept",
            null,
            "{\"token\":\""
                + invitation.get("token").asText()
                + "\",\"displayName\":\"Custom Person\",\"password\":\""
                + PASSWORD
                + "\"}");
    return json(accepted, 201).get("userId").asLong();
  }

  private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  private static void assertField(HttpResponse<String> r, int status, String field)
      throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(JSON.readTree(r.body()).path("field").asText()).isEqualTo(field);
  }

  private static JsonNode byName(JsonNode roles, String name) {
    for (JsonNode r : roles) {
      if (r.get("name").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("No role " + name + " in " + roles);
  }

  private static List<String> codes(JsonNode role) {
    List<String> codes = new ArrayList<>();
    role.get("permissions").forEach(p -> codes.add(p.asText()));
    return codes;
  }
}
