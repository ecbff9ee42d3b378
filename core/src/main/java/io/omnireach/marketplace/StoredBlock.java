package io.omnireach.marketplace;

import io.omnireach.block.Block;
import io.omnireach.block.Blocks;

/**
 * A block file kept in this instance's catalogue.
 *
 * @param tenantId the publishing tenant, null for a built-in block
 * @param listed whether this instance's registry index lists it
 */
public record StoredBlock(String file, Long tenantId, boolean listed) {

  public Block block() {
    return Blocks.read(file);
  }
}
