package io.omnireach.app.web;

import io.omnireach.channel.Unsubscribes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /unsubscribe/{token}}, the target of the List-Unsubscribe header and the footer link. GET
 * shows a page with a button and changes nothing (mail scanners follow links); POST — the button,
 * or a mail client's RFC 8058 one-click POST with body {@code List-Unsubscribe=One-Click} —
 * suppresses the recipient at once. A token that is not genuine is a 404 and records nothing.
 */
@WebServlet(urlPatterns = "/unsubscribe/*")
public class UnsubscribeServlet extends HttpServlet {

  @Inject Unsubscribes unsubscribes;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<String> recipient = unsubscribes.recipient(token(request));
    if (recipient.isEmpty()) {
      page(response, 404, "Link not valid", "<p>This unsubscribe link is not valid.</p>");
      return;
    }
    page(
        response,
        200,
        "Unsubscribe",
        "<p>Stop emails to <strong>"
            + escape(recipient.get())
            + "</strong>?</p><form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\""
            + " value=\"One-Click\"><button type=\"submit\">Unsubscribe</button></form>");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!unsubscribes.unsubscribe(token(request))) {
      page(response, 404, "Link not valid", "<p>This unsubscribe link is not valid.</p>");
      return;
    }
    page(
        response,
        200,
        "Unsubscribed",
        "<p>You are unsubscribed. You will not receive further emails from this sender.</p>");
  }

  private static String token(HttpServletRequest request) {
    String path = request.getPathInfo();
    return path == null || path.length() < 2 ? null : path.substring(1);
  }

  private static void page(HttpServletResponse response, int status, String title, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + title
                + "</title><meta name=\"viewport\" content=\"width=device-width\"></head>"
                + "<body style=\"font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto\">"
                + "<h1>"
                + title
                + "</h1>"
                + body
                + "</body></html>");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
