package io.omnireach.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** problem+json answers of the public servlets (the webhooks), which run outside JAX-RS. */
final class Problems {

  private Problems() {}

  /** Writes the problem; {@code detail} is our own text (no quotes or backslashes to escape). */
  static void write(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json;charset=UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\"}");
  }
}
