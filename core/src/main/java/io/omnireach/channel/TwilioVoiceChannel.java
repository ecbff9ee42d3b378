package io.omnireach.channel;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Automated calls through Twilio's Calls API with the official client: the message's text is read
 * aloud ({@code <Response><Say>…</Say></Response>}) from the tenant's Twilio number, and Twilio
 * reports the call's final status (completed, busy, no-answer, failed, canceled) to {@code <public
 * URL>/webhooks/twilio/voice}. Consent and quiet hours are decided before (the outbox's {@link
 * SendPolicy} with {@link ChannelCapabilities#VOICE}); like {@link TwilioSmsChannel} it tries each
 * request once and lets the outbox retry.
 */
public final class TwilioVoiceChannel implements Channel {

  private static final Logger LOG = Logger.getLogger(TwilioVoiceChannel.class.getName());

  private final SmsSettings settings;
  private final TwilioRestClient client;
  private final String statusCallback;

  public TwilioVoiceChannel(SmsSettings settings, String apiBase, String publicUrl) {
    this.settings = settings;
    this.client = TwilioHttp.client(settings, apiBase);
    this.statusCallback = publicUrl.replaceAll("/+$", "") + "/webhooks/twilio/voice";
  }

  /** One channel per settings (so changed credentials get a fresh client). */
  public static Function<SmsSettings, Channel> factory(String apiBase, String publicUrl) {
    return s -> new TwilioVoiceChannel(s, apiBase, publicUrl);
  }

  @Override
  public ChannelCapabilities capabilities() {
    return ChannelCapabilities.VOICE;
  }

  @Override
  public SendResult send(OutboundMessage m) {
    try {
      Call call =
          Call.creator(
                  new PhoneNumber(m.to()),
                  new PhoneNumber(settings.fromNumber()),
                  new Twiml(twiml(m.text())))
              .setStatusCallback(statusCallback)
              .setStatusCallbackMethod(com.twilio.http.HttpMethod.POST)
              .create(client);
      return SendResult.accepted("twilio " + call.getSid() + " " + call.getStatus());
    } catch (ApiConnectionException e) {
      return SendResult.retry("Twilio unreachable: " + e.getMessage());
    } catch (ApiException e) {
      String reply =
          "twilio "
              + e.getStatusCode()
              + (e.getCode() == null ? "" : " code " + e.getCode())
              + ": "
              + e.getMessage();
      LOG.info("Call failed: " + reply);
      return TwilioHttp.result(e, reply);
    }
  }

  /** The TwiML that reads {@code script} aloud; the text is XML-escaped. */
  public static String twiml(String script) {
    return "<Response><Say>" + escape(script == null ? "" : script.strip()) + "</Say></Response>";
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
