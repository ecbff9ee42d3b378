package io.omnireach.app.metrics;

import io.micrometer.core.instrument.Timer;
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
      Timer.builder("omnireach_http_server_requests")
          .description("HTTP requests by area, method and status")
          .tag("area", area(req.getRequestURI()))
          .tag("method", req.getMethod())
          .tag("status", Integer.toString(res.getStatus()))
          .register(metrics.registry())
          .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
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
