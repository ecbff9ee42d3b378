package io.omnireach.app.rest;

import io.omnireach.app.rest.AuthDtos.RefreshRequest;
import io.omnireach.app.rest.AuthDtos.TokenPair;
import io.omnireach.app.rest.Dtos.TokenRequest;
import io.omnireach.app.security.TokenIssuer;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.auth.Authenticator;
import io.omnireach.auth.Sessions;
import io.omnireach.auth.TrustedProxies;
import io.omnireach.common.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign-in: email and password for a short-lived RS256 access token plus a rotating refresh token;
 * refresh and sign-out.
 */
@Path("/auth")
@Tag(name = "Auth")
@PermitAll
public class AuthResource {

  private static final String PAIR_EXAMPLE =
      "{\"access_token\":\"eyJraWQiOi...\",\"token_type\":\"Bearer\",\"expires_in\":900,"
          + "\"refresh_token\":\"Q2hhbmdlZCBldmVyeSB0aW1l...\",\"refresh_expires_in\":1209600}";

  private static final String REFRESH_EXAMPLE =
      "{\"refresh_token\":\"Q2hhbmdlZCBldmVyeSB0aW1l...\"}";

  @Inject Authenticator authenticator;
  @Inject Sessions sessions;
  @Inject TokenIssuer tokens;
  @Inject TrustedProxies proxies;
  @Inject Clock clock;
  @Context HttpServletRequest request;

  @POST
  @Path("/token")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Get an access token",
      description =
          "Checks the password and returns a bearer token with the user's tenant and roles, and a"
              + " refresh token for POST /auth/refresh. Failed attempts are limited per client"
              + " address, per account and address, and slowed down per account.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "demo admin",
                      value =
                          "{\"email\":\"admin@acme.demo\",\"password\":\"omnireach-demo\","
                              + "\"tenant\":\"acme\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Tokens issued",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "tokens", value = PAIR_EXAMPLE)))
  @APIResponse(
      responseCode = "401",
      description = "Wrong email or password",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "bad credentials",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                              + "\"detail\":\"Email or password is incorrect.\"}")))
  @APIResponse(responseCode = "413", description = "Request body too large (also once inflated)")
  @APIResponse(
      responseCode = "429",
      description = "Too many failed attempts",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "slowed down",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\","
                              + "\"status\":429,\"detail\":\"Too many failed sign-in attempts"
                              + " for this account. Try again in 4 seconds.\"}")))
  public TokenPair token(TokenRequest body) {
    if (body == null || body.email() == null || body.email().isBlank()) {
      throw DomainException.invalid("email", "Email is required.");
    }
    if (body.password() == null || body.password().isEmpty()) {
      throw DomainException.invalid("password", "Password is required.");
    }
    AuthenticatedUser user =
        authenticator.authenticate(
            body.email(),
            body.password(),
            body.tenant(),
            proxies.clientAddress(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For")));
    return pair(sessions.open(user));
  }

  @POST
  @Path("/refresh")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Renew the access token",
      description =
          "Exchanges a refresh token for a new access token and a new refresh token; the"
              + " presented one is used up. Presenting a used refresh token again revokes every"
              + " token of that sign-in (it was copied). Roles and tenant are read afresh, so a"
              + " removed user, a suspended tenant or a password reset ends the refresh too.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "refresh", value = REFRESH_EXAMPLE)))
  @APIResponse(
      responseCode = "200",
      description = "New tokens",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "tokens", value = PAIR_EXAMPLE)))
  @APIResponse(
      responseCode = "401",
      description = "Unknown, expired, used or revoked refresh token",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "reused",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                              + "\"detail\":\"This refresh token was already used; this sign-in"
                              + " has been revoked everywhere.\"}")))
  public TokenPair refresh(RefreshRequest body) {
    return pair(sessions.refresh(required(body)));
  }

  @POST
  @Path("/logout")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Sign out",
      description =
          "Revokes the refresh token (and every token rotated from the same sign-in). Access"
              + " tokens already issued run out on their own within their short lifetime.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "logout", value = REFRESH_EXAMPLE)))
  @APIResponse(responseCode = "204", description = "Signed out (also for an unknown token)")
  public Response logout(RefreshRequest body) {
    sessions.logout(required(body));
    return Response.noContent().build();
  }

  private static String required(RefreshRequest body) {
    if (body == null || body.refresh_token() == null || body.refresh_token().isBlank()) {
      throw DomainException.invalid("refresh_token", "The refresh token is required.");
    }
    return body.refresh_token();
  }

  private TokenPair pair(Sessions.Grant grant) {
    return pair(tokens, clock, grant);
  }

  /** The access and refresh token of a sign-in (also after single sign-on). */
  static TokenPair pair(TokenIssuer tokens, Clock clock, Sessions.Grant grant) {
    TokenIssuer.IssuedToken issued = tokens.issue(grant);
    long refreshSeconds =
        Math.max(0, Duration.between(clock.instant(), grant.refreshExpiresAt()).toSeconds());
    return new TokenPair(
        issued.token(), "Bearer", issued.expiresInSeconds(), grant.refreshToken(), refreshSeconds);
  }
}
