package io.omnireach.app.rest;

import io.omnireach.common.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail; {@code field} names the input at fault when there is one. */
public record Problem(String type, String title, int status, String detail, String field) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(Response.Status status, String detail, String field) {
    return new Problem(
        "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, field);
  }

  public Response toResponse() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
  }

  /** JSON for places without JSON-B (the servlet filter that fills container 401s). */
  public String toJson() {
    return "{\"type\":\"about:blank\",\"title\":"
        + Json.quote(title)
        + ",\"status\":"
        + status
        + ",\"detail\":"
        + Json.quote(detail)
        + (field == null ? "" : ",\"field\":" + Json.quote(field))
        + "}";
  }
}
