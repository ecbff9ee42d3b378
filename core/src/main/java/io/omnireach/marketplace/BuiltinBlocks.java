package io.omnireach.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireach.block.Block;
import io.omnireach.block.BlockKind;
import io.omnireach.block.BlockManifest;
import io.omnireach.block.Blocks;
import io.omnireach.workflow.WorkflowExchange;
import io.omnireach.workflow.WorkflowTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocks every instance ships: the demo workflows (the workflow templates) and the demo
 * personas, signed by the instance key and stored once per version at start-up.
 */
public final class BuiltinBlocks {

  static final String VERSION = "1.0.0";
  static final String AUTHOR = "OmniReach";
  static final String LICENSE = "Apache-2.0";
  private static final List<String> PERSONAS = List.of("friendly-sdr", "enterprise-ae");

  private BuiltinBlocks() {}

  /** Stores the built-in blocks that are missing; returns how many were added. */
  public static int seed(BlockCatalogue catalogue, PublisherKeyring keys) {
    int added = 0;
    PublisherKeyring.Signer signer = null;
    for (Block unsigned : blocks()) {
      BlockManifest m = unsigned.manifest();
      if (catalogue.hasBuiltin(m.id(), m.version())) {
        continue;
      }
      signer = signer == null ? keys.instance() : signer;
      Block signed = Blocks.sign(unsigned, signer.privateKey(), signer.publicKey());
      catalogue.store(signed, null, true, signer.keyId(), "system");
      added++;
    }
    return added;
  }

  static List<Block> blocks() {
    List<Block> blocks = new ArrayList<>();
    for (WorkflowTemplate t : WorkflowExchange.templates()) {
      JsonNode content = Json.tree(resource("/workflow/templates/" + t.id() + ".json"));
      WorkflowExchange.Document doc = WorkflowExchange.read(content.toString());
      blocks.add(
          Blocks.pack(
              manifest(
                  "omnireach." + t.id(),
                  BlockKind.WORKFLOW,
                  t.name(),
                  t.description(),
                  List.of("outreach", "email", "starter"),
                  WorkflowInstaller.requirements(doc)),
              content));
    }
    for (String p : PERSONAS) {
      JsonNode content = Json.tree(resource("/marketplace/builtin/persona-" + p + ".json"));
      String role = content.path("role").asText("");
      blocks.add(
          Blocks.pack(
              manifest(
                  "omnireach.persona-" + p,
                  BlockKind.PERSONA,
                  content.path("name").asText(),
                  "The " + role + " voice of the demo: tone, samples, value propositions.",
                  List.of("persona", "starter"),
                  BlockManifest.Requirements.none()),
              content));
    }
    return blocks;
  }

  private static BlockManifest manifest(
      String id,
      BlockKind kind,
      String name,
      String description,
      List<String> tags,
      BlockManifest.Requirements requires) {
    return new BlockManifest(
        id,
        kind,
        name,
        VERSION,
        AUTHOR,
        LICENSE,
        description,
        tags,
        null,
        List.of(),
        requires,
        ">=" + Marketplace.PLATFORM_VERSION);
  }

  private static String resource(String path) {
    try (InputStream in = BuiltinBlocks.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
