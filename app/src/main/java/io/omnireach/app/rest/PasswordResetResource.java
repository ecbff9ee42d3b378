package io.omnireach.app.rest;

import io.omnireach.auth.PasswordResets;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Forgot password": a reset link by email, and setting a new password with its token. */
@Path("/auth/password-reset")
@Tag(name = "Auth")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResetResource {

  /** The email whose account should get a reset link. */
  public record ResetRequest(@Schema(example = "sales@acme.demo", required = true) String email) {}

  /** The token from the link and the new password. */
  public record ResetConfirmation(
      @Schema(required = true, example = "q8Yc…") String token,
      @Schema(required = true, example = "a-new-long-passphrase") String password) {}

  /** The same answer whether or not the email has an account. */
  public record ResetAccepted(
      @Schema(example = "If an account exists for this email, a reset link is on its way.")
          String message) {}

  private static final String TOO_MANY =
      "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
          + "\"detail\":\"Too many password reset requests. Try again in 15 minutes.\"}";

  @Inject PasswordResets resets;
  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Ask for a password reset link",
      description =
          "Emails a link to set a new password (valid 30 minutes, works once) when the email has"
              + " an account. Always answers 202 so the answer does not tell whether an account"
              + " exists; throttled per email and per client address like sign-in.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(name = "forgot", value = "{\"email\":\"sales@acme.demo\"}")))
  @APIResponse(
      responseCode = "202",
      description = "Accepted (whether or not the account exists)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "accepted",
                      value =
                          "{\"message\":\"If an account exists for this email, a reset link is"
                              + " on its way.\"}")))
  @APIResponse(responseCode = "400", description = "Not an email address")
  @APIResponse(
      responseCode = "429",
      description = "Asked too often for this email or from this address",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "throttled", value = TOO_MANY)))
  public Response request(ResetRequest body) {
    if (body == null || body.email() == null || body.email().isBlank()) {
      throw DomainException.invalid("email", "Email is required.");
    }
    resets.request(body.email(), request.getRemoteAddr());
    return Response.accepted(
            new ResetAccepted("If an account exists for this email, a reset link is on its way."))
        .build();
  }

  @POST
  @Path("/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set a new password with a reset token",
      description =
          "The token comes from the emailed link (?token=). It works once and expires after 30"
              + " minutes; the password needs at least 10 characters. Then sign in with POST"
              + " /auth/token.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "confirm",
                      value = "{\"token\":\"q8Yc…\",\"password\":\"a-new-long-passphrase\"}")))
  @APIResponse(responseCode = "204", description = "Password changed")
  @APIResponse(
      responseCode = "400",
      description = "Weak password, or an unknown, used or expired token",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "used token",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"This reset link is invalid, already used or"
                              + " expired. Ask for a new one.\",\"field\":\"token\"}")))
  @APIResponse(
      responseCode = "429",
      description = "Too many wrong tokens from this address",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "throttled",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\","
                              + "\"status\":429,\"detail\":\"Too many invalid reset links."
                              + " Try again in 15 minutes.\"}")))
  public Response confirm(ResetConfirmation body) {
    if (body == null) {
      throw DomainException.invalid("token", "The reset token is required.");
    }
    resets.confirm(body.token(), body.password(), request.getRemoteAddr());
    return Response.noContent().build();
  }
}
