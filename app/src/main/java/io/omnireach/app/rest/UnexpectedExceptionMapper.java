package io.omnireach.app.rest;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else: 400 for JSON that JSON-B cannot bind or JSON-P cannot read (wrong shapes, numbers
 * out of range; malformed JSON and NUL are refused earlier by {@link InputGuard}), otherwise a
 * logged 500 without internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonbException || t instanceof JsonException) {
        return Problem.of(
                Response.Status.BAD_REQUEST,
                "The request body is not valid JSON for this operation.",
                null)
            .toResponse();
      }
    }
    LOG.log(Level.SEVERE, "Unexpected error", e);
    return Problem.of(
            Response.Status.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side; it has been logged.",
            null)
        .toResponse();
  }
}
