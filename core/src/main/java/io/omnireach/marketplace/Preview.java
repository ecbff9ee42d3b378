package io.omnireach.marketplace;

import io.omnireach.block.BlockManifest;

/**
 * A checked block and what installing it would do.
 *
 * @param verification {@code VALID} or {@code UNSIGNED} (tampered blocks never get this far)
 * @param publisher {@code verified}, {@code unknown key} or {@code unsigned}
 * @param installedVersion the version already installed, or null
 */
public record Preview(
    BlockManifest manifest,
    String verification,
    String keyId,
    String publisher,
    InstallPlan plan,
    String installedVersion) {}
