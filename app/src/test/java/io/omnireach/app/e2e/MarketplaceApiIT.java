package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.omnireach.block.Block;
import io.omnireach.block.BlockKind;
import io.omnireach.block.BlockManifest;
import io.omnireach.block.Blocks;
import io.omnireach.block.PublisherKeys;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The marketplace over REST: signed exports, checked imports (a tampered block creates nothing),
 * the catalogue (built-in, published, a remote registry on loopback), install, update, uninstall,
 * ratings, and one tenant never seeing another's blocks or installs.
 */
class MarketplaceApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BLOCKS = "/api/v1/marketplace/blocks";

  @BeforeAll
  static void serverIsReady() throws Exception {
    Journeys.awaitReady();
  }

  @Test
  void a_tampered_or_unsigned_block_is_a_422_and_creates_nothing() throws Exception {
    String admin = E2e.token("admin@acme.demo");
    String persona = personaOf(admin, "Tamper Tess " + suffix());
    String exported = E2e.get("/api/v1/personas/" + persona + "/export", admin).body();
    ObjectNode block = (ObjectNode) JSON.readTree(exported);
    assertThat(block.get("format").asText()).isEqualTo("omnireach-block/1");
    assertThat(block.at("/manifest/kind").asText()).isEqualTo("persona");
    assertThat(block.at("/signature/algorithm").asText()).isEqualTo("Ed25519");
    int before = count(admin, "/api/v1/personas");

    ObjectNode changed = block.deepCopy();
    ((ObjectNode) changed.get("content")).put("name", "Mallory");
    assertProblem(
        E2e.send("POST", "/api/v1/blocks/import", admin, changed.toString()), 422, "hash");

    // a valid hash over the changed content, but the old signature
    Block repacked = Blocks.read(changed.toString());
    ObjectNode rehashed = changed.deepCopy();
    rehashed.put("hash", Blocks.hash(repacked.manifest(), repacked.content()));
    assertProblem(
        E2e.send("POST", "/api/v1/blocks/import", admin, rehashed.toString()), 422, "signature");

    ObjectNode unsigned = rehashed.deepCopy();
    unsigned.remove("signature");
    assertProblem(
        E2e.send("POST", "/api/v1/blocks/import", admin, unsigned.toString()), 422, "signature");
    assertProblem(
        E2e.send("POST", "/api/v1/personas/import", admin, changed.toString()), 422, "hash");
    assertThat(count(admin, "/api/v1/personas")).isEqualTo(before);

    // unsigned is accepted only when an Admin asks for it
    assertThat(
            E2e.send(
                    "POST",
                    "/api/v1/blocks/import?allowUnsigned=true",
                    E2e.token("sales@acme.demo"),
                    unsigned.toString())
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> allowed =
        E2e.send("POST", "/api/v1/blocks/import?allowUnsigned=true", admin, unsigned.toString());
    assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(201);
    assertThat(count(admin, "/api/v1/personas")).isEqualTo(before + 1);
    assertThat(JSON.readTree(allowed.body()).at("/created/0/name").asText()).isEqualTo("Mallory");
    assertThat(
            E2e.send(
                    "DELETE",
                    BLOCKS + "/" + block.at("/manifest/id").asText() + "/install",
                    admin,
                    null)
                .statusCode())
        .isEqualTo(204);
    assertThat(count(admin, "/api/v1/personas")).isEqualTo(before);
  }

  @Test
  void a_workflow_block_is_planned_then_imported_into_the_importing_tenant_only() throws Exception {
    String acme = E2e.token("admin@acme.demo");
    String globex = E2e.token("admin@globex.demo");
    String name = "Pigeon post " + suffix();
    HttpResponse<String> created =
        E2e.sendOnceMigrated(
            "POST",
            "/api/v1/workflows",
            acme,
            "{\"name\":\""
                + name
                + "\",\"nodes\":[{\"id\":\"s\",\"type\":\"start\",\"config\":{}},"
                + "{\"id\":\"p\",\"type\":\"carrier_pigeon\",\"config\":{}},"
                + "{\"id\":\"g\",\"type\":\"ai_generate\",\"config\":{\"personaName\":"
                + "\"Nobody Here\"}},{\"id\":\"e\",\"type\":\"end\",\"config\":{}}],"
                + "\"edges\":[{\"source\":\"s\",\"target\":\"p\"},{\"source\":\"p\","
                + "\"target\":\"g\"},{\"source\":\"g\",\"target\":\"e\"}]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = E2e.field(created.body(), "id");
    String block = E2e.get("/api/v1/workflows/" + id + "/export", acme).body();
    assertThat(JSON.readTree(block).at("/manifest/requires/nodeTypes").toString())
        .contains("carrier_pigeon");

    HttpResponse<String> plan = E2e.send("POST", "/api/v1/blocks/plan", globex, block);
    assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
    JsonNode p = JSON.readTree(plan.body());
    assertThat(p.get("verification").asText()).isEqualTo("VALID");
    assertThat(p.get("publisher").asText()).isEqualTo("unknown key"); // acme's key, not globex's
    assertThat(p.at("/plan/creates/0").asText()).contains("workflow \"" + name + "\"");
    assertThat(p.at("/plan/needs").toString()).contains("carrier_pigeon");
    assertThat(p.at("/plan/mappings/0/name").asText()).isEqualTo("Nobody Here");
    assertThat(p.at("/plan/mappings/0/mappedTo").isNull()).isTrue();
    assertThat(E2e.get("/api/v1/workflows", globex).body()).doesNotContain(name);

    HttpResponse<String> imported = E2e.send("POST", "/api/v1/blocks/import", globex, block);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    assertThat(JSON.readTree(imported.body()).at("/created/0/type").asText()).isEqualTo("workflow");
    assertThat(E2e.get("/api/v1/workflows", globex).body()).contains(name);
    assertThat(E2e.send("POST", "/api/v1/blocks/import", globex, block).statusCode())
        .isEqualTo(409);
    assertThat(E2e.get("/api/v1/blocks/installed", globex).body()).contains(name);
    assertThat(E2e.get("/api/v1/blocks/installed", acme).body()).doesNotContain(name);
  }

  @Test
  void a_built_in_block_is_listed_installed_rated_and_uninstalled_per_tenant() throws Exception {
    String acme = E2e.token("admin@acme.demo");
    String globex = E2e.token("admin@globex.demo");
    String id = "omnireach.persona-enterprise-ae";

    JsonNode listed = entry(acme, "?kind=persona&q=enterprise", id);
    for (String field : List.of("id", "name", "kind", "version", "rating", "installed")) {
      assertThat(listed.has(field)).as(field).isTrue();
    }
    assertThat(listed.get("kind").asText()).isEqualTo("persona");
    assertThat(listed.get("source").asText()).isEqualTo("builtin");
    assertThat(listed.get("publisher").asText()).isEqualTo("verified");
    assertThat(listed.get("installed").asBoolean()).isFalse();
    assertThat(JSON.readTree(E2e.get(BLOCKS + "?kind=workflow", acme).body()).toString())
        .contains("omnireach.cold-outreach-3-touches")
        .doesNotContain(id);

    HttpResponse<String> plan = E2e.get(BLOCKS + "/" + id + "/plan", acme);
    assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
    int before = count(acme, "/api/v1/personas");
    HttpResponse<String> installed = E2e.send("POST", BLOCKS + "/" + id + "/install", acme, null);
    assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
    assertThat(JSON.readTree(installed.body()).at("/created/0/type").asText()).isEqualTo("persona");
    assertThat(count(acme, "/api/v1/personas")).isEqualTo(before + 1);
    assertThat(entry(acme, "?kind=persona", id).get("installed").asBoolean()).isTrue();
    assertThat(entry(globex, "?kind=persona", id).get("installed").asBoolean()).isFalse();

    assertProblem(
        E2e.send("POST", BLOCKS + "/" + id + "/ratings", acme, "{\"stars\":6}"), 400, "stars");
    assertThat(E2e.send("POST", BLOCKS + "/" + id + "/ratings", acme, "{\"stars\":2}").statusCode())
        .isEqualTo(200);
    assertThat(
            E2e.send(
                    "POST",
                    BLOCKS + "/" + id + "/ratings",
                    acme,
                    "{\"stars\":5,\"text\":\"Sounds like our best AE.\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            E2e.send("POST", BLOCKS + "/" + id + "/ratings", globex, "{\"stars\":4}").statusCode())
        .isEqualTo(200);
    JsonNode rated = entry(globex, "?kind=persona", id);
    assertThat(rated.get("rating").asDouble()).isEqualTo(4.5); // one rating per tenant: 5 and 4
    assertThat(rated.get("ratingCount").asInt()).isEqualTo(2);
    JsonNode page = JSON.readTree(E2e.get(BLOCKS + "/" + id, acme).body());
    assertThat(page.at("/reviews").toString()).contains("Sounds like our best AE.");

    assertThat(E2e.send("DELETE", BLOCKS + "/" + id + "/install", globex, null).statusCode())
        .isEqualTo(404);
    assertThat(E2e.send("DELETE", BLOCKS + "/" + id + "/install", acme, null).statusCode())
        .isEqualTo(204);
    assertThat(count(acme, "/api/v1/personas")).isEqualTo(before);
  }

  @Test
  void a_published_block_is_its_tenants_only_and_a_new_version_is_an_update() throws Exception {
    String acme = E2e.token("admin@acme.demo");
    String globex = E2e.token("admin@globex.demo");
    String persona = personaOf(acme, "Published Pat " + suffix());
    String v1 = E2e.get("/api/v1/personas/" + persona + "/export", acme).body();
    String id = JSON.readTree(v1).at("/manifest/id").asText();
    HttpResponse<String> published = E2e.send("POST", BLOCKS + "?public=true", acme, v1);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
    assertThat(JSON.readTree(published.body()).get("source").asText()).isEqualTo("workspace");
    assertThat(E2e.send("POST", BLOCKS, acme, v1).statusCode()).isEqualTo(409);
    assertThat(E2e.get(BLOCKS + "/" + id, globex).statusCode()).isEqualTo(404);
    assertThat(E2e.get(BLOCKS, globex).body()).doesNotContain(id);
    assertThat(E2e.send("POST", BLOCKS + "/" + id + "/install", globex, null).statusCode())
        .isEqualTo(404);

    // listed in this instance's public registry index, file downloadable
    JsonNode index = JSON.readTree(E2e.get("/registry/index.json", null).body());
    assertThat(index.get("format").asText()).isEqualTo("omnireach-registry/1");
    JsonNode listed = null;
    for (JsonNode e : index.get("blocks")) {
      listed = e.get("id").asText().equals(id) ? e : listed;
    }
    assertThat(listed).isNotNull();
    assertThat(E2e.get("/registry/" + listed.get("url").asText(), null).body())
        .contains("\"hash\" : \"" + listed.get("hash").asText() + "\"");

    assertThat(E2e.send("POST", BLOCKS + "/" + id + "/install", acme, null).statusCode())
        .isEqualTo(201);
    assertThat(entry(acme, "", id).get("updateAvailable").asBoolean()).isFalse();
    String v2 = E2e.get("/api/v1/personas/" + persona + "/export?version=1.1.0", acme).body();
    assertThat(E2e.send("POST", BLOCKS, acme, v2).statusCode()).isEqualTo(201);
    JsonNode outdated = entry(acme, "", id);
    assertThat(outdated.get("updateAvailable").asBoolean()).isTrue();
    assertThat(outdated.get("installedVersion").asText()).isEqualTo("1.0.0");
    HttpResponse<String> updated = E2e.send("POST", BLOCKS + "/" + id + "/update", acme, null);
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(entry(acme, "", id).get("installedVersion").asText()).isEqualTo("1.1.0");
    assertThat(E2e.send("DELETE", BLOCKS + "/" + id + "/install", acme, null).statusCode())
        .isEqualTo(204);
  }

  @Test
  void a_remote_registry_lists_blocks_that_install_and_a_trusted_key_is_verified()
      throws Exception {
    KeyPair publisher = PublisherKeys.generate();
    String id = "community.policy-" + suffix();
    Block block =
        Blocks.sign(
            Blocks.pack(
                new BlockManifest(
                    id,
                    BlockKind.POLICY_SET,
                    "No freebies",
                    "1.0.0",
                    "Community",
                    "MIT",
                    "Blocks any discount above 10 %.",
                    List.of("compliance"),
                    null,
                    List.of(),
                    null,
                    ">=0.1.0"),
                JSON.readTree(
                    "{\"policies\":[{\"name\":\"Discounts up to 10% "
                        + id
                        + "\",\"kind\":"
                        + "\"max_discount\",\"severity\":\"block\",\"percent\":10}]}")),
            publisher);
    Block tampered =
        new Block(
            block.format(),
            block.manifest(),
            JSON.readTree("{\"policies\":[{\"kind\":\"max_discount\",\"percent\":90}]}"),
            block.hash(),
            block.signature());
    WireMockServer registry = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    registry.start();
    try {
      String index =
          "{\"format\":\"omnireach-registry/1\",\"name\":\"Community\",\"blocks\":[{\"id\":\""
              + id
              + "\",\"kind\":\"policy_set\",\"name\":\"No freebies\",\"version\":\"1.0.0\","
              + "\"keyId\":\""
              + block.signature().keyId()
              + "\",\"hash\":\""
              + block.hash()
              + "\",\"url\":\"files/good.json\"},{\"id\":\""
              + id
              + "-bad\",\"kind\":\"policy_set\",\"name\":\"Bad\",\"version\":\"1.0.0\","
              + "\"hash\":\""
              + block.hash()
              + "\",\"url\":\"files/bad.json\"}]}";
      registry.stubFor(get(urlEqualTo("/r/index.json")).willReturn(aResponse().withBody(index)));
      registry.stubFor(
          get(urlEqualTo("/r/files/good.json"))
              .willReturn(aResponse().withBody(Blocks.write(block))));
      registry.stubFor(
          get(urlEqualTo("/r/files/bad.json"))
              .willReturn(aResponse().withBody(Blocks.write(tampered))));

      String owner = E2e.token("owner@omnireach.demo");
      String acme = E2e.token("admin@acme.demo");
      assertThat(
              E2e.send(
                      "POST",
                      "/api/v1/marketplace/registries",
                      acme,
                      "{\"name\":\"x\",\"url\":\"http://127.0.0.1:1/\"}")
                  .statusCode())
          .isEqualTo(403);
      HttpResponse<String> added =
          E2e.send(
              "POST",
              "/api/v1/marketplace/registries",
              owner,
              "{\"name\":\"Community "
                  + id
                  + "\",\"url\":\"http://127.0.0.1:"
                  + registry.port()
                  + "/r/index.json\"}");
      assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
      assertThat(JSON.readTree(added.body()).get("blocks").asInt()).isEqualTo(2);

      JsonNode remote = entry(acme, "?kind=policy_set", id);
      assertThat(remote.get("source").asText()).startsWith("registry:Community");
      assertThat(remote.get("publisher").asText()).isEqualTo("unknown key");

      assertProblem(E2e.send("POST", BLOCKS + "/" + id + "-bad/install", acme, null), 422, "hash");
      int before = count(acme, "/api/v1/policies");
      HttpResponse<String> installed = E2e.send("POST", BLOCKS + "/" + id + "/install", acme, null);
      assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
      assertThat(count(acme, "/api/v1/policies")).isEqualTo(before + 1);

      HttpResponse<String> trusted =
          E2e.send(
              "POST",
              "/api/v1/marketplace/trusted-keys",
              acme,
              JSON.createObjectNode()
                  .put("name", "Community")
                  .put("publicKey", PublisherKeys.publicPem(publisher.getPublic()))
                  .toString());
      assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(201);
      assertThat(entry(acme, "?kind=policy_set", id).get("publisher").asText())
          .isEqualTo("verified");
      assertThat(
              entry(E2e.token("admin@globex.demo"), "?kind=policy_set", id)
                  .get("publisher")
                  .asText())
          .isEqualTo("unknown key");

      assertThat(E2e.send("DELETE", BLOCKS + "/" + id + "/install", acme, null).statusCode())
          .isEqualTo(204);
      assertThat(count(acme, "/api/v1/policies")).isEqualTo(before);
    } finally {
      registry.stop();
    }
  }

  @Test
  void the_registry_index_is_also_served_as_yaml_and_a_yaml_registry_is_read() throws Exception {
    HttpResponse<String> yaml = E2e.sendOnceMigrated("GET", "/registry/index.yaml", null, null);
    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
    ObjectMapper yamlMapper =
        new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    JsonNode fromYaml = yamlMapper.readTree(yaml.body());
    JsonNode fromJson = JSON.readTree(E2e.get("/registry/index.json", null).body());
    assertThat(fromYaml.get("format").asText()).isEqualTo("omnireach-registry/1");
    // read after the YAML: other tests may only have added blocks in between
    assertThat(fromJson.get("blocks").findValuesAsText("id"))
        .containsAll(fromYaml.get("blocks").findValuesAsText("id"));
    assertThat(fromYaml.get("blocks")).isNotEmpty();

    // a registry that serves only index.yaml (like a Helm repository) is added and listed
    JsonNode first = fromYaml.get("blocks").get(0);
    String id = "yaml.copy-" + suffix();
    String index =
        "format: omnireach-registry/1\nname: Yaml\nblocks:\n  - id: "
            + id
            + "\n    kind: "
            + first.get("kind").asText()
            + "\n    name: Yaml copy\n    version: 1.0.0\n    hash: \""
            + first.get("hash").asText()
            + "\"\n    url: files/copy.json\n";
    WireMockServer registry = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    registry.start();
    try {
      registry.stubFor(
          get(urlEqualTo("/y/index.yaml"))
              .willReturn(
                  aResponse().withHeader("Content-Type", "application/yaml").withBody(index)));
      HttpResponse<String> added =
          E2e.send(
              "POST",
              "/api/v1/marketplace/registries",
              E2e.token("owner@omnireach.demo"),
              "{\"name\":\"Yaml "
                  + id
                  + "\",\"url\":\"http://127.0.0.1:"
                  + registry.port()
                  + "/y/index.yaml\"}");
      assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
      JsonNode r = JSON.readTree(added.body());
      assertThat(r.get("blocks").asInt()).isEqualTo(1);
      assertThat(r.get("lastError").isNull()).isTrue();
      assertThat(entry(E2e.token("admin@acme.demo"), "", id).get("source").asText())
          .isEqualTo("registry:Yaml " + id);
      assertThat(
              E2e.send(
                      "DELETE",
                      "/api/v1/marketplace/registries/" + r.get("id").asLong(),
                      E2e.token("owner@omnireach.demo"),
                      null)
                  .statusCode())
          .isEqualTo(204);
    } finally {
      registry.stop();
    }
  }

  @Test
  void the_owner_trusts_a_key_for_every_workspace_and_removes_it() throws Exception {
    String owner = E2e.token("owner@omnireach.demo");
    String acme = E2e.token("admin@acme.demo");
    KeyPair publisher = PublisherKeys.generate();
    String pem = PublisherKeys.publicPem(publisher.getPublic());
    String name = "Platform key " + suffix();
    String keys = "/api/v1/marketplace/platform-keys";
    String body = JSON.createObjectNode().put("name", name).put("publicKey", pem).toString();
    assertThat(E2e.send("POST", keys, acme, body).statusCode()).isEqualTo(403);
    assertThat(E2e.get(keys, acme).statusCode()).isEqualTo(403);
    assertProblem(
        E2e.send("POST", keys, owner, "{\"name\":\"x\",\"publicKey\":\"nope\"}"), 400, "publicKey");

    HttpResponse<String> added = E2e.send("POST", keys, owner, body);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    JsonNode key = JSON.readTree(added.body());
    String keyId = key.get("keyId").asText();
    assertThat(key.get("fingerprint").asText()).hasSize(64).startsWith(keyId);
    assertThat(key.get("name").asText()).isEqualTo(name);
    assertThat(E2e.get(keys, owner).body()).contains(keyId);

    // a block signed with it is verified in every workspace
    Block block =
        SdkBlocksIT.personaBlock("platform.trusted-" + suffix(), "Trusted " + suffix(), publisher);
    HttpResponse<String> plan = E2e.send("POST", "/api/v1/blocks/plan", acme, Blocks.write(block));
    assertThat(JSON.readTree(plan.body()).get("publisher").asText()).isEqualTo("verified");

    String path = keys + "/" + key.get("id").asLong();
    assertThat(E2e.send("DELETE", path, acme, null).statusCode()).isEqualTo(403);
    assertThat(E2e.send("DELETE", path, owner, null).statusCode()).isEqualTo(204);
    assertThat(E2e.send("DELETE", path, owner, null).statusCode()).isEqualTo(404);
    assertThat(E2e.get(keys, owner).body()).doesNotContain(keyId);
    plan = E2e.send("POST", "/api/v1/blocks/plan", acme, Blocks.write(block));
    assertThat(JSON.readTree(plan.body()).get("publisher").asText()).isEqualTo("unknown key");
  }

  @Test
  void the_marketplace_endpoints_are_in_the_openapi_document() throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains(
            "/api/v1/marketplace/blocks:",
            "/api/v1/marketplace/blocks/{id}/install:",
            "/api/v1/marketplace/blocks/{id}/ratings:",
            "/api/v1/blocks/import:",
            "/api/v1/blocks/plan:",
            "/api/v1/policies/export:",
            "/api/v1/marketplace/registries:",
            "/api/v1/marketplace/platform-keys:",
            "/api/v1/blocks/installed:");
  }

  private static JsonNode entry(String token, String query, String id) throws Exception {
    HttpResponse<String> r = E2e.sendOnceMigrated("GET", BLOCKS + query, token, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    for (JsonNode e : JSON.readTree(r.body())) {
      if (e.get("id").asText().equals(id)) {
        return e;
      }
    }
    throw new AssertionError(id + " not in " + r.body());
  }

  private static String personaOf(String token, String name) throws Exception {
    HttpResponse<String> r =
        E2e.sendOnceMigrated(
            "POST",
            "/api/v1/personas",
            token,
            "{\"name\":\""
                + name
                + "\",\"role\":\"AE\",\"writingSamples\":[\"Hi {{first_name}}\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return E2e.field(r.body(), "id");
  }

  private static int count(String token, String path) throws Exception {
    JsonNode body = JSON.readTree(E2e.get(path, token).body());
    return body.get("items").size();
  }

  private static void assertProblem(HttpResponse<String> r, int status, String field)
      throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo(field);
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
