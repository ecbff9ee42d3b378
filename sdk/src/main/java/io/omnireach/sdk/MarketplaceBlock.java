package io.omnireach.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A block in the workspace's catalogue, its newest version ({@code GET
 * /api/v1/marketplace/blocks}).
 *
 * @param kind the block kind's wire name ({@code workflow}, {@code persona}, …)
 * @param source {@code builtin}, {@code workspace} or {@code registry:<name>}
 * @param publisher {@code verified} (a key the workspace trusts), {@code unknown key} or {@code
 *     unsigned}
 * @param rating the average of the workspaces' stars, null while unrated
 * @param installedVersion the version this workspace installed, null when not installed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MarketplaceBlock(
    String id,
    String name,
    String kind,
    String version,
    String description,
    List<String> tags,
    String author,
    String source,
    String keyId,
    String publisher,
    Double rating,
    int ratingCount,
    boolean installed,
    String installedVersion,
    boolean updateAvailable,
    List<String> versions) {}
