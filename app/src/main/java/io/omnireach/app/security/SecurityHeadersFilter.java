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
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

  @Inject
  @ConfigProperty(name = "omnireach.http.frame-ancestors", defaultValue = "'none'")
  String frameAncestors;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.setHeader("Content-Security-Policy", policy(frameAncestors));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if ("'none'".equals(frameAncestors.trim())) {
      res.setHeader("X-Frame-Options", "DENY"); // for browsers without frame-ancestors
    }
    chain.doFilter(req, res);
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
