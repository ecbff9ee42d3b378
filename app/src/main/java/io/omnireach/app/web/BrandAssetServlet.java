package io.omnireach.app.web;

import io.omnireach.brand.BrandAsset;
import io.omnireach.brand.Brands;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /brand-assets/{sha256}.{ext}}: uploaded logos and favicons, public (the login page shows
 * them). The URL is the content's hash, so a response never changes: cached for a year, with the
 * hash as ETag. {@code nosniff} and a CSP that allows no script or fetch, so even an SVG opened
 * directly cannot do anything but draw.
 */
@WebServlet(urlPatterns = BrandAsset.PATH_PREFIX + "*")
public class BrandAssetServlet extends HttpServlet {

  static final String CACHE = "public, max-age=31536000, immutable";
  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

  @Inject Brands brands;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<BrandAsset> asset = find(request.getPathInfo());
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (asset.isEmpty()) {
      response.setHeader("Cache-Control", "no-store");
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    BrandAsset a = asset.get();
    response.setHeader("Cache-Control", CACHE);
    response.setHeader("ETag", a.etag());
    response.setHeader("Content-Security-Policy", CSP);
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.contains(a.etag()) || ifNoneMatch.trim().equals("*"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(a.mediaType());
    response.setContentLength(a.bytes().length);
    response.getOutputStream().write(a.bytes());
  }

  /** "/{64 hex}.{ext}" with the extension that matches the stored type, else nothing. */
  private Optional<BrandAsset> find(String path) {
    if (path == null || path.length() < 2) {
      return Optional.empty();
    }
    String name = path.substring(1);
    int dot = name.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return brands
        .asset(name.substring(0, dot))
        .filter(a -> a.url().equals(BrandAsset.PATH_PREFIX + name));
  }
}
