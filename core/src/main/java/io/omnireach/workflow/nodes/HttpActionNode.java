package io.omnireach.workflow.nodes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.omnireach.integration.Deliveries;
import io.omnireach.lead.Lead;
import io.omnireach.lead.MeetingLink;
import io.omnireach.workflow.MergeFields;
import io.omnireach.workflow.engine.StepOutcome;
import io.omnireach.workflow.node.ConfigReader;
import io.omnireach.workflow.node.NodePalette;
import io.omnireach.workflow.node.NodeServices;
import io.omnireach.workflow.node.NodeTypeFactory;
import io.omnireach.workflow.node.Step;
import io.omnireach.workflow.node.StepExecutor;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Calls an external service for the lead: method, URL, headers and a JSON body with {@code
 * {{lead.*}}} merge fields (URL values URL-encoded, body values inserted as JSON strings, so a
 * lead's data cannot change the request's shape). The request goes to the delivery log in the
 * step's transaction — signed like a webhook, retried by the one retry policy, its outcome shown on
 * the run — and the run goes on at once. The host is fixed in the URL (no merge field before the
 * path), so a lead's data never chooses where the request goes.
 */
public final class HttpActionNode implements NodeTypeFactory<HttpActionNode.Config> {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> METHODS = List.of("POST", "PUT", "PATCH", "GET", "DELETE");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");

  public record Config(String method, String url, Map<String, String> headers, JsonNode body) {}

  @Override
  public String id() {
    return "http_action";
  }

  @Override
  public NodePalette palette() {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("method", "POST");
    defaults.put("url", "https://");
    defaults.put("headers", Map.of());
    defaults.put(
        "body",
        Map.of(
            "email", "{{lead.email}}",
            "name", "{{lead.fullName}}",
            "company", "{{lead.company}}"));
    return new NodePalette(
        "HTTP action",
        "Call an external service (signed, retried)",
        "CRM",
        "#0ea5e9",
        "<path d=\"M4 12h10\"/><path d=\"M10 6l6 6-6 6\"/><circle cx=\"19\" cy=\"12\" r=\"2\"/>",
        true,
        NodePalette.ONE_OUTPUT,
        defaults);
  }

  @Override
  public Config read(ConfigReader r) {
    String method = r.text("method");
    method = ConfigReader.isBlank(method) ? "POST" : method.strip().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      r.error("method", "method must be one of " + String.join(", ", METHODS) + ".");
      method = "POST";
    }
    String url = r.text("url");
    if (ConfigReader.isBlank(url)) {
      r.error("url", "url is required.");
    } else {
      url = url.strip();
      checkUrl(r, url);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Object h = r.get("headers");
    if (h instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            String name = String.valueOf(k);
            if (!HEADER_NAME.matcher(name).matches()) {
              r.error("headers", "'" + name + "' is not a valid header name.");
            } else if (v == null || v instanceof Map || v instanceof List) {
              r.error("headers", "The value of header " + name + " must be text.");
            } else {
              headers.put(name, v.toString());
            }
          });
    } else if (h != null) {
      r.error("headers", "headers must be an object of name → value.");
    }
    JsonNode body = null;
    Object b = r.get("body");
    if (b instanceof Map || b instanceof List) {
      body = JSON.valueToTree(b);
    } else if (b instanceof String s && !s.isBlank()) {
      try {
        body = JSON.readTree(s);
      } catch (JsonProcessingException e) {
        r.error("body", "body must be JSON: " + e.getOriginalMessage());
      }
    } else if (b != null && !(b instanceof String)) {
      r.error("body", "body must be a JSON object or array.");
    }
    if (body != null && "GET".equals(method)) {
      r.error("body", "A GET request has no body; use POST or put the values in the URL.");
    }
    if (body != null) {
      for (String text : texts(body)) {
        for (String unknown : MergeFields.unknown(text)) {
          r.error("body", "Unknown merge field {{" + unknown + "}}.");
        }
      }
    }
    for (String unknown : MergeFields.unknown(url)) {
      r.error("url", "Unknown merge field {{" + unknown + "}}.");
    }
    return new Config(method, url, Map.copyOf(headers), body);
  }

  /** The scheme and host must be literal: merge fields only in the path and query. */
  private static void checkUrl(ConfigReader r, String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
      r.error("url", "url must start with https:// (or http:// for a local service).");
      return;
    }
    int authorityEnd = url.indexOf('/', url.indexOf("//") + 2);
    String authority = authorityEnd < 0 ? url : url.substring(0, authorityEnd);
    if (authority.contains("{{")) {
      r.error("url", "The host must be written out; merge fields may follow in the path.");
      return;
    }
    try {
      if (URI.create(url.replaceAll("\\{\\{[^}]*}}", "x")).getHost() == null) {
        r.error("url", "'" + url + "' has no host.");
      }
    } catch (IllegalArgumentException e) {
      r.error("url", "'" + url + "' is not a valid URL.");
    }
  }

  @Override
  public StepExecutor<Config> executor(NodeServices services) {
    return HttpActionNode::execute;
  }

  private static StepOutcome execute(Step<Config> s) throws SQLException {
    Lead lead = s.requireLead();
    Config config = s.config();
    String link = needsLink(config) ? MeetingLink.of(MeetingLink.schedulingUrl(s.c()), lead) : null;
    String url =
        MergeFields.render(
            config.url(), lead, link, v -> URLEncoder.encode(v, StandardCharsets.UTF_8));
    Map<String, String> headers = new LinkedHashMap<>();
    config
        .headers()
        .forEach(
            (name, value) ->
                headers.put(
                    name, MergeFields.render(value, lead, link).replaceAll("[\\r\\n]", " ")));
    String body =
        config.body() == null ? "" : render(config.body().deepCopy(), lead, link).toString();
    long deliveryId =
        Deliveries.enqueueHttpAction(
            s.c(),
            s.claim().runId(),
            s.claim().nodeId(),
            lead.id(),
            config.method(),
            url,
            headers,
            body);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("deliveryId", deliveryId);
    out.put("method", config.method());
    out.put("url", url);
    return StepOutcome.Done.of(out);
  }

  private static boolean needsLink(Config c) {
    return (c.url() + c.headers() + c.body()).contains("meeting.link");
  }

  /** Renders merge fields in every string of the tree (keys stay as written). */
  private static JsonNode render(JsonNode node, Lead lead, String link) {
    if (node.isTextual()) {
      return TextNode.valueOf(MergeFields.render(node.asText(), lead, link));
    }
    if (node instanceof ObjectNode o) {
      Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        f.setValue(render(f.getValue(), lead, link));
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, render(a.get(i), lead, link));
      }
    }
    return node;
  }

  private static List<String> texts(JsonNode node) {
    List<String> out = new java.util.ArrayList<>();
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.elements().forEachRemaining(child -> out.addAll(texts(child)));
    return out;
  }
}
