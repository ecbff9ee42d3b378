package io.omnireach.app.metrics;

import io.omnireach.audit.AuditContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id (kept from {@code X-Request-Id} when well-formed, else new), returns it
 * in the response header that the JSON access log records, binds it with the client address for the
 * audit log, and times the request.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestFilter extends HttpFilter {

  public static final String HEADER = "X-Request-Id";
  private static final java.util.Set<String> API_RESOURCES =
      java.util.Set.of("auth", "me", "tenants", "users", "invitations");
  private static final Pattern SAFE_ID = Pattern.compile("^[A-Za-z0-9._-]{8,64}$");

  @Inject Metrics metrics;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String id = req.getHeader(HEADER);
    if (id == null || !SAFE_ID.matcher(id).matches()) {
      id = UUID.randomUUID().toString();
    }
    res.setHeader(HEADER, id);
    req.setAttribute(HEADER, id);
    long start = System.nanoTime();
    // audit entries written while serving this request record where it came from
    try (AuditContext.Scope ignored = AuditContext.open(req.getRemoteAddr(), id)) {
      chain.doFilter(req, res);
    } finally {
      metrics
          .httpRequests(area(req.getRequestURI()), req.getMethod(), res.getStatus())
          .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      String webhook = webhookSource(req.getRequestURI());
      if (webhook != null && res.getStatus() >= 400) {
        metrics.webhookFailed(webhook, res.getStatus());
      }
    }
  }

  private static final java.util.Set<String> WEBHOOKS =
      java.util.Set.of("twilio", "sendgrid", "calendly", "stripe");

  /**
   * The webhook's sender for {@code /webhooks/<source>/...} ("other" if unknown) and Stripe's
   * {@code /api/v1/billing/stripe/webhook}; null for any other request.
   */
  static String webhookSource(String uri) {
    if (uri.equals("/api/v1/billing/stripe/webhook")) {
      return "stripe";
    }
    if (!uri.startsWith("/webhooks/")) {
      return null;
    }
    String rest = uri.substring("/webhooks/".length());
    int slash = rest.indexOf('/');
    String source = slash < 0 ? rest : rest.substring(0, slash);
    return WEBHOOKS.contains(source) ? source : "other";
  }

  /** A bounded label: the API resource, never ids or unknown paths. */
  static String area(String uri) {
    if (uri.startsWith("/api/v1/")) {
      String rest = uri.substring("/api/v1/".length());
      int slash = rest.indexOf('/');
      String resource = slash < 0 ? rest : rest.substring(0, slash);
      return API_RESOURCES.contains(resource) ? "api/" + resource : "api/other";
    }
    if (uri.startsWith("/VAADIN") || uri.equals("/") || !uri.contains(".")) {
      return "ui";
    }
    return "static";
  }
}
