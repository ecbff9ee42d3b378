package io.omnireach.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An access token (short-lived) and the refresh token that renews it; each refresh rotates both.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tokens(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("refresh_token") String refreshToken,
    @JsonProperty("refresh_expires_in") long refreshExpiresIn) {

  /** A bare access token (e.g. from {@code --token}): no refresh possible. */
  public static Tokens access(String accessToken) {
    return new Tokens(accessToken, "Bearer", 0, null, 0);
  }
}
