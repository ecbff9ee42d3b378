package io.omnireach.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * The one place that talks HTTP: bearer token, JSON in and out, problem+json to {@link
 * ApiException}, and one token refresh when an access token has run out.
 */
final class Http {

  static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final HttpClient client;
  private final URI base;
  private final Duration timeout;
  private final Consumer<Tokens> onRefresh;
  private volatile Tokens tokens;

  Http(URI base, Tokens tokens, Duration timeout, Consumer<Tokens> onRefresh) {
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    this.tokens = tokens;
    this.timeout = timeout;
    this.onRefresh = onRefresh;
  }

  URI base() {
    return base;
  }

  Tokens tokens() {
    return tokens;
  }

  void tokens(Tokens tokens) {
    this.tokens = tokens;
  }

  <T> T get(String path, Class<T> type) {
    return read(send("GET", path, null, null, true), JSON.constructType(type));
  }

  <T> T get(String path, JavaType type) {
    return read(send("GET", path, null, null, true), type);
  }

  <T> T post(String path, Object body, Class<T> type) {
    return read(
        send("POST", path, "application/json", publisher(json(body)), true),
        JSON.constructType(type));
  }

  /** Posts without a bearer token (sign-in, refresh). */
  <T> T postAnonymous(String path, Object body, Class<T> type) {
    return read(
        send("POST", path, "application/json", publisher(json(body)), false),
        JSON.constructType(type));
  }

  <T> T post(String path, String contentType, byte[] body, Class<T> type) {
    return post(path, contentType, HttpRequest.BodyPublishers.ofByteArray(body), type);
  }

  /** Posts a streamed body (a file upload); the publisher may be read twice (token refresh). */
  <T> T post(String path, String contentType, HttpRequest.BodyPublisher body, Class<T> type) {
    return read(send("POST", path, contentType, body, true), JSON.constructType(type));
  }

  /** Sends a DELETE; any 2xx (204 usually) is success. */
  void delete(String path) {
    send("DELETE", path, null, null, true);
  }

  static String query(Map<String, ?> params) {
    StringJoiner q = new StringJoiner("&", "?", "");
    q.setEmptyValue("");
    params.forEach(
        (k, v) -> {
          if (v != null && !v.toString().isBlank()) {
            q.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
          }
        });
    return q.toString();
  }

  private HttpResponse<byte[]> send(
      String method,
      String path,
      String contentType,
      HttpRequest.BodyPublisher body,
      boolean authenticated) {
    HttpResponse<byte[]> response = exchange(method, path, contentType, body, authenticated);
    Tokens current = tokens;
    if (response.statusCode() == 401
        && authenticated
        && current != null
        && current.refreshToken() != null) {
      // the access token is short-lived: renew it once with the refresh token, then ask again
      Tokens renewed =
          postAnonymous(
              "/api/v1/auth/refresh",
              Map.of("refresh_token", current.refreshToken()),
              Tokens.class);
      tokens = renewed;
      if (onRefresh != null) {
        onRefresh.accept(renewed);
      }
      response = exchange(method, path, contentType, body, true);
    }
    if (response.statusCode() >= 400) {
      throw problem(response);
    }
    return response;
  }

  private HttpResponse<byte[]> exchange(
      String method,
      String path,
      String contentType,
      HttpRequest.BodyPublisher body,
      boolean authenticated) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(timeout.multipliedBy(6))
            .header("Accept", "application/json, application/problem+json");
    Tokens current = tokens;
    if (authenticated && current != null && current.accessToken() != null) {
      request.header("Authorization", "Bearer " + current.accessToken());
    }
    if (body != null) {
      request.header("Content-Type", contentType);
      request.method(method, body);
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot reach " + base + " (" + method + " " + path + "): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + path, e);
    }
  }

  static ApiException problem(HttpResponse<byte[]> response) {
    String text = new String(response.body(), StandardCharsets.UTF_8);
    try {
      JsonNode p = JSON.readTree(text);
      if (p != null && p.isObject() && (p.has("title") || p.has("detail"))) {
        return new ApiException(
            response.statusCode(),
            p.path("title").asText(reason(response.statusCode())),
            p.path("detail").asText(null),
            p.path("type").asText("about:blank"),
            p.path("field").asText(null));
      }
    } catch (JsonProcessingException e) {
      // not JSON: the body text is the detail
    }
    return new ApiException(
        response.statusCode(),
        reason(response.statusCode()),
        text.isBlank() ? null : text.strip(),
        "about:blank",
        null);
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      default -> status >= 500 ? "Server Error" : "HTTP " + status;
    };
  }

  private static <T> T read(HttpResponse<byte[]> response, JavaType type) {
    if (type.getRawClass() == Void.class) {
      return null;
    }
    try {
      return JSON.readValue(response.body(), type);
    } catch (IOException e) {
      throw new ApiException(
          response.statusCode(),
          "Unexpected response",
          "the server's answer is not the expected JSON: " + e.getMessage(),
          "about:blank",
          null);
    }
  }

  private static HttpRequest.BodyPublisher publisher(byte[] bytes) {
    return HttpRequest.BodyPublishers.ofByteArray(bytes);
  }

  private static byte[] json(Object body) {
    try {
      return body instanceof byte[] bytes ? bytes : JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request as JSON", e);
    }
  }
}
