package io.omnireach.ui.workflow.forms;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import elemental.json.Json;
import elemental.json.JsonException;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;
import io.omnireach.ui.workflow.NodeForm;
import io.omnireach.ui.workflow.NodeFormContext;
import io.omnireach.ui.workflow.NodeFormProvider;
import java.util.List;

/**
 * HTTP action: method, URL, headers (one "Name: value" a line) and a JSON body, all with {{lead.*}}
 * merge fields after the host.
 */
public final class HttpActionForm implements NodeFormProvider {

  @Override
  public String type() {
    return "http_action";
  }

  @Override
  public NodeForm create(JsonObject c, NodeFormContext ctx) {
    NodeForm form = new NodeForm();
    Select<String> method = new Select<>();
    method.setId("node-http-method");
    method.setLabel("Method");
    method.setItems(List.of("POST", "PUT", "PATCH", "GET", "DELETE"));
    String m = NodeForm.text(c, "method");
    method.setValue(m.isEmpty() ? "POST" : m);
    TextField url = new TextField("URL");
    url.setId("node-http-url");
    url.setValue(NodeForm.text(c, "url"));
    url.setPlaceholder("https://api.example.com/leads?email={{lead.email}}");
    url.setHelperText("Merge fields may follow the host; their values are URL-encoded.");
    url.setWidthFull();
    TextArea headers = new TextArea("Headers");
    headers.setId("node-http-headers");
    headers.setPlaceholder("Authorization: Bearer …");
    headers.setHelperText("One “Name: value” a line.");
    headers.setValue(headerLines(NodeForm.object(c, "headers")));
    headers.setWidthFull();
    TextArea body = new TextArea("JSON body");
    body.setId("node-http-body");
    JsonValue raw = c.hasKey("body") ? c.get("body") : null;
    body.setValue(
        raw == null || raw.getType() == JsonType.NULL
            ? ""
            : raw.getType() == JsonType.STRING ? raw.asString() : raw.toJson());
    body.setHelperText("Merge fields inside strings, e.g. \"{{lead.firstName}}\".");
    body.setWidthFull();
    body.setMinHeight("140px");
    form.add(method, url, headers, body);
    form.note(
        "The request is signed (X-OmniReach-Signature) and retried if the service is down; the"
            + " run goes on at once and the run's step shows the delivery.");
    form.check(
        () -> {
          String u = url.getValue().trim().toLowerCase();
          return NodeForm.valid(
              url,
              u.startsWith("https://") || u.startsWith("http://"),
              "Start the URL with https://.");
        });
    form.check(
        () ->
            NodeForm.valid(
                headers,
                parseHeaders(headers.getValue()) != null,
                "Write each header as Name: value."));
    form.check(
        () ->
            NodeForm.valid(
                body,
                body.getValue().isBlank() || parseBody(body.getValue()) != null,
                "The body is not valid JSON."));
    form.writes(
        out -> {
          out.put("method", method.getValue());
          out.put("url", url.getValue().trim());
          out.put("headers", parseHeaders(headers.getValue()));
          if (body.getValue().isBlank()) {
            out.put("body", Json.createNull());
          } else {
            out.put("body", parseBody(body.getValue()));
          }
        },
        "method",
        "url",
        "headers",
        "body");
    return form;
  }

  private static String headerLines(JsonObject headers) {
    StringBuilder out = new StringBuilder();
    for (String name : headers.keys()) {
      out.append(name).append(": ").append(headers.getString(name)).append('\n');
    }
    return out.toString().trim();
  }

  /** The headers object, or null when a line is not "Name: value". */
  static JsonObject parseHeaders(String text) {
    JsonObject out = Json.createObject();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || line.substring(0, colon).isBlank()) {
        return null;
      }
      out.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    return out;
  }

  private static JsonValue parseBody(String text) {
    try {
      JsonValue v = Json.instance().parse(text.trim());
      return v.getType() == JsonType.OBJECT || v.getType() == JsonType.ARRAY ? v : null;
    } catch (JsonException | IllegalArgumentException e) {
      return null;
    }
  }
}
