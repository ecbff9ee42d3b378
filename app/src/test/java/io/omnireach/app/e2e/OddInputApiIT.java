package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Odd request bodies at every POST/PUT/PATCH endpoint that takes JSON, as listed by the OpenAPI
 * document: malformed JSON, an array, string or number instead of an object, and the endpoint's own
 * example with one property at a time given a value of the wrong shape (nested object, array,
 * string for a number, huge numbers, NUL characters). Each must be refused with a 4xx problem+json,
 * never a 500 or a success. The calls run as the admin of a tenant made for this test, and path
 * parameters name nothing (ids 999999999), so a body that got through changes nothing another test
 * sees.
 */
class OddInputApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String NUL = "a\u0000b";

  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  private static String admin;
  private static String owner;

  @BeforeAll
  static void signIn() throws Exception {
    Journeys.awaitReady();
    owner = E2e.token("owner@omnireach.demo");
    String email = "admin@odd-" + RUN + ".example";
    HttpResponse<String> created =
        E2e.send(
            "POST",
            "/api/v1/tenants",
            owner,
            "{\"slug\":\"odd-"
                + RUN
                + "\",\"displayName\":\"Odd inputs\",\"adminEmail\":\""
                + email
                + "\",\"adminName\":\"Odd Admin\",\"adminPassword\":\"a-long-secret-passphrase\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    admin = E2e.token(email, "a-long-secret-passphrase", null);
  }

  record Call(String method, String path, String body) {}

  @Test
  void odd_json_bodies_get_a_4xx_problem_at_every_endpoint_never_a_500() throws Exception {
    JsonNode doc = JSON.readTree(E2e.get("/openapi?format=JSON", null).body());
    List<Call> calls = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : List.of("post", "put", "patch")) {
        JsonNode content =
            path.getValue()
                .path(method)
                .path("requestBody")
                .path("content")
                .path("application/json");
        if (content.isMissingNode()) {
          continue; // no body, or not JSON (CSV upload)
        }
        String url = path.getKey().replaceAll("\\{slug}", "no-such-tenant");
        url = url.replaceAll("\\{[^}]+}", "999999999");
        // sign-in and invitation tokens are throttled per address: no real-looking attempts there
        boolean throttled = url.startsWith("/api/v1/auth/") || url.endsWith("/accept");
        ObjectNode base = throttled ? JSON.createObjectNode() : example(content);
        for (String body : bodies(resolve(doc, content.path("schema")), base)) {
          calls.add(new Call(method.toUpperCase(), url, body));
        }
      }
    }
    assertThat(calls.stream().map(Call::path).distinct().count())
        .as("JSON endpoints found in /openapi")
        .isGreaterThan(15);
    assertThat(calls)
        .as("the lead example is the base of the lead bodies")
        .anyMatch(c -> c.path().equals("/api/v1/leads") && c.body().contains("\"email\""));

    Map<String, String> wrong = new LinkedHashMap<>();
    for (Call call : calls) {
      boolean operator =
          call.path().startsWith("/api/v1/tenants") || call.path().startsWith("/api/v1/resellers");
      String token = operator ? owner : admin;
      HttpResponse<String> r = send(call, token);
      String type = r.headers().firstValue("Content-Type").orElse("");
      if (r.statusCode() < 400 || r.statusCode() >= 500 || !type.startsWith(PROBLEM)) {
        wrong.put(
            call.method() + " " + call.path() + " " + call.body(),
            r.statusCode() + " " + type + " " + r.body());
      }
    }
    assertThat(wrong).as("bodies not refused with a 4xx problem").isEmpty();
  }

  @Test
  void a_nul_character_in_a_valid_body_or_a_query_is_a_400_and_nothing_is_stored()
      throws Exception {
    String email = "nul-" + RUN + "@odd.example";
    HttpResponse<String> lead =
        E2e.send(
            "POST",
            "/api/v1/leads",
            admin,
            "{\"email\":\"" + email + "\",\"firstName\":\"Ada\\u0000Lovelace\"}");
    assertThat(lead.statusCode()).as(lead.body()).isEqualTo(400);
    assertThat(lead.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
    assertThat(JSON.readTree(lead.body()).path("detail").asText()).contains("NUL");
    assertThat(E2e.get("/api/v1/leads?q=" + email, admin).body()).doesNotContain(email);

    HttpResponse<String> search = E2e.get("/api/v1/leads?q=a%00b", admin);
    assertThat(search.statusCode()).as(search.body()).isEqualTo(400);
    assertThat(search.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
  }

  private static final String PROBLEM = "application/problem+json";

  private static HttpResponse<String> send(Call call, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(E2e.BASE_URL + call.path()))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Follows a {@code $ref} to components/schemas. */
  private static JsonNode resolve(JsonNode doc, JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    if (ref.startsWith("#/components/schemas/")) {
      return doc.path("components")
          .path("schemas")
          .path(ref.substring("#/components/schemas/".length()));
    }
    return schema;
  }

  /**
   * The request example of the operation (its first), with slugs and email addresses made unique so
   * that nothing collides with what other tests create; an empty object when there is none.
   */
  private static ObjectNode example(JsonNode content) throws Exception {
    JsonNode example = content.path("example");
    for (JsonNode named : content.path("examples")) {
      example = named.path("value");
      break;
    }
    if (example.isTextual()) {
      example = JSON.readTree(example.asText());
    }
    if (!(example instanceof ObjectNode object)) {
      return JSON.createObjectNode();
    }
    ObjectNode copy = object.deepCopy();
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals("slug")) {
        copy.put(name, "odd-x" + RUN);
      } else if (name.toLowerCase().contains("email") && copy.get(name).isTextual()) {
        copy.put(name, "odd-" + RUN + "-" + name + "@odd.example");
      }
    }
    return copy;
  }

  /** The whole-body shapes, then each property of the base with values of the wrong shape. */
  private static List<String> bodies(JsonNode schema, ObjectNode base) throws Exception {
    List<String> bodies =
        new ArrayList<>(
            List.of(
                "",
                "null",
                "[]",
                "[{}]",
                "\"text\"",
                "42",
                "true",
                "{",
                "{\"a\":1,}",
                "{\"a\" 1}",
                "{\"\\u0000\":1}",
                "{\"text\":\"" + "\\u0000" + "\"}"));
    // the schema's properties, and the example's (a body read as a map has no properties)
    Map<String, String> types = new LinkedHashMap<>();
    schema
        .path("properties")
        .fields()
        .forEachRemaining(p -> types.put(p.getKey(), typeOf(p.getValue())));
    base.fields().forEachRemaining(f -> types.putIfAbsent(f.getKey(), typeOfValue(f.getValue())));
    for (Map.Entry<String, String> property : types.entrySet()) {
      String type = property.getValue();
      for (Object value : wrongValues(type)) {
        ObjectNode body = base.deepCopy();
        body.set(property.getKey(), JSON.valueToTree(value));
        bodies.add(JSON.writeValueAsString(body));
      }
      if (!type.equals("string")) {
        // numbers beyond any Java type, as raw JSON text
        for (String huge : List.of("1e400", "123456789012345678901234567890", "-1e400")) {
          ObjectNode body = base.deepCopy();
          body.put(property.getKey(), "@HUGE@");
          bodies.add(JSON.writeValueAsString(body).replace("\"@HUGE@\"", huge));
        }
      }
    }
    return bodies;
  }

  /** The type of a schema property; an array of objects is "objects". */
  private static String typeOf(JsonNode property) {
    String type = property.path("type").asText("object");
    if (type.equals("array")) {
      String items = property.path("items").path("type").asText("object");
      return items.equals("object") || items.equals("array") ? "objects" : "array";
    }
    return type;
  }

  /** The type of an example value, named as in {@link #wrongValues}. */
  private static String typeOfValue(JsonNode value) {
    if (value.isArray()) {
      return value.size() > 0 && value.get(0).isContainerNode() ? "objects" : "array";
    }
    return value.isTextual()
        ? "string"
        : value.isNumber() ? "number" : value.isBoolean() ? "boolean" : "object";
  }

  private static List<Object> wrongValues(String type) {
    Map<String, Object> nested = Map.of("x", Map.of("y", List.of(1)));
    return switch (type) {
      case "string" -> List.of(nested, List.of(1, 2), NUL, List.of(NUL));
      case "integer", "number" -> List.of("abc", nested, List.of(1));
      case "boolean" -> List.of("maybe", nested, List.of(true));
      case "array" -> List.of(nested, "abc", List.of(nested), List.of(NUL));
      case "objects" -> List.of(nested, "abc", List.of("abc"), List.of(Map.of(NUL, NUL)));
      default -> List.of(List.of(1), "abc", Map.of(NUL, NUL));
    };
  }
}
