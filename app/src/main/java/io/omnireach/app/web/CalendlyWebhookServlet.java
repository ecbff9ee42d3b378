package io.omnireach.app.web;

import io.omnireach.meeting.CalendlySignature;
import io.omnireach.meeting.CalendlyWebhooks;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Calendly's public webhook, {@code POST /webhooks/calendly}. Signature first ({@link
 * CalendlyWebhooks#verify}): a missing or malformed {@code Calendly-Webhook-Signature} is a 400, a
 * signature no workspace's signing key makes or one outside the 180-second window is a 403; either
 * reads and changes nothing. A signed delivery is applied in one short transaction and answered 204
 * with its outcome in {@code X-OmniReach-Outcome} (APPLIED, DUPLICATE, UNMATCHED, IGNORED):
 * Calendly only needs a 2xx, and a repeat of it changes nothing.
 */
@WebServlet(urlPatterns = "/webhooks/calendly")
public class CalendlyWebhookServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(CalendlyWebhookServlet.class.getName());
  private static final int MAX_BODY = 256 * 1024;

  @Inject CalendlyWebhooks webhooks;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      Problems.write(response, 413, "Content Too Large", "A Calendly webhook is at most 256 KB.");
      return;
    }
    CalendlyWebhooks.Check check =
        webhooks.verify(request.getHeader(CalendlySignature.HEADER), body);
    switch (check.result()) {
      case MALFORMED -> {
        Problems.write(
            response,
            400,
            "Bad Request",
            "Calendly-Webhook-Signature is missing or not of the form t=<seconds>,v1=<hex>.");
        return;
      }
      case STALE -> {
        Problems.write(
            response,
            403,
            "Forbidden",
            "The Calendly-Webhook-Signature is more than 180 seconds old (or ahead): not"
                + " applied.");
        return;
      }
      case MISMATCH -> {
        Problems.write(
            response,
            403,
            "Forbidden",
            "The Calendly-Webhook-Signature does not match this body under any workspace's"
                + " signing key.");
        return;
      }
      case VALID -> {}
    }
    CalendlyWebhooks.Outcome outcome = webhooks.apply(check.tenant(), body);
    LOG.fine(() -> "Calendly webhook for " + check.tenant().slug() + ": " + outcome);
    response.setHeader("X-OmniReach-Outcome", outcome.name());
    response.setStatus(204);
  }
}
