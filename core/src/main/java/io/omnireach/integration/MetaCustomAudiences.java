package io.omnireach.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireach.retry.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Meta (Facebook/Instagram) custom audiences from a customer list, through the Graph API's {@code
 * POST|DELETE /{version}/{audience-id}/users} with {@code payload={"schema":["EMAIL","PHONE"],
 * "data":[[sha256, sha256], …]}} (at most 10,000 rows a call; an identifier the lead lacks is sent
 * as an empty string). Written over {@code java.net.http} rather than Meta's Java Business SDK: the
 * SDK is a 13 MB jar with Guava, Kotlin and OkHttp behind it for these two calls, and its default
 * executor only speaks HTTPS, which rules out the loopback fake our tests run against. The token
 * travels in the form body, never in a URL or a log.
 */
public final class MetaCustomAudiences implements AudienceAdapter {

  public static final String ID = "meta";
  public static final String DEFAULT_BASE = "https://graph.facebook.com";
  public static final String VERSION = "v23.0";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Graph error codes that mean "slow down" (app, user, page and ad-account rate limits). */
  private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613, 80003, 80004);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String label() {
    return "Meta custom audience";
  }

  @Override
  public int batchSize() {
    return 10_000;
  }

  @Override
  public Result add(Target target, List<Member> members) {
    return call("POST", target, members);
  }

  @Override
  public Result remove(Target target, List<Member> members) {
    return call("DELETE", target, members);
  }

  /** The {@code payload} parameter: schema and one row of hashes per member. */
  static String payload(List<Member> members) {
    ObjectNode payload = JSON.createObjectNode();
    payload.putArray("schema").add("EMAIL").add("PHONE");
    ArrayNode data = payload.putArray("data");
    for (Member m : members) {
      data.addArray()
          .add(m.emailHash() == null ? "" : m.emailHash())
          .add(m.phoneHash() == null ? "" : m.phoneHash());
    }
    return payload.toString();
  }

  private Result call(String method, Target target, List<Member> members) {
    String base = target.apiBase() == null ? DEFAULT_BASE : target.apiBase().replaceAll("/+$", "");
    if (!target.audienceId().matches("[0-9]{1,30}")) {
      throw new AdapterException(
          RetryPolicy.Failure.REJECTED,
          "A Meta audience id is a number, not " + target.audienceId());
    }
    String form =
        "payload="
            + URLEncoder.encode(payload(members), StandardCharsets.UTF_8)
            + "&access_token="
            + URLEncoder.encode(target.accessToken(), StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(base + "/" + VERSION + "/" + target.audienceId() + "/users"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .method(method, HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new AdapterException(RetryPolicy.Failure.TIMEOUT, "Meta did not answer in time.");
    } catch (IOException e) {
      throw new AdapterException(
          RetryPolicy.Failure.UNREACHABLE, "Meta's Graph API cannot be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdapterException(RetryPolicy.Failure.TIMEOUT, "Interrupted.");
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AdapterException(
          RetryPolicy.Failure.MALFORMED,
          "Meta answered HTTP " + response.statusCode() + " with no JSON.");
    }
    JsonNode error = body.path("error");
    if (response.statusCode() / 100 != 2 || !error.isMissingNode()) {
      throw refusal(response.statusCode(), error);
    }
    return new Result(body.path("num_received").asInt(), body.path("num_invalid_entries").asInt());
  }

  private static AdapterException refusal(int status, JsonNode error) {
    int code = error.path("code").asInt();
    String message =
        "Meta refused (HTTP "
            + status
            + (code == 0 ? "" : ", code " + code)
            + "): "
            + error.path("message").asText("no message");
    RetryPolicy.Failure failure;
    if (code == 190 || status == 401) {
      failure = RetryPolicy.Failure.AUTHENTICATION;
    } else if (THROTTLED.contains(code) || status == 429) {
      failure = RetryPolicy.Failure.RATE_LIMITED;
    } else if (status / 100 == 5 || code == 1 || code == 2) {
      failure = RetryPolicy.Failure.SERVER_ERROR;
    } else {
      failure = RetryPolicy.Failure.REJECTED;
    }
    return new AdapterException(failure, message);
  }
}
