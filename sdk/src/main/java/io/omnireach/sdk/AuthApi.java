package io.omnireach.sdk;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sign-in and token refresh ({@code /api/v1/auth}). */
public final class AuthApi {

  private final Http http;

  AuthApi(Http http) {
    this.http = http;
  }

  /**
   * Signs in; later calls of this client carry the new access token.
   *
   * @param tenant the workspace slug for a user of several, else null
   */
  public Tokens login(String email, String password, String tenant) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("email", email);
    body.put("password", password);
    if (tenant != null && !tenant.isBlank()) {
      body.put("tenant", tenant);
    }
    Tokens tokens = http.postAnonymous("/api/v1/auth/token", body, Tokens.class);
    http.tokens(tokens);
    return tokens;
  }

  public Tokens login(String email, String password) {
    return login(email, password, null);
  }

  /**
   * Exchanges the refresh token for new tokens (the old refresh token is used up). The client also
   * does this by itself once when a call meets an expired access token.
   */
  public Tokens refresh() {
    Tokens current = http.tokens();
    if (current == null || current.refreshToken() == null) {
      throw new IllegalStateException("no refresh token: sign in first");
    }
    Tokens tokens =
        http.postAnonymous(
            "/api/v1/auth/refresh", Map.of("refresh_token", current.refreshToken()), Tokens.class);
    http.tokens(tokens);
    return tokens;
  }
}
