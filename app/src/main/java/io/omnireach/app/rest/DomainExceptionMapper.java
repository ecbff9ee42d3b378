package io.omnireach.app.rest;

import io.omnireach.auth.Throttled;
import io.omnireach.common.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns domain failures into problem+json with the matching status. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException e) {
    if (e.kind() == DomainException.Kind.UNPROCESSABLE) {
      // not in Response.Status of this JAX-RS version
      return new Problem("about:blank", "Unprocessable Content", 422, e.getMessage(), e.field())
          .toResponse();
    }
    Response.Status status =
        switch (e.kind()) {
          case INVALID -> Response.Status.BAD_REQUEST;
          case NOT_FOUND -> Response.Status.NOT_FOUND;
          case CONFLICT -> Response.Status.CONFLICT;
          case UNAUTHORIZED -> Response.Status.UNAUTHORIZED;
          case FORBIDDEN -> Response.Status.FORBIDDEN;
          case PAYLOAD_TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
          case UNSUPPORTED_MEDIA_TYPE -> Response.Status.UNSUPPORTED_MEDIA_TYPE;
          case TOO_MANY_REQUESTS -> Response.Status.TOO_MANY_REQUESTS;
          case UNPROCESSABLE -> throw new IllegalStateException("handled above");
        };
    Response response = Problem.of(status, e.getMessage(), e.field()).toResponse();
    if (status == Response.Status.TOO_MANY_REQUESTS) {
      long seconds = e instanceof Throttled t ? t.retryAfter().toSeconds() : 900;
      return Response.fromResponse(response).header("Retry-After", seconds).build();
    }
    return response;
  }
}
