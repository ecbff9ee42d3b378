package io.omnireach.marketplace;

import io.omnireach.block.BlockManifest;
import java.util.List;

/** A block's page: its listing, full manifest (readme = description, screenshots) and reviews. */
public record BlockDetail(
    CatalogueEntry entry, BlockManifest manifest, List<BlockCatalogue.Review> reviews) {}
