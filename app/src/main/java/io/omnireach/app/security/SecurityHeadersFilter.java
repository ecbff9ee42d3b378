package io.omnireach.app.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every page and API response.
 *
 * <p>The Content-Security-Policy is as strict as Vaadin Flow allows: Flow's bootstrap and {@code
 * executeJs} need inline scripts and {@code eval}, Lumo and React Flow set inline styles; scripts
 * otherwise come only from this origin (our own bundle, loaded by {@code Page.addJavaScript}).
 * Images may come from any https origin (tenant logos by URL). {@code frame-ancestors} is {@code
 * 'none'} unless {@code omnireach.http.frame-ancestors} allows embedding.
 *
 * <p>With HTTPS on Liberty ({@code OMNIREACH_HTTPS=true}): Strict-Transport-Security on responses
 * sent over TLS only (browsers ignore it over HTTP, and an HTTP answer must not claim TLS), and,
 * when {@code omnireach.https.redirect} is set, plain-HTTP requests are sent to the HTTPS port —
 * except the health and metrics endpoints, which probes and scrapers call over HTTP.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

  @Inject
  @ConfigProperty(name = "omnireach.http.frame-ancestors", defaultValue = "'none'")
  String frameAncestors;

  @Inject
  @ConfigProperty(name = "omnireach.https", defaultValue = "false")
  boolean https;

  @Inject
  @ConfigProperty(name = "omnireach.https.port", defaultValue = "9443")
  int httpsPort;

  /** Seconds browsers keep to HTTPS; 0 sends no header. */
  @Inject
  @ConfigProperty(name = "omnireach.https.hsts-max-age", defaultValue = "31536000")
  long hstsMaxAge;

  @Inject
  @ConfigProperty(name = "omnireach.https.hsts-include-subdomains", defaultValue = "false")
  boolean hstsIncludeSubdomains;

  @Inject
  @ConfigProperty(name = "omnireach.https.redirect", defaultValue = "false")
  boolean redirect;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (https && redirect && !req.isSecure() && !probe(req.getRequestURI())) {
      res.setStatus(308); // keeps the method and body, unlike 301/302
      res.setHeader(
          "Location",
          httpsUrl(req.getServerName(), httpsPort, req.getRequestURI(), req.getQueryString()));
      return;
    }
    if (req.isSecure() && hstsMaxAge > 0) {
      res.setHeader("Strict-Transport-Security", hsts(hstsMaxAge, hstsIncludeSubdomains));
    }
    res.setHeader("Content-Security-Policy", policy(frameAncestors));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if ("'none'".equals(frameAncestors.trim())) {
      res.setHeader("X-Frame-Options", "DENY"); // for browsers without frame-ancestors
    }
    chain.doFilter(req, res);
  }

  static String hsts(long maxAge, boolean includeSubdomains) {
    return "max-age=" + maxAge + (includeSubdomains ? "; includeSubDomains" : "");
  }

  static boolean probe(String path) {
    return path.equals("/metrics") || path.equals("/health") || path.startsWith("/health/");
  }

  static String httpsUrl(String host, int port, String path, String query) {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host; // IPv6
    return "https://"
        + h
        + (port == 443 ? "" : ":" + port)
        + path
        + (query == null ? "" : "?" + query);
  }

  static String policy(String frameAncestors) {
    return "default-src 'self'; "
        + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob: https:; "
        + "font-src 'self' data:; "
        + "connect-src 'self'; "
        + "worker-src 'self' blob:; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'; "
        + "frame-ancestors "
        + frameAncestors.trim();
  }
}
