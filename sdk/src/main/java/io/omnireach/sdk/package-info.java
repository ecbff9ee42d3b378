/**
 * The Java SDK of the OmniReach REST API: {@link io.omnireach.sdk.OmniReachClient} with typed
 * methods for auth, leads, workflows, blocks and the marketplace. Written by hand on {@code
 * java.net.http} and Jackson over the paths of the server's OpenAPI document; errors arrive as
 * {@link io.omnireach.sdk.ApiException} carrying the server's problem+json.
 */
package io.omnireach.sdk;
