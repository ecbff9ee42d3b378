package io.omnireach.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A block installed in the workspace ({@code GET /api/v1/blocks/installed}).
 *
 * @param source where it was installed from: {@code builtin}, {@code workspace}, {@code reseller},
 *     {@code registry:<name>} or {@code file}
 * @param installedAt ISO-8601 instant
 * @param created the items it created (what uninstall removes)
 * @param latestVersion the catalogue's newest version, null when the catalogue no longer offers it
 * @param updateAvailable whether {@code latestVersion} is newer than {@code version}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstalledBlock(
    String blockId,
    String version,
    String kind,
    String name,
    String source,
    String keyId,
    List<InstallResult.Created> created,
    String installedBy,
    String installedAt,
    String latestVersion,
    boolean updateAvailable) {}
