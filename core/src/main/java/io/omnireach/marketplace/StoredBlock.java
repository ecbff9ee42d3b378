package io.omnireach.marketplace;

import io.omnireach.block.Block;
import io.omnireach.block.Blocks;
import java.time.Instant;

/**
 * A block file kept in this instance's catalogue.
 *
 * @param tenantId the publishing tenant, null for a built-in or a reseller's block
 * @param listed whether this instance's registry index lists it
 * @param resellerId the publishing reseller, null unless a reseller published it for its tenants
 */
public record StoredBlock(
    String file,
    Long tenantId,
    boolean listed,
    Long resellerId,
    Instant publishedAt,
    String publishedBy) {

  public Block block() {
    return Blocks.read(file);
  }

  /**
   * {@code builtin}, {@code workspace} or {@code reseller}: where the catalogue says it is from.
   */
  public String source() {
    return tenantId != null ? "workspace" : resellerId != null ? "reseller" : "builtin";
  }
}
