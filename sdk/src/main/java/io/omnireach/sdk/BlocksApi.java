package io.omnireach.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireach.block.Block;
import io.omnireach.block.Blocks;
import java.nio.charset.StandardCharsets;

/**
 * Block files on the server: import one directly, publish one to the workspace's catalogue, install
 * one from the catalogue. The answers ("what was created") are returned as the server's JSON.
 */
public final class BlocksApi {

  private final Http http;

  BlocksApi(Http http) {
    this.http = http;
  }

  /**
   * Imports a block file: 201 with what it created. A block whose hash or signature does not match
   * its content is refused (422, nothing created).
   */
  public JsonNode importBlock(Block block) {
    return http.post("/api/v1/blocks/import", "application/json", bytes(block), JsonNode.class);
  }

  /** Publishes a signed block to the workspace's catalogue. */
  public JsonNode publish(Block block) {
    return http.post(
        "/api/v1/marketplace/blocks", "application/json", bytes(block), JsonNode.class);
  }

  /** Installs a catalogue block into the workspace; returns what was created. */
  public JsonNode install(String catalogueId) {
    return http.post(
        "/api/v1/marketplace/blocks/" + MarketplaceApi.segment(catalogueId) + "/install",
        "application/json",
        "{}".getBytes(StandardCharsets.UTF_8),
        JsonNode.class);
  }

  private static byte[] bytes(Block block) {
    return Blocks.write(block).getBytes(StandardCharsets.UTF_8);
  }
}
