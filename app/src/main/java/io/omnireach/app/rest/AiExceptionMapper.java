package io.omnireach.app.rest;

import io.omnireach.ai.AiException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * A provider call that gave no draft: 504 after timeouts, 503 (with Retry-After) when the provider
 * still rate-limits after our retries, otherwise 502. The detail names the provider and the cause,
 * never the API key.
 */
@Provider
public class AiExceptionMapper implements ExceptionMapper<AiException> {

  private static final Logger LOG = Logger.getLogger(AiExceptionMapper.class.getName());

  @Override
  public Response toResponse(AiException e) {
    LOG.warning("AI generation failed: " + e.reason() + ": " + e.getMessage());
    Response.Status status =
        switch (e.reason()) {
          case TIMEOUT -> Response.Status.GATEWAY_TIMEOUT;
          case RATE_LIMITED -> Response.Status.SERVICE_UNAVAILABLE;
          default -> Response.Status.BAD_GATEWAY;
        };
    Response response =
        Problem.of(
                status,
                e.getMessage(),
                e.reason() == AiException.Reason.AUTHENTICATION ? "apiKey" : null)
            .toResponse();
    return status == Response.Status.SERVICE_UNAVAILABLE
        ? Response.fromResponse(response).header("Retry-After", "60").build()
        : response;
  }
}
