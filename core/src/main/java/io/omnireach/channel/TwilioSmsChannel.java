package io.omnireach.channel;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClientBuilder;

/**
 * SMS through Twilio's Messages API with the official client ({@code com.twilio.sdk}). The client
 * talks to {@code apiBase} when one is set (tests: a local fake; {@code OMNIREACH_TWILIO_API_BASE})
 * instead of {@code https://api.twilio.com}. The client's own retries are off: the outbox retries
 * by the shared {@link io.omnireach.retry.RetryPolicy}, at one level only.
 */
public final class TwilioSmsChannel implements Channel {

  private static final Logger LOG = Logger.getLogger(TwilioSmsChannel.class.getName());

  private final SmsSettings settings;
  private final TwilioRestClient client;

  public TwilioSmsChannel(SmsSettings settings, String apiBase) {
    this.settings = settings;
    this.client =
        new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
            .httpClient(new OneShotClient(apiBase))
            .build();
  }

  /** One channel per settings (so changed credentials get a fresh client). */
  public static Function<SmsSettings, Channel> factory(String apiBase) {
    return s -> new TwilioSmsChannel(s, apiBase);
  }

  @Override
  public ChannelCapabilities capabilities() {
    return ChannelCapabilities.SMS;
  }

  @Override
  public SendResult send(OutboundMessage m) {
    MessageCreator creator =
        settings.fromNumber() != null
            ? Message.creator(
                new PhoneNumber(m.to()), new PhoneNumber(settings.fromNumber()), m.text())
            : Message.creator(new PhoneNumber(m.to()), settings.messagingServiceSid(), m.text());
    try {
      Message sent = creator.create(client);
      return SendResult.accepted("twilio " + sent.getSid() + " " + sent.getStatus());
    } catch (ApiConnectionException e) {
      return SendResult.retry("Twilio unreachable: " + e.getMessage());
    } catch (ApiException e) {
      Integer status = e.getStatusCode();
      String reply =
          "twilio "
              + status
              + (e.getCode() == null ? "" : " code " + e.getCode())
              + ": "
              + e.getMessage();
      LOG.info("SMS send failed: " + reply);
      return status != null && (status == 429 || status >= 500)
          ? SendResult.retry(reply)
          : SendResult.failed(reply);
    }
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
