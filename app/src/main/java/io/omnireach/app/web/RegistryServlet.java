package io.omnireach.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireach.common.DomainException;
import io.omnireach.marketplace.Marketplace;
import io.omnireach.marketplace.Registries;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This instance as a block registry another OmniReach can add: {@code /registry/index.json} (and
 * the same as {@code /registry/index.yaml}, like a Helm repository's) lists the built-in blocks and
 * those tenants published as public, {@code /registry/blocks/{id}/{version}.json} serves each file.
 * Public, read-only, signed files only.
 */
@WebServlet(urlPatterns = "/registry/*")
public class RegistryServlet extends HttpServlet {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FILE =
      Pattern.compile("/blocks/([a-z0-9._-]+)/([0-9A-Za-z.+-]+)\\.json");

  @Inject Marketplace marketplace;
  @Inject Clock clock;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    String body;
    String type = "application/json;charset=UTF-8";
    if (path.equals("/index.json")) {
      body =
          JSON.writerWithDefaultPrettyPrinter()
              .writeValueAsString(marketplace.index("OmniReach", clock.instant().toString()));
    } else if (path.equals("/index.yaml")) {
      body = Registries.yaml(marketplace.index("OmniReach", clock.instant().toString()));
      type = "application/yaml;charset=UTF-8";
    } else {
      Matcher m = FILE.matcher(path);
      if (!m.matches()) {
        Problems.write(response, 404, "Not Found", "No such registry file.");
        return;
      }
      try {
        body = marketplace.registryFile(m.group(1), m.group(2));
      } catch (DomainException e) {
        Problems.write(response, 404, "Not Found", "No such block in this registry.");
        return;
      }
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setContentType(type);
    response.setHeader("Cache-Control", "public, max-age=60");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
