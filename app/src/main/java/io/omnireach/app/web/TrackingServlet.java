package io.omnireach.app.web;

import io.omnireach.channel.Tracking;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code /t/o/{token}.gif} (open pixel: a transparent 1×1 GIF) and {@code /t/c/{token}} (click: 302
 * to the URL at that position of the message). Tokens that are not genuine are 404.
 */
@WebServlet(urlPatterns = "/t/*")
public class TrackingServlet extends HttpServlet {

  private static final byte[] PIXEL =
      Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

  @Inject Tracking tracking;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (path.startsWith("/o/") && path.endsWith(".gif")) {
      if (tracking.open(path.substring(3, path.length() - 4), request.getHeader("User-Agent"))) {
        response.setContentType("image/gif");
        response.setContentLength(PIXEL.length);
        response.getOutputStream().write(PIXEL);
        return;
      }
    } else if (path.startsWith("/c/")) {
      Optional<String> target = tracking.click(path.substring(3));
      if (target.isPresent()) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", target.get());
        return;
      }
    }
    response.sendError(HttpServletResponse.SC_NOT_FOUND);
  }
}
