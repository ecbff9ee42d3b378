package io.omnireach.app.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Prometheus text exposition at /metrics. */
@WebServlet(urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {

  @Inject Metrics metrics;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/plain; version=0.0.4; charset=utf-8");
    response.getWriter().write(metrics.registry().scrape());
  }
}
