package io.omnireach.app.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} zip the {@code keycloak} Maven profile unpacks
 * into target/keycloak) in {@code start-dev} on a loopback port, started once per test JVM and
 * stopped when it ends; plus the admin REST calls the SSO tests need.
 */
final class Keycloak {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String ADMIN = "admin";
  private static final String ADMIN_PASSWORD = "kc-" + UUID.randomUUID();
  private static Keycloak shared;

  final String baseUrl;
  private final Process process;

  private Keycloak(String baseUrl, Process process) {
    this.baseUrl = baseUrl;
    this.process = process;
  }

  /** The running Keycloak; skips the test (saying why) only when the distribution is missing. */
  static synchronized Keycloak shared() throws Exception {
    if (shared != null) {
      return shared;
    }
    Path home = Path.of(System.getProperty("omnireach.keycloak.home", "target/keycloak/none"));
    Path script = home.resolve("bin/kc.sh");
    Assumptions.assumeTrue(
        Files.isRegularFile(script),
        "Keycloak is not unpacked at "
            + home
            + ": run with the keycloak Maven profile (on unless -Domnireach.skip-keycloak).");
    int port = Integer.getInteger("omnireach.keycloak.port", 8180);
    String base = "http://127.0.0.1:" + port;
    if (answers(base + "/realms/master")) {
      throw new IllegalStateException("Port " + port + " is taken by another Keycloak or server.");
    }
    // a fresh dev database each run: the bootstrap admin and the test realms are created anew
    deleteTree(home.resolve("data"));
    // Keycloak 26 needs a newer Java than the build's; the machine's Temurin 25 when present
    Path java =
        Path.of(System.getProperty("omnireach.keycloak.java", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    ProcessBuilder pb =
        new ProcessBuilder(
                "bash",
                script.toString(),
                "start-dev",
                "--http-port=" + port,
                "--http-host=127.0.0.1")
            .redirectErrorStream(true)
            .redirectOutput(home.getParent().resolve("keycloak.log").toFile());
    if (Files.isDirectory(java)) {
      pb.environment().put("JAVA_HOME", java.toString());
    }
    // Java 24+ wants this open for Quarkus' thread-local reset (else worker threads die)
    pb.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
    pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
    pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    Process process = pb.start();
    Keycloak kc = new Keycloak(base, process);
    Runtime.getRuntime().addShutdownHook(new Thread(kc::stop));
    await("Keycloak to start (log: target/keycloak/keycloak.log)")
        // about a minute on a quiet machine; the first start also builds Keycloak (minutes when
        // busy)
        .atMost(Duration.ofMinutes(8))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> !process.isAlive() || answers(base + "/realms/master"));
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "Keycloak stopped while starting; see " + home.getParent().resolve("keycloak.log"));
    }
    shared = kc;
    return kc;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Stops Keycloak and the JVM its script started. */
  void stop() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }

  private static boolean answers(String url) {
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  String issuer(String realm) {
    return baseUrl + "/realms/" + realm;
  }

  /**
   * A realm with a confidential client (PKCE S256 required, back-channel logout to us, a groups
   * claim in the ID token) and the given groups.
   */
  void createRealm(
      String realm,
      String clientId,
      String secret,
      String redirectUri,
      String backChannelLogoutUrl,
      List<String> groups)
      throws Exception {
    admin("POST", "/admin/realms", Map.of("realm", realm, "enabled", true));
    Map<String, Object> mapper =
        Map.of(
            "name",
            "groups",
            "protocol",
            "openid-connect",
            "protocolMapper",
            "oidc-group-membership-mapper",
            "config",
            Map.of(
                "claim.name", "groups",
                "full.path", "false",
                "id.token.claim", "true",
                "access.token.claim", "true",
                "userinfo.token.claim", "true"));
    Map<String, Object> client = new java.util.LinkedHashMap<>();
    client.put("clientId", clientId);
    client.put("enabled", true);
    client.put("protocol", "openid-connect");
    client.put("publicClient", false);
    client.put("secret", secret);
    client.put("standardFlowEnabled", true);
    client.put("directAccessGrantsEnabled", false);
    client.put("redirectUris", List.of(redirectUri));
    client.put("frontchannelLogout", false);
    client.put(
        "attributes",
        Map.of(
            "pkce.code.challenge.method", "S256",
            "backchannel.logout.url", backChannelLogoutUrl,
            "backchannel.logout.session.required", "true"));
    client.put("protocolMappers", List.of(mapper));
    admin("POST", "/admin/realms/" + realm + "/clients", client);
    for (String group : groups) {
      admin("POST", "/admin/realms/" + realm + "/groups", Map.of("name", group));
    }
  }

  /** A user with a verified email, a password and optional groups; returns its id. */
  String createUser(
      String realm, String username, String email, String password, List<String> groups)
      throws Exception {
    List<String> paths = new ArrayList<>();
    groups.forEach(g -> paths.add("/" + g));
    admin(
        "POST",
        "/admin/realms/" + realm + "/users",
        Map.of(
            "username",
            username,
            "email",
            email,
            "firstName",
            Character.toUpperCase(username.charAt(0)) + username.substring(1),
            "lastName",
            "Sso",
            "enabled",
            true,
            "emailVerified",
            true,
            "groups",
            paths,
            "credentials",
            List.of(Map.of("type", "password", "value", password, "temporary", false))));
    JsonNode found =
        JSON.readTree(
            admin(
                "GET",
                "/admin/realms/"
                    + realm
                    + "/users?exact=true&username="
                    + URLEncoder.encode(username, StandardCharsets.UTF_8),
                null));
    return found.get(0).get("id").asText();
  }

  /** Ends the user's sessions at Keycloak, which then calls the clients' back-channel logout. */
  void logout(String realm, String userId) throws Exception {
    admin("POST", "/admin/realms/" + realm + "/users/" + userId + "/logout", null);
  }

  /** The user's session ids at Keycloak, oldest first. */
  java.util.List<String> sessions(String realm, String userId) throws Exception {
    JsonNode all =
        JSON.readTree(
            admin("GET", "/admin/realms/" + realm + "/users/" + userId + "/sessions", null));
    java.util.List<JsonNode> list = new java.util.ArrayList<>();
    all.forEach(list::add);
    list.sort(java.util.Comparator.comparingLong(s -> s.get("start").asLong()));
    return list.stream().map(s -> s.get("id").asText()).toList();
  }

  /** Ends one session at Keycloak, which then calls the clients' back-channel logout (its sid). */
  void endSession(String realm, String sessionId) throws Exception {
    admin("DELETE", "/admin/realms/" + realm + "/sessions/" + sessionId, null);
  }

  private String admin(String method, String path, Object body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + adminToken());
    if (body != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " → " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private String adminToken() throws Exception {
    String form =
        "grant_type=password&client_id=admin-cli&username="
            + ADMIN
            + "&password="
            + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("Keycloak admin sign-in failed: " + r.body());
    }
    return JSON.readTree(r.body()).get("access_token").asText();
  }
}
