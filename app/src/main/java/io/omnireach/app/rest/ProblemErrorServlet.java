package io.omnireach.app.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Error page for 401/403 raised by the container before JAX-RS runs (MP JWT rejecting a missing,
 * expired or forged token), so API clients always get problem+json.
 */
@WebServlet(urlPatterns = "/problem-error")
public class ProblemErrorServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    Response.Status s = Response.Status.fromStatusCode(status);
    String detail =
        status == 401
            ? "A valid bearer token is required: it is missing, expired or not signed by us."
            : status == 403 ? "Your role does not allow this action." : "Request failed.";
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            new Problem(
                    "about:blank",
                    s == null ? "Error" : s.getReasonPhrase(),
                    status,
                    detail,
                    null)
                .toJson());
  }
}
