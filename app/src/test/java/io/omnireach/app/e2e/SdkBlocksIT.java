package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireach.block.Block;
import io.omnireach.block.BlockKind;
import io.omnireach.block.BlockManifest;
import io.omnireach.block.Blocks;
import io.omnireach.block.PublisherKeys;
import io.omnireach.sdk.ApiException;
import io.omnireach.sdk.BlockPlan;
import io.omnireach.sdk.InstallResult;
import io.omnireach.sdk.MarketplaceBlock;
import io.omnireach.sdk.OmniReachClient;
import io.omnireach.sdk.Review;
import java.security.KeyPair;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's block and marketplace calls against the running server: plan, checked import, publish,
 * search, install, rate, trust, and what one workspace creates staying invisible to another.
 */
class SdkBlocksIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void appStarted() {
    E2eServer.awaitReady();
  }

  /** A persona block as a developer writes it by hand, signed with the given key. */
  static Block personaBlock(String id, String name, KeyPair key) {
    return personaBlock(id, name, "1.0.0", key);
  }

  /** The same in a given version. */
  static Block personaBlock(String id, String name, String version, KeyPair key) {
    ObjectNode content = JSON.createObjectNode();
    content.put("kind", "persona").put("schemaVersion", 1).put("name", name);
    content.put("role", "Account Executive").put("defaultChannel", "EMAIL").put("language", "en");
    content.putArray("samples").add("Hi {{first_name}}, a short note from " + name + ".");
    content.putObject("voice").put("formality", 60).put("detail", 40).put("warmth", 70);
    BlockManifest manifest =
        new BlockManifest(
            id,
            BlockKind.PERSONA,
            name,
            version,
            "SDK tests",
            "MIT",
            "A persona made with the SDK.",
            List.of("sdk"),
            null,
            null,
            new BlockManifest.Requirements(List.of(), List.of("email")),
            ">=0.1.0");
    return Blocks.sign(Blocks.pack(manifest, content), key);
  }

  static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void a_signed_block_is_planned_and_imported_and_a_tampered_one_creates_nothing()
      throws Exception {
    OmniReachClient acme = SdkIT.signedIn("admin@acme.demo");
    String name = "Sdk Sam " + suffix();
    Block block = personaBlock("sdk.persona-" + suffix(), name, PublisherKeys.generate());

    BlockPlan plan = acme.blocks().plan(block);
    assertThat(plan.verification()).isEqualTo("VALID");
    assertThat(plan.publisher()).isEqualTo("unknown key");
    assertThat(plan.plan().creates()).anySatisfy(line -> assertThat(line).contains(name));

    ObjectNode tampered = (ObjectNode) JSON.readTree(Blocks.write(block));
    ((ObjectNode) tampered.get("content")).put("name", "Mallory " + suffix());
    int before = personas(acme).size();
    assertThatThrownBy(() -> acme.blocks().importBlock(Blocks.read(tampered.toString())))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.field()).isEqualTo("hash");
              assertThat(e.detail()).contains("hash");
            });
    assertThat(personas(acme)).hasSize(before);

    InstallResult imported = acme.blocks().importBlock(block);
    assertThat(imported.kind()).isEqualTo("persona");
    assertThat(imported.created())
        .singleElement()
        .satisfies(c -> assertThat(c.name()).isEqualTo(name));
    long personaId = imported.created().get(0).id();
    assertThat(E2e.get("/api/v1/personas/" + personaId, E2e.token("admin@acme.demo")).statusCode())
        .isEqualTo(200);
    assertThat(
            E2e.get("/api/v1/personas/" + personaId, E2e.token("admin@globex.demo")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void a_published_block_is_found_installed_and_rated_and_a_trusted_key_is_verified()
      throws Exception {
    OmniReachClient acme = SdkIT.signedIn("admin@acme.demo");
    KeyPair key = PublisherKeys.generate();
    String id = "sdk.published-" + suffix();
    String name = "Sdk Published " + suffix();
    Block block = personaBlock(id, name, key);

    MarketplaceBlock published = acme.blocks().publish(block);
    assertThat(published.id()).isEqualTo(id);
    assertThat(published.kind()).isEqualTo("persona");

    List<MarketplaceBlock> found = acme.marketplace().search(id, "persona");
    assertThat(found).singleElement().satisfies(b -> assertThat(b.installed()).isFalse());
    assertThat(acme.marketplace().search(id, "workflow")).isEmpty();

    InstallResult installed = acme.blocks().install(id);
    assertThat(installed.blockId()).isEqualTo(id);
    assertThat(installed.created())
        .extracting(InstallResult.Created::type)
        .containsExactly("persona");
    assertThat(acme.marketplace().search(id, null))
        .singleElement()
        .satisfies(b -> assertThat(b.installed()).isTrue());
    assertThatThrownBy(() -> acme.blocks().install(id))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));

    Review review = acme.marketplace().rate(id, 4, "Works for our team");
    assertThat(review.stars()).isEqualTo(4);
    assertThat(review.mine()).isTrue();
    assertThatThrownBy(() -> acme.marketplace().rate(id, 9, "too many"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.field()).isEqualTo("stars");
            });

    acme.marketplace().trust("SDK test key " + suffix(), PublisherKeys.publicPem(key.getPublic()));
    Block next = personaBlock("sdk.trusted-" + suffix(), "Sdk Trusted " + suffix(), key);
    assertThat(acme.blocks().plan(next).publisher()).isEqualTo("verified");

    OmniReachClient globex = SdkIT.signedIn("admin@globex.demo");
    assertThat(globex.blocks().plan(next).publisher()).isEqualTo("unknown key");
    assertThat(globex.marketplace().search(id, null))
        .allSatisfy(b -> assertThat(b.installed()).isFalse());
  }

  @Test
  void installed_blocks_are_listed_updated_to_a_new_version_and_uninstalled() throws Exception {
    OmniReachClient acme = SdkIT.signedIn("admin@acme.demo");
    KeyPair key = PublisherKeys.generate();
    String id = "sdk.lifecycle-" + suffix();
    String name = "Sdk Lifecycle " + suffix();
    acme.blocks().publish(personaBlock(id, name, key));
    acme.blocks().install(id);
    assertThat(acme.blocks().installed())
        .filteredOn(b -> b.blockId().equals(id))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.version()).isEqualTo("1.0.0");
              assertThat(b.latestVersion()).isEqualTo("1.0.0");
              assertThat(b.updateAvailable()).isFalse();
              assertThat(b.created()).extracting(InstallResult.Created::name).containsExactly(name);
            });
    assertThatThrownBy(() -> acme.blocks().update(id))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));

    acme.blocks().publish(personaBlock(id, name, "1.1.0", key));
    assertThat(acme.blocks().installed())
        .filteredOn(b -> b.blockId().equals(id))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.latestVersion()).isEqualTo("1.1.0");
              assertThat(b.updateAvailable()).isTrue();
            });
    InstallResult updated = acme.blocks().update(id);
    assertThat(updated.version()).isEqualTo("1.1.0");
    assertThat(acme.blocks().installed())
        .filteredOn(b -> b.blockId().equals(id))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.version()).isEqualTo("1.1.0");
              assertThat(b.updateAvailable()).isFalse();
            });
    OmniReachClient globex = SdkIT.signedIn("admin@globex.demo");
    assertThat(globex.blocks().installed()).noneMatch(b -> b.blockId().equals(id));
    assertThatThrownBy(() -> globex.blocks().uninstall(id))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));

    int before = personas(acme).size();
    acme.blocks().uninstall(id);
    assertThat(acme.blocks().installed()).noneMatch(b -> b.blockId().equals(id));
    assertThat(personas(acme)).hasSize(before - 1);
    assertThatThrownBy(() -> acme.blocks().uninstall(id))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  private static List<JsonNode> personas(OmniReachClient client) throws Exception {
    String body = E2e.get("/api/v1/personas", client.tokens().accessToken()).body();
    JsonNode node = JSON.readTree(body);
    JsonNode items = node.isArray() ? node : node.path("items");
    return List.copyOf(
        JSON.convertValue(
            items, JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class)));
  }
}
