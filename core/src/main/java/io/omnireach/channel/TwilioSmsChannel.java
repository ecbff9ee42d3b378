package io.omnireach.channel;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.util.function.Function;
import java.util.logging.Logger;

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
    this.client = TwilioHttp.client(settings, apiBase);
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
      return TwilioHttp.result(e, reply);
    }
  }
}
