package io.omnireach.app.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP against the running server; JSON is checked as text or with small regexes. */
final class E2e {

  static final String BASE_URL = System.getProperty("omnireach.baseUrl", "http://localhost:9080");
  static final String DEMO_PASSWORD = "omnireach-demo";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private E2e() {}

  static HttpResponse<String> send(String method, String path, String token, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE_URL + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends, asking again while the answer is a 500: right after start-up a batch job is still
   * migrating the tenant schemas, and a request that reaches an unmigrated schema fails.
   */
  static HttpResponse<String> sendOnceMigrated(
      String method, String path, String token, String json) {
    return org.awaitility.Awaitility.await("tenant schemas migrated (" + method + " " + path + ")")
        .atMost(java.time.Duration.ofSeconds(60))
        .pollInterval(java.time.Duration.ofMillis(500))
        .until(() -> send(method, path, token, json), r -> r.statusCode() != 500);
  }

  /** Waits until a message has left QUEUED/SENDING; returns its JSON. */
  static String settledMessage(String token, String id) {
    return org.awaitility.Awaitility.await("message " + id + " sent or failed")
        .atMost(java.time.Duration.ofSeconds(30))
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(
            () -> {
              HttpResponse<String> r = get("/api/v1/messages/" + id, token);
              if (r.statusCode() != 200) {
                throw new AssertionError("GET message " + id + ": " + r.body());
              }
              return r.body();
            },
            json ->
                !field(json, "status").equals("QUEUED")
                    && !field(json, "status").equals("SENDING"));
  }

  static HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    return send("GET", path, token, null);
  }

  static String token(String email, String password, String tenant)
      throws IOException, InterruptedException {
    String body =
        "{\"email\":\""
            + email
            + "\",\"password\":\""
            + password
            + "\""
            + (tenant == null ? "" : ",\"tenant\":\"" + tenant + "\"")
            + "}";
    HttpResponse<String> r = send("POST", "/api/v1/auth/token", null, body);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("Sign-in of " + email + " failed: " + r.body());
    }
    return field(r.body(), "access_token");
  }

  static String token(String email) throws IOException, InterruptedException {
    return token(email, DEMO_PASSWORD, null);
  }

  /** The first string or number value of {@code name} in a JSON text. */
  static String field(String json, String name) {
    Matcher m =
        Pattern.compile(
                "\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.]+)")
            .matcher(json);
    if (!m.find()) {
      throw new AssertionError("No field " + name + " in " + json);
    }
    return m.group(2) != null ? m.group(2) : m.group(1);
  }
}
