package io.omnireach.app.web;

import io.omnireach.channel.SendGridSignature;
import io.omnireach.channel.inbound.SendGridEvents;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * SendGrid's public event webhook, {@code POST /webhooks/sendgrid}: the raw body and the signature
 * headers go to {@link SendGridEvents}, which checks the ECDSA signature before it applies
 * anything. A missing, stale or wrong signature is a 403 that changes nothing; a readable, signed
 * batch is a 204 (with what it did in {@code X-OmniReach-Outcome}), also when every event was a
 * redelivery, so SendGrid stops retrying.
 */
@WebServlet(urlPatterns = "/webhooks/sendgrid")
public class SendGridWebhookServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(SendGridWebhookServlet.class.getName());
  private static final int MAX_BODY = 1024 * 1024;

  @Inject SendGridEvents events;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] raw = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (raw.length > MAX_BODY) {
      problem(response, 413, "Content Too Large", "A SendGrid event batch is at most 1 MB.");
      return;
    }
    SendGridEvents.Result result =
        events.handle(
            request.getHeader(SendGridSignature.SIGNATURE_HEADER),
            request.getHeader(SendGridSignature.TIMESTAMP_HEADER),
            raw);
    switch (result.status()) {
      case FORBIDDEN -> problem(response, 403, "Forbidden", result.detail());
      case UNREADABLE -> problem(response, 400, "Bad Request", result.detail());
      case ACCEPTED -> {
        String outcome =
            "applied="
                + result.applied()
                + " duplicates="
                + result.duplicates()
                + " unmatched="
                + result.unmatched()
                + " ignored="
                + result.ignored();
        LOG.fine(() -> "SendGrid events: " + outcome);
        response.setHeader("X-OmniReach-Outcome", outcome);
        response.setStatus(204);
      }
    }
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail)
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
                + detail.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}");
  }
}
