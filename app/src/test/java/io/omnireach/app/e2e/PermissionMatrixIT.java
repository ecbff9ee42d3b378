package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireach.app.e2e.Endpoints.Endpoint;
import io.omnireach.app.e2e.Endpoints.Guard;
import io.omnireach.user.Permission;
import io.omnireach.user.Role;
import io.omnireach.user.RolePermissions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated permission matrix: every REST endpoint × every built-in tenant role and one custom
 * role, in a fresh tenant of its own. The expected answer comes from the permission data ({@link
 * RolePermissions} and the custom role's set): 403 exactly when the permission is missing. Calls
 * use ids that exist nowhere and empty bodies, so a permitted call answers 2xx or a 4xx other than
 * 401/403 and changes nothing that matters.
 */
class PermissionMatrixIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  // HTTP/1.1: Liberty answers the h2c upgrade of parallel first requests with GOAWAY
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String PASSWORD = "a-long-secret-passphrase";
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  private static final String SLUG = "perm-" + RUN;

  /** The custom role of the matrix: a mix of areas, reads and one write. */
  static final Set<Permission> CUSTOM =
      EnumSet.of(
          Permission.LEADS_READ,
          Permission.LEADS_EXPORT,
          Permission.WORKFLOWS_READ,
          Permission.PERSONAS_MANAGE,
          Permission.BILLING_READ,
          Permission.AUDIT_READ);

  /** Role name → token, and role name → what it may do. */
  private static final Map<String, String> TOKENS = new LinkedHashMap<>();

  private static final Map<String, Set<Permission>> GRANTS = new LinkedHashMap<>();

  @BeforeAll
  static void aTenantWithOneMemberPerRole() throws Exception {
    Journeys.awaitReady();
    String owner = E2e.token("owner@omnireach.demo");
    String adminEmail = "admin@" + SLUG + ".example";
    HttpResponse<String> created =
        E2e.send(
            "POST",
            "/api/v1/tenants",
            owner,
            "{\"slug\":\""
                + SLUG
                + "\",\"displayName\":\"Permission matrix\",\"adminEmail\":\""
                + adminEmail
                + "\",\"adminName\":\"Matrix Admin\",\"adminPassword\":\""
                + PASSWORD
                + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    HttpResponse<String> seats =
        E2e.send("PATCH", "/api/v1/tenants/" + SLUG, owner, "{\"plan\":\"TEAM\"}");
    assertThat(seats.statusCode()).as("a plan with seats for five: " + seats.body()).isEqualTo(200);
    String admin = E2e.token(adminEmail, PASSWORD, SLUG);
    TOKENS.put("Admin", admin);
    GRANTS.put("Admin", RolePermissions.of(Role.ADMIN));
    for (Role role : List.of(Role.SALES, Role.VIEWER, Role.FINANCE)) {
      TOKENS.put(
          role.label(),
          member(admin, role.name().toLowerCase(), "\"role\":\"" + role.label() + "\""));
      GRANTS.put(role.label(), RolePermissions.of(role));
    }
    List<String> codes = CUSTOM.stream().map(p -> "\"" + p.code() + "\"").toList();
    HttpResponse<String> role =
        E2e.send(
            "POST",
            "/api/v1/roles",
            admin,
            "{\"name\":\"Analyst\",\"description\":\"Matrix\",\"permissions\":" + codes + "}");
    assertThat(role.statusCode()).as(role.body()).isEqualTo(201);
    long roleId = JSON.readTree(role.body()).get("id").asLong();
    TOKENS.put("custom", member(admin, "analyst", "\"customRoleId\":" + roleId));
    GRANTS.put("custom", CUSTOM);
  }

  /** Invites, accepts and signs in a member of the matrix tenant. */
  static String member(String admin, String name, String roleField) throws Exception {
    String email = name + "@" + SLUG + ".example";
    HttpResponse<String> invited =
        E2e.send(
            "POST",
            "/api/v1/invitations",
            admin,
            "{\"email\":\"" + email + "\"," + roleField + "}");
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    String token = JSON.readTree(invited.body()).get("token").asText();
    HttpResponse<String> accepted =
        E2e.send(
            "POST",
            "/api/v1/invitations/accept",
            null,
            "{\"token\":\""
                + token
                + "\",\"displayName\":\""
                + name
                + "\",\"password\":\""
                + PASSWORD
                + "\"}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    return E2e.token(email, PASSWORD, SLUG);
  }

  @Test
  void every_tenant_endpoint_names_the_permission_it_needs() throws Exception {
    List<Endpoint> unmapped =
        Endpoints.all().stream().filter(e -> e.guard() == Guard.UNMAPPED).toList();
    assertThat(unmapped)
        .as(
            "tenant endpoints without @Requires(Permission.X) (plain @RolesAllowed or nothing):"
                + " map each to a permission")
        .isEmpty();
  }

  @Test
  void every_endpoint_answers_403_exactly_when_the_callers_role_lacks_its_permission()
      throws Exception {
    List<Endpoint> endpoints =
        Endpoints.all().stream()
            .filter(e -> e.guard() == Guard.PERMISSION || e.guard() == Guard.ANY_SIGNED_IN)
            .toList();
    assertThat(endpoints).hasSizeGreaterThan(150);
    JsonNode documented = JSON.readTree(E2e.get("/openapi?format=JSON", null).body()).path("paths");
    assertThat(
            endpoints.stream()
                .filter(
                    e ->
                        documented
                            .path("/api/v1" + e.path().replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}"))
                            .path(e.method().toLowerCase())
                            .isMissingNode())
                .toList())
        .as("endpoints missing from /openapi")
        .isEmpty();

    Semaphore inFlight = new Semaphore(6);
    Map<String, CompletableFuture<String>> checks = new TreeMap<>();
    for (Endpoint e : endpoints) {
      for (Map.Entry<String, String> caller : TOKENS.entrySet()) {
        boolean permitted =
            e.guard() == Guard.ANY_SIGNED_IN
                || GRANTS.get(caller.getKey()).contains(e.permission());
        inFlight.acquire();
        CompletableFuture<String> check =
            HTTP.sendAsync(request(e, caller.getValue()), HttpResponse.BodyHandlers.ofString())
                .handle(
                    (r, failure) -> {
                      inFlight.release();
                      if (failure != null) {
                        return "no answer: " + failure;
                      }
                      return verdict(r, permitted);
                    });
        checks.put(e + " as " + caller.getKey(), check);
      }
    }
    Map<String, String> wrong = new TreeMap<>();
    for (Map.Entry<String, CompletableFuture<String>> c : checks.entrySet()) {
      String problem = c.getValue().join();
      if (problem != null) {
        wrong.put(c.getKey(), problem);
      }
    }
    assertThat(wrong).as("answers that contradict the permission data").isEmpty();
  }

  /** Null when the answer fits; else what is wrong. */
  private static String verdict(HttpResponse<String> r, boolean permitted) {
    int status = r.statusCode();
    if (!permitted) {
      if (status != 403) {
        return "expected 403, got " + status + " " + abbreviate(r.body());
      }
      try {
        JsonNode problem = JSON.readTree(r.body());
        return problem.path("status").asInt() == 403 ? null : "403 without a problem body";
      } catch (Exception ex) {
        return "403 without a problem body: " + abbreviate(r.body());
      }
    }
    return status == 401 || status == 403
        ? "permitted, got " + status + " " + abbreviate(r.body())
        : null;
  }

  private static HttpRequest request(Endpoint e, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(E2e.BASE_URL + e.url()))
            .header("Authorization", "Bearer " + token);
    if (e.method().equals("GET") || e.method().equals("DELETE")) {
      return b.method(e.method(), HttpRequest.BodyPublishers.noBody()).build();
    }
    String type = e.consumes() == null ? "application/json" : e.consumes();
    String body =
        switch (type) {
          case "multipart/form-data" ->
              "--x\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\nv\r\n--x--\r\n";
          case "application/json" -> "{}";
          default -> "x";
        };
    if (type.equals("multipart/form-data")) {
      type = "multipart/form-data; boundary=x";
    }
    return b.header("Content-Type", type)
        .method(e.method(), HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "…" : body;
  }
}
