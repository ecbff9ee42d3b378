package io.omnireach.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A workspace's rating of a block.
 *
 * @param mine whether it is the calling workspace's own
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Review(String tenant, int stars, String text, String updatedAt, boolean mine) {}
