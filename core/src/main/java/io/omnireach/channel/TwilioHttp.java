package io.omnireach.channel;

import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClientBuilder;

/** The Twilio client SMS and calls share: one account's credentials, one try per request. */
final class TwilioHttp {

  private TwilioHttp() {}

  /** A client for the account, talking to {@code apiBase} when set (tests: a local fake). */
  static TwilioRestClient client(SmsSettings settings, String apiBase) {
    return new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
        .httpClient(new OneShotClient(apiBase))
        .build();
  }

  /** 429 and 5xx are worth another attempt (the outbox's retry policy); other refusals are not. */
  static SendResult result(ApiException e, String reply) {
    Integer status = e.getStatusCode();
    return status != null && (status == 429 || status >= 500)
        ? SendResult.retry(reply)
        : SendResult.failed(reply);
  }

  /**
   * Twilio's HTTP client, sent to another base URL when asked, and trying each request once (the
   * library would otherwise retry 5xx itself, inside the outbox's retries).
   */
  private static final class OneShotClient extends NetworkHttpClient {
    private final URI base;

    OneShotClient(String apiBase) {
      super(
          HttpClientBuilder.create()
              .useSystemProperties()
              .setDefaultRequestConfig(
                  RequestConfig.custom()
                      .setConnectTimeout(10_000)
                      .setSocketTimeout(30_500)
                      .setConnectionRequestTimeout(10_000)
                      .build()));
      this.base = apiBase == null || apiBase.isBlank() ? null : URI.create(apiBase);
    }

    @Override
    public Response reliableRequest(Request request) {
      return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
      if (base == null) {
        return super.makeRequest(request);
      }
      URL url = request.constructURL();
      String target =
          base.getScheme()
              + "://"
              + base.getAuthority()
              + url.getPath()
              + (url.getQuery() == null ? "" : "?" + url.getQuery());
      Request moved = new Request(request.getMethod(), target);
      copy(request.getPostParams(), moved::addPostParam);
      copy(request.getHeaderParams(), moved::addHeaderParam);
      if (request.getAuthStrategy() != null) {
        moved.setAuth(request.getAuthStrategy());
      } else {
        moved.setAuth(request.getUsername(), request.getPassword());
      }
      if (request.getContentType() != null) {
        moved.setContentType(request.getContentType());
      }
      if (request.getBody() != null) {
        moved.setBody(request.getBody());
      }
      moved.setUserAgentExtensions(request.getUserAgentExtensions());
      return super.makeRequest(moved);
    }

    private static void copy(
        Map<String, List<String>> params, java.util.function.BiConsumer<String, String> to) {
      params.forEach((k, values) -> values.forEach(v -> to.accept(k, v)));
    }
  }
}
