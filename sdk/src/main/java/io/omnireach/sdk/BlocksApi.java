package io.omnireach.sdk;

import io.omnireach.block.Block;
import io.omnireach.block.Blocks;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Block files on the server: plan or import one directly, publish one to the workspace's catalogue,
 * install, list, update and uninstall catalogue blocks.
 */
public final class BlocksApi {

  private static final String JSON = "application/json";

  private final Http http;

  BlocksApi(Http http) {
    this.http = http;
  }

  /** What importing the block would create and need; nothing is written. */
  public BlockPlan plan(Block block) {
    return http.post("/api/v1/blocks/import?dryRun=true", JSON, bytes(block), BlockPlan.class);
  }

  /**
   * Imports a block file. A block whose hash or signature does not match its content is refused
   * (422, nothing created), so is an unsigned one unless an Admin sets {@code allowUnsigned}.
   */
  public InstallResult importBlock(Block block, boolean allowUnsigned) {
    return http.post(
        "/api/v1/blocks/import" + (allowUnsigned ? "?allowUnsigned=true" : ""),
        JSON,
        bytes(block),
        InstallResult.class);
  }

  public InstallResult importBlock(Block block) {
    return importBlock(block, false);
  }

  /**
   * Publishes a signed block in the workspace's catalogue (Admin); {@code listPublicly} also lists
   * it in the instance's registry index for other instances.
   */
  public MarketplaceBlock publish(Block block, boolean listPublicly) {
    return http.post(
        "/api/v1/marketplace/blocks" + (listPublicly ? "?public=true" : ""),
        JSON,
        bytes(block),
        MarketplaceBlock.class);
  }

  public MarketplaceBlock publish(Block block) {
    return publish(block, false);
  }

  /** Installs the newest version of a catalogue block into the workspace. */
  public InstallResult install(String catalogueId) {
    return http.post(
        "/api/v1/marketplace/blocks/" + MarketplaceApi.segment(catalogueId) + "/install",
        JSON,
        new byte[0],
        InstallResult.class);
  }

  /**
   * The blocks installed in the workspace, newest first, each with the items it created and whether
   * the catalogue has a newer version ({@code GET /api/v1/blocks/installed}).
   */
  public List<InstalledBlock> installed() {
    return http.get(
        "/api/v1/blocks/installed",
        Http.JSON.getTypeFactory().constructCollectionType(List.class, InstalledBlock.class));
  }

  /**
   * Moves an installed block to the catalogue's newest version; 409 ({@link ApiException}) when it
   * is already the newest, 404 when it is not installed.
   */
  public InstallResult update(String catalogueId) {
    return http.post(
        "/api/v1/marketplace/blocks/" + MarketplaceApi.segment(catalogueId) + "/update",
        JSON,
        new byte[0],
        InstallResult.class);
  }

  /**
   * Uninstalls a block: the personas and policies it created are removed, its workflows archived;
   * 404 ({@link ApiException}) when it is not installed.
   */
  public void uninstall(String catalogueId) {
    http.delete("/api/v1/marketplace/blocks/" + MarketplaceApi.segment(catalogueId) + "/install");
  }

  private static byte[] bytes(Block block) {
    return Blocks.write(block).getBytes(StandardCharsets.UTF_8);
  }
}
