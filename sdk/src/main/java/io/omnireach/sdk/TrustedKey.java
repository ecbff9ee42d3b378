package io.omnireach.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A publisher key the workspace trusts: blocks signed with it show as from a verified publisher.
 *
 * @param keyId first 16 hex digits of the SHA-256 of the public key
 * @param global trusted for every workspace of the instance
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrustedKey(long id, String keyId, String name, boolean global) {}
