package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireach.block.Block;
import io.omnireach.block.Blocks;
import io.omnireach.block.PublisherKeys;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Blocks a reseller publishes for its tenants: every tenant of that reseller sees and installs them
 * (source "reseller"), tenants of another reseller and other resellers do not, and a new version
 * shows as an update on the installed block.
 */
class ResellerBlocksApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "a-long-secret-passphrase";
  private static final String BLOCKS = "/api/v1/marketplace/blocks";
  private static final String SUFFIX = SdkBlocksIT.suffix();

  static long northId;
  static String north;
  static String south;
  static String northTenant;
  static String southTenant;

  @BeforeAll
  static void two_resellers_with_a_tenant_each() throws Exception {
    Journeys.awaitReady();
    String owner = E2e.token("owner@omnireach.demo");
    northId = reseller(owner, "mk-north-" + SUFFIX, "rex@mk-north-" + SUFFIX + ".test");
    reseller(owner, "mk-south-" + SUFFIX, "rex@mk-south-" + SUFFIX + ".test");
    north = E2e.token("rex@mk-north-" + SUFFIX + ".test", PASSWORD, null);
    south = E2e.token("rex@mk-south-" + SUFFIX + ".test", PASSWORD, null);
    northTenant = tenant(north, "mkn-client-" + SUFFIX, "ada@mkn-" + SUFFIX + ".test");
    southTenant = tenant(south, "mks-client-" + SUFFIX, "bob@mks-" + SUFFIX + ".test");
  }

  @Test
  void a_resellers_block_reaches_its_tenants_only_and_a_new_version_is_an_update()
      throws Exception {
    KeyPair key = PublisherKeys.generate();
    String id = "mk-north-" + SUFFIX + ".closer";
    String name = "North closer " + SUFFIX;
    String path = "/api/v1/resellers/" + northId + "/blocks";

    // only its own reseller (or the Owner) publishes; tenants have no access
    String v1 = Blocks.write(SdkBlocksIT.personaBlock(id, name, key));
    assertThat(E2e.send("POST", path, south, v1).statusCode()).isEqualTo(404);
    assertThat(E2e.get(path, south).statusCode()).isEqualTo(404);
    assertThat(E2e.send("POST", path, northTenant, v1).statusCode()).isEqualTo(403);
    ObjectNode unsigned = (ObjectNode) JSON.readTree(v1);
    unsigned.remove("signature");
    assertProblem(E2e.send("POST", path, north, unsigned.toString()), 422, "signature");
    assertThat(E2e.send("POST", path, north, "{\"not\":\"a block\"}").statusCode()).isEqualTo(400);

    HttpResponse<String> published = E2e.send("POST", path, north, v1);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
    assertThat(JSON.readTree(published.body()).get("version").asText()).isEqualTo("1.0.0");
    assertThat(E2e.send("POST", path, north, v1).statusCode()).isEqualTo(409);
    JsonNode listed = JSON.readTree(E2e.get(path, north).body());
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asText()).isEqualTo(id);

    // the north tenant sees it as the reseller's; the south tenant and acme do not
    JsonNode entry = entry(northTenant, id);
    assertThat(entry).isNotNull();
    assertThat(entry.get("source").asText()).isEqualTo("reseller");
    assertThat(entry(southTenant, id)).isNull();
    assertThat(entry(E2e.token("admin@acme.demo"), id)).isNull();
    assertThat(E2e.get(BLOCKS + "/" + id, southTenant).statusCode()).isEqualTo(404);
    assertThat(E2e.send("POST", BLOCKS + "/" + id + "/install", southTenant, null).statusCode())
        .isEqualTo(404);
    // and the public registry index never lists it
    assertThat(E2e.get("/registry/index.json", null).body()).doesNotContain(id);

    HttpResponse<String> installed =
        E2e.send("POST", BLOCKS + "/" + id + "/install", northTenant, null);
    assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
    JsonNode mine = installedEntry(northTenant, id);
    assertThat(mine.get("source").asText()).isEqualTo("reseller");
    assertThat(mine.get("updateAvailable").asBoolean()).isFalse();

    String v2 = Blocks.write(SdkBlocksIT.personaBlock(id, name, "1.1.0", key));
    assertThat(E2e.send("POST", path, north, v2).statusCode()).isEqualTo(201);
    mine = installedEntry(northTenant, id);
    assertThat(mine.get("version").asText()).isEqualTo("1.0.0");
    assertThat(mine.get("latestVersion").asText()).isEqualTo("1.1.0");
    assertThat(mine.get("updateAvailable").asBoolean()).isTrue();
    assertThat(entry(northTenant, id).get("updateAvailable").asBoolean()).isTrue();
    assertThat(E2e.send("POST", BLOCKS + "/" + id + "/update", northTenant, null).statusCode())
        .isEqualTo(200);
    assertThat(installedEntry(northTenant, id).get("updateAvailable").asBoolean()).isFalse();
    assertThat(JSON.readTree(E2e.get(path, north).body()).get(0).get("versions").toString())
        .isEqualTo("[\"1.1.0\",\"1.0.0\"]");
  }

  @Test
  void a_block_id_belongs_to_its_first_publisher() throws Exception {
    KeyPair key = PublisherKeys.generate();
    String id = "taken-" + SUFFIX + ".persona";
    Block block = SdkBlocksIT.personaBlock(id, "Taken " + SUFFIX, key);
    assertThat(
            E2e.send("POST", BLOCKS, E2e.token("admin@acme.demo"), Blocks.write(block))
                .statusCode())
        .isEqualTo(201);
    Block again = SdkBlocksIT.personaBlock(id, "Taken " + SUFFIX, "2.0.0", key);
    assertProblem(
        E2e.send("POST", "/api/v1/resellers/" + northId + "/blocks", north, Blocks.write(again)),
        409,
        "manifest.id");
  }

  @Test
  void the_reseller_block_endpoints_are_in_the_openapi_document() throws Exception {
    assertThat(E2e.get("/openapi", null).body()).contains("/api/v1/resellers/{id}/blocks:");
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static JsonNode entry(String token, String id) throws Exception {
    HttpResponse<String> r = E2e.sendOnceMigrated("GET", BLOCKS, token, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    for (JsonNode e : JSON.readTree(r.body())) {
      if (e.get("id").asText().equals(id)) {
        return e;
      }
    }
    return null;
  }

  private static JsonNode installedEntry(String token, String id) throws Exception {
    HttpResponse<String> r = E2e.get("/api/v1/blocks/installed", token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    for (JsonNode e : JSON.readTree(r.body())) {
      if (e.get("blockId").asText().equals(id)) {
        return e;
      }
    }
    throw new AssertionError(id + " not installed: " + r.body());
  }

  static long reseller(String owner, String slug, String email) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("slug", slug).put("name", slug).put("wholesalePlan", "white_label");
    body.putObject("brand").put("productName", slug + " Reach").put("primaryColor", "#1e3a8a");
    body.put("userEmail", email).put("userName", "Rex").put("userPassword", PASSWORD);
    HttpResponse<String> r = E2e.send("POST", "/api/v1/resellers", owner, body.toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("id").asLong();
  }

  static String tenant(String resellerToken, String slug, String adminEmail) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("slug", slug).put("displayName", slug).put("adminEmail", adminEmail);
    body.put("adminName", "First Admin").put("adminPassword", PASSWORD);
    HttpResponse<String> r = E2e.send("POST", "/api/v1/tenants", resellerToken, body.toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return E2e.token(adminEmail, PASSWORD, null);
  }

  private static void assertProblem(HttpResponse<String> r, int status, String field)
      throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo(field);
  }
}
