package io.omnireach.app.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * MP JWT rejects a missing, expired or forged token with an empty 401 before JAX-RS runs; this
 * fills in the problem+json body so API clients always get one.
 */
@WebFilter(urlPatterns = "/api/*")
public class AuthProblemFilter extends HttpFilter {

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(req, res);
    int status = res.getStatus();
    if ((status == 401 || status == 403) && !res.isCommitted() && res.getContentType() == null) {
      String detail =
          status == 401
              ? "A valid bearer token is required: it is missing, expired or not signed by us."
              : "Your role does not allow this action.";
      res.setContentType(Problem.MEDIA_TYPE);
      res.setCharacterEncoding("UTF-8");
      res.getWriter()
          .write(Problem.of(Response.Status.fromStatusCode(status), detail, null).toJson());
    }
  }
}
