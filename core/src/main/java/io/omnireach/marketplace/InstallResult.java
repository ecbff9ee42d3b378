package io.omnireach.marketplace;

import java.util.List;

/** What an install or update created. */
public record InstallResult(
    String blockId, String version, String kind, String name, List<CreatedItem> created) {}
