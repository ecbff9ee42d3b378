package io.omnireach.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireach.common.DomainException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The few calls of Calendly's REST API v2 we need, over plain {@code java.net.http} (Calendly has
 * no Java SDK): who the token belongs to, and creating and deleting the webhook subscription. The
 * base URL is Calendly's own unless {@code OMNIREACH_CALENDLY_API_BASE} points elsewhere (a local
 * fake in tests). The token travels only in the Authorization header and is never logged. Answers a
 * person can act on (a refused token, a plan without webhooks) become UNPROCESSABLE with the
 * reason.
 */
public final class CalendlyClient {

  public static final String DEFAULT_BASE = "https://api.calendly.com";
  static final List<String> EVENTS = List.of("invitee.created", "invitee.canceled");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The token's user as {@code GET /users/me} describes it. */
  public record Me(
      String uri, String schedulingUrl, String organizationUri, String name, String email) {}

  private final String base;
  private final HttpClient http;

  public CalendlyClient(String base) {
    this.base = (base == null || base.isBlank() ? DEFAULT_BASE : base).replaceAll("/+$", "");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public Me me(String token) {
    JsonNode r =
        call(token, "GET", base + "/users/me", null, "read the token's user").path("resource");
    return new Me(
        text(r, "uri"),
        text(r, "scheduling_url"),
        text(r, "current_organization"),
        text(r, "name"),
        text(r, "email"));
  }

  /**
   * Subscribes {@code url} to invitee.created and invitee.canceled; returns the subscription URI.
   */
  public String subscribe(
      String token, String url, String organization, String user, String signingKey) {
    ObjectNode body = JSON.createObjectNode();
    body.put("url", url);
    body.putPOJO("events", EVENTS);
    body.put("organization", organization);
    body.put("user", user);
    body.put("scope", "user");
    body.put("signing_key", signingKey);
    JsonNode r =
        call(
            token,
            "POST",
            base + "/webhook_subscriptions",
            body.toString(),
            "create the webhook subscription for " + url);
    return text(r.path("resource"), "uri");
  }

  /** Deletes a subscription we created; one that is gone already is fine. */
  public void unsubscribe(String token, String subscriptionUri) {
    // Calendly names it by an absolute URI on its own host: keep only the path, on our base
    String what = "delete the webhook subscription";
    HttpResponse<String> r =
        send(token, "DELETE", base + URI.create(subscriptionUri).getPath(), null, what);
    if (r.statusCode() / 100 != 2 && r.statusCode() != 404) {
      throw failure(r, what);
    }
  }

  private JsonNode call(String token, String method, String url, String body, String what) {
    HttpResponse<String> response = send(token, method, url, body, what);
    if (response.statusCode() / 100 != 2) {
      throw failure(response, what);
    }
    return read(response.body());
  }

  private HttpResponse<String> send(
      String token, String method, String url, String body, String what) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw DomainException.unprocessable(
          null, "Calendly could not be reached to " + what + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DomainException.unprocessable(null, "Interrupted while calling Calendly.");
    }
  }

  private static DomainException failure(HttpResponse<String> response, String what) {
    int status = response.statusCode();
    String reason = reason(response.body());
    return switch (status) {
      case 401 ->
          DomainException.unprocessable(
              "token",
              "Calendly refused the personal access token (401 Unauthorized"
                  + reason
                  + "): create a new one in Calendly under Integrations → API & Webhooks and"
                  + " paste it whole.");
      case 403 ->
          DomainException.unprocessable(
              "token",
              "Calendly did not allow us to "
                  + what
                  + " (403 Forbidden"
                  + reason
                  + "): webhooks need a paid Calendly plan and a token of that user.");
      case 409 ->
          DomainException.unprocessable(
              null,
              "Calendly already has a webhook subscription for this URL (409"
                  + reason
                  + "): delete it in Calendly, then connect again.");
      default ->
          DomainException.unprocessable(
              null, "Calendly answered " + status + reason + " when asked to " + what + ".");
    };
  }

  private static JsonNode read(String body) {
    if (body == null || body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw DomainException.unprocessable(null, "Calendly answered with unreadable JSON.");
    }
  }

  /** Calendly's own words ({@code title: message}), cut short; "" when there are none. */
  private static String reason(String body) {
    try {
      JsonNode n = JSON.readTree(body == null ? "" : body);
      String title = text(n, "title");
      String message = text(n, "message");
      String r =
          (title == null ? "" : title)
              + (message == null ? "" : (title == null ? "" : ": ") + message);
      if (r.isBlank()) {
        return "";
      }
      return ", \"" + (r.length() > 200 ? r.substring(0, 200) + "…" : r) + "\"";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
