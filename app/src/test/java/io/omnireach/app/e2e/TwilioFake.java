package io.omnireach.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A local fake of Twilio's REST API for one account on the e2e Twilio port ({@code
 * OMNIREACH_TWILIO_API_BASE} points the server at it): {@code Messages.json} and {@code Calls.json}
 * answer 201 with a new SID for every message ({@code SM…}) or call ({@code CA…}), as Twilio does.
 */
final class TwilioFake {

  private TwilioFake() {}

  static String messages(String accountSid) {
    return "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
  }

  static String calls(String accountSid) {
    return "/2010-04-01/Accounts/" + accountSid + "/Calls.json";
  }

  static WireMockServer start(String accountSid) {
    WireMockServer twilio =
        new WireMockServer(
            options().port(SmsApiIT.PORT).bindAddress("127.0.0.1").globalTemplating(true));
    twilio.start();
    created(twilio, messages(accountSid), "SM", accountSid);
    created(twilio, calls(accountSid), "CA", accountSid);
    return twilio;
  }

  private static void created(WireMockServer twilio, String path, String prefix, String account) {
    twilio.stubFor(
        post(urlPathEqualTo(path))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"sid\":\""
                            + prefix
                            + "{{randomValue length=32 type='HEXADECIMAL' lowercase=true}}\","
                            + "\"account_sid\":\""
                            + account
                            + "\",\"status\":\"queued\"}")));
  }
}
