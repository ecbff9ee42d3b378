package io.omnireach.app.security;

import io.omnireach.app.rest.Problem;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Inflates request bodies sent with {@code Content-Encoding: gzip} or {@code deflate} here, with a
 * cap on the inflated size, before anything else reads them (sign-in included): a small compressed
 * body that would inflate past {@code omnireach.http.max-inflated-bytes} (default 1 MiB) gets 413
 * problem+json and is never held in memory whole. The request continues uncompressed (without the
 * header), so the JAX-RS runtime does not inflate it a second time, unbounded. Liberty's HTTP
 * channel, which would inflate such bodies before any filter with only a compression-ratio limit,
 * has {@code autoDecompression="false"} in server.xml.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class InflateLimitFilter extends HttpFilter {

  @Inject
  @ConfigProperty(name = "omnireach.http.max-inflated-bytes", defaultValue = "1048576")
  long maxInflatedBytes;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String encoding = req.getHeader("Content-Encoding");
    if (encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity")) {
      chain.doFilter(req, res);
      return;
    }
    String e = encoding.trim().toLowerCase(Locale.ROOT);
    byte[] body;
    try (InputStream in =
        e.equals("gzip") || e.equals("x-gzip")
            ? new GZIPInputStream(req.getInputStream())
            : e.equals("deflate") ? new InflaterInputStream(req.getInputStream()) : null) {
      if (in == null) {
        problem(
            res,
            Response.Status.UNSUPPORTED_MEDIA_TYPE,
            "Content-Encoding " + encoding + " is not supported; use gzip or deflate.");
        return;
      }
      body = readAtMost(in, maxInflatedBytes);
    } catch (ZipException | java.io.EOFException bad) {
      problem(res, Response.Status.BAD_REQUEST, "The compressed request body is corrupt.");
      return;
    }
    if (body == null) {
      problem(
          res,
          Response.Status.REQUEST_ENTITY_TOO_LARGE,
          "The request body is larger than " + maxInflatedBytes + " bytes once decompressed.");
      return;
    }
    chain.doFilter(new Inflated(req, body), res);
  }

  /** The stream's bytes, or null when there are more than {@code max}. */
  static byte[] readAtMost(InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > max) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static void problem(HttpServletResponse res, Response.Status status, String detail)
      throws IOException {
    res.setStatus(status.getStatusCode());
    res.setContentType(Problem.MEDIA_TYPE);
    res.setCharacterEncoding("UTF-8");
    res.setHeader("Connection", "close"); // the rest of a huge upload is not read
    res.getWriter().write(Problem.of(status, detail, null).toJson());
  }

  /** The request with its body inflated and without Content-Encoding. */
  private static final class Inflated extends HttpServletRequestWrapper {
    private final byte[] body;

    Inflated(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(
              new ByteArrayInputStream(body), java.nio.charset.Charset.forName(charset)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public String getHeader(String name) {
      if ("Content-Encoding".equalsIgnoreCase(name)) {
        return null;
      }
      if ("Content-Length".equalsIgnoreCase(name)) {
        return Integer.toString(body.length);
      }
      return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      if ("Content-Encoding".equalsIgnoreCase(name)) {
        return Collections.emptyEnumeration();
      }
      if ("Content-Length".equalsIgnoreCase(name)) {
        return Collections.enumeration(java.util.List.of(Integer.toString(body.length)));
      }
      return super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      return Collections.enumeration(
          Collections.list(super.getHeaderNames()).stream()
              .filter(h -> !"Content-Encoding".equalsIgnoreCase(h))
              .toList());
    }
  }
}
