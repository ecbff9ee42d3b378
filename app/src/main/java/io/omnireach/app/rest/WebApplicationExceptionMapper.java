package io.omnireach.app.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Framework errors (unknown path, wrong method, unreadable JSON, missing role) as problem+json. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    int code = e.getResponse().getStatus();
    Response.Status status = Response.Status.fromStatusCode(code);
    if (status == null) {
      status = Response.Status.BAD_REQUEST;
    }
    String detail =
        switch (status) {
          case FORBIDDEN -> "Your role does not allow this action.";
          case UNAUTHORIZED -> "A valid bearer token is required.";
          case NOT_FOUND -> "No such resource.";
          case BAD_REQUEST -> "The request body is not valid JSON for this operation.";
          case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
          case METHOD_NOT_ALLOWED -> "This method is not supported on this resource.";
          case NOT_ACCEPTABLE -> "This resource answers with application/json.";
          default -> status.getReasonPhrase();
        };
    return Problem.of(status, detail, null).toResponse();
  }
}
