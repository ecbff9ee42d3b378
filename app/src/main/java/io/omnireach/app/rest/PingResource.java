package io.omnireach.app.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The smallest JAX-RS call there is: no token, no database, a constant body. A liveness check for
 * API clients, and the framework's own ceiling in scripts/bench-api.sh.
 */
@Path("/ping")
@Tag(name = "Auth")
@PermitAll
public class PingResource {

  /** The constant answer. */
  public record Pong(String status) {}

  private static final Pong PONG = new Pong("ok");

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Ping the API",
      description =
          "Answers without a token and without touching the database: whether the API is"
              + " reachable. Readiness of the whole server is /health/ready.")
  @APIResponse(
      responseCode = "200",
      description = "The API answers",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "pong", value = "{\"status\":\"ok\"}")))
  public Pong ping() {
    return PONG;
  }
}
