package io.omnireach.app.rest;

import io.omnireach.app.rest.Dtos.TokenRequest;
import io.omnireach.app.rest.Dtos.TokenResponse;
import io.omnireach.app.security.TokenIssuer;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.auth.Authenticator;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in: email and password for a short-lived RS256 access token. */
@Path("/auth")
@Tag(name = "Auth")
@PermitAll
public class AuthResource {

  @Inject Authenticator authenticator;
  @Inject TokenIssuer tokens;
  @Context HttpServletRequest request;

  @POST
  @Path("/token")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Get an access token",
      description =
          "Checks the password and returns a bearer token with the user's tenant and roles."
              + " Failed attempts are rate limited per account and per client address.")
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
      description = "Token issued",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "token",
                      value =
                          "{\"access_token\":\"eyJraWQiOi...\",\"token_type\":\"Bearer\","
                              + "\"expires_in\":900}")))
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
  @APIResponse(responseCode = "429", description = "Too many failed attempts")
  public TokenResponse token(TokenRequest body) {
    if (body == null || body.email() == null || body.email().isBlank()) {
      throw DomainException.invalid("email", "Email is required.");
    }
    if (body.password() == null || body.password().isEmpty()) {
      throw DomainException.invalid("password", "Password is required.");
    }
    AuthenticatedUser user =
        authenticator.authenticate(
            body.email(), body.password(), body.tenant(), request.getRemoteAddr());
    TokenIssuer.IssuedToken issued = tokens.issue(user);
    return new TokenResponse(issued.token(), "Bearer", issued.expiresInSeconds());
  }
}
