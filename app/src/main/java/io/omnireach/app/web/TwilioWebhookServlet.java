package io.omnireach.app.web;

import io.omnireach.channel.inbound.SmsWebhooks;
import io.omnireach.tenant.TenantRef;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Twilio's public webhooks: {@code POST /webhooks/twilio/sms} (inbound SMS, answered with empty
 * TwiML), {@code POST /webhooks/twilio/status} (SMS status callbacks) and {@code POST
 * /webhooks/twilio/voice} (automated calls' status callbacks). Signature first: Twilio signs the
 * URL it was given, which behind a proxy or ingress is not the one this server sees, so the signed
 * URL is {@code omnireach.public-url} ({@code OMNIREACH_PUBLIC_URL}) + path + query. A missing or
 * wrong {@code X-Twilio-Signature} is a 403 that reads and changes nothing.
 */
@WebServlet(urlPatterns = "/webhooks/twilio/*")
public class TwilioWebhookServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(TwilioWebhookServlet.class.getName());
  private static final int MAX_BODY = 64 * 1024;

  @Inject SmsWebhooks webhooks;

  @Inject
  @ConfigProperty(name = "omnireach.public-url", defaultValue = "http://localhost:9080")
  String publicUrl;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String kind = request.getPathInfo();
    boolean inbound = "/sms".equals(kind);
    boolean voice = "/voice".equals(kind);
    if (!inbound && !voice && !"/status".equals(kind)) {
      Problems.write(response, 404, "Not Found", "No such Twilio webhook.");
      return;
    }
    byte[] raw = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (raw.length > MAX_BODY) {
      Problems.write(response, 413, "Content Too Large", "A Twilio webhook body is at most 64 KB.");
      return;
    }
    Map<String, String> params = form(new String(raw, StandardCharsets.UTF_8));
    String url =
        publicUrl.replaceAll("/+$", "")
            + request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    Optional<TenantRef> tenant =
        webhooks.verify(url, params, request.getHeader("X-Twilio-Signature"));
    if (tenant.isEmpty()) {
      Problems.write(
          response,
          403,
          "Forbidden",
          "The X-Twilio-Signature does not match this request under any workspace's Twilio"
              + " auth token.");
      return;
    }
    SmsWebhooks.Outcome outcome =
        inbound
            ? webhooks.inbound(tenant.get(), params)
            : voice ? webhooks.call(tenant.get(), params) : webhooks.status(tenant.get(), params);
    LOG.fine(() -> "Twilio " + kind + " for " + tenant.get().slug() + ": " + outcome);
    // APPLIED, DUPLICATE or UNMATCHED: for whoever reads Twilio's request log
    response.setHeader("X-OmniReach-Outcome", outcome.name());
    if (inbound) {
      // empty TwiML: no automatic answer (Twilio itself answers STOP/START/HELP)
      response.setStatus(200);
      response.setContentType("text/xml;charset=UTF-8");
      response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
    } else {
      response.setStatus(204);
    }
  }

  static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return out;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      try {
        out.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      } catch (IllegalArgumentException e) {
        // a malformed escape: leave it out (the signature will not match)
      }
    }
    return out;
  }
}
