package io.omnireach.app.web;

import io.omnireach.customdomain.CustomDomains;
import io.omnireach.customdomain.HostNames;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /.well-known/omnireach-domain/{token}}: answers the token in plain text when the request
 * came for the host that token belongs to. The HTTP verification method fetches it from {@code
 * http://<host>/…}, so a 200 proves the host routes to this platform. Else 404.
 */
@WebServlet(urlPatterns = "/.well-known/omnireach-domain/*")
public class DomainTokenServlet extends HttpServlet {

  @Inject CustomDomains domains;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    String token = path == null || path.length() < 2 ? null : path.substring(1);
    if (!domains.isTokenOf(HostNames.fromHeader(request.getHeader("Host")), token)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("text/plain;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    byte[] body = token.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
