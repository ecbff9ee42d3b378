package io.omnireach.app.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the auth endpoints (OAuth-style snake_case names). */
public final class AuthDtos {

  private AuthDtos() {}

  /** An access token and the refresh token that renews it. */
  public record TokenPair(
      @Schema(example = "eyJraWQiOi...") String access_token,
      @Schema(example = "Bearer") String token_type,
      @Schema(example = "900") long expires_in,
      @Schema(example = "Q2hhbmdlZCBldmVyeSB0aW1l...") String refresh_token,
      @Schema(example = "1209600") long refresh_expires_in) {}

  public record RefreshRequest(
      @Schema(example = "Q2hhbmdlZCBldmVyeSB0aW1l...") String refresh_token) {}
}
