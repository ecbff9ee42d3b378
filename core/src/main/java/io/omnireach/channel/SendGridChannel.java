package io.omnireach.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.ClickTrackingSetting;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.OpenTrackingSetting;
import com.sendgrid.helpers.mail.objects.Personalization;
import com.sendgrid.helpers.mail.objects.TrackingSettings;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

/**
 * Sends through SendGrid's v3 {@code POST /v3/mail/send} with the official client ({@code
 * com.sendgrid:sendgrid-java}): text and HTML, our headers (Message-ID, List-Unsubscribe,
 * In-Reply-To/References, idempotency key), our ids as {@code custom_args} (they come back on
 * SendGrid's event webhook) and SendGrid's own open/click tracking off (we track ourselves).
 *
 * <p>202 is SENT; 429 and 5xx, or no answer at all, are retried; any other 4xx (400 bad request,
 * 401/403 key refused) fails at once with SendGrid's error message.
 */
public final class SendGridChannel implements Channel, AutoCloseable {

  static final String DEFAULT_BASE_URL = "https://api.sendgrid.com";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(SendGridChannel.class.getName());

  private final SmtpSettings settings;
  private final CloseableHttpClient http;
  private final SendGrid client;

  public SendGridChannel(SmtpSettings settings) {
    this.settings = settings;
    URI base = URI.create(settings.apiBaseUrl() == null ? DEFAULT_BASE_URL : settings.apiBaseUrl());
    this.http =
        HttpClients.custom()
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectTimeout(10_000)
                    .setConnectionRequestTimeout(10_000)
                    .setSocketTimeout(30_000)
                    .build())
            .disableRedirectHandling() // a redirect would leave the host the SSRF check passed
            .build();
    // the client's "test" flag means plain http (a local fake); the host may carry a port
    this.client =
        new SendGrid(settings.apiKey(), new Client(http, "http".equals(base.getScheme())));
    client.setHost(base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort()));
  }

  @Override
  public SendResult send(OutboundMessage message) {
    Request request = new Request();
    request.setMethod(Method.POST);
    request.setEndpoint("mail/send");
    try {
      request.setBody(mail(message).build());
      Response response = client.api(request);
      int status = response.getStatusCode();
      if (status >= 200 && status < 300) {
        String id = header(response.getHeaders(), "X-Message-Id");
        return SendResult.accepted(status + " accepted" + (id == null ? "" : " " + id));
      }
      String reply = status + " " + errors(response.getBody());
      return status == 429 || status >= 500 ? SendResult.retry(reply) : SendResult.failed(reply);
    } catch (IOException e) {
      LOG.info("SendGrid unreachable: " + e);
      return SendResult.retry("SendGrid unreachable: " + e.getClass().getSimpleName());
    }
  }

  Mail mail(OutboundMessage message) {
    Mail mail = new Mail();
    mail.setFrom(new Email(message.from(), settings.fromName()));
    mail.setSubject(message.subject());
    Personalization to = new Personalization();
    to.addTo(new Email(message.to()));
    mail.addPersonalization(to);
    mail.addContent(new Content("text/plain", message.text()));
    mail.addContent(new Content("text/html", message.html()));
    for (Attachment a : message.attachments()) {
      com.sendgrid.helpers.mail.objects.Attachments file =
          new com.sendgrid.helpers.mail.objects.Attachments();
      file.setFilename(a.filename());
      file.setType(a.contentType());
      file.setDisposition("attachment");
      file.setContent(java.util.Base64.getEncoder().encodeToString(a.content()));
      mail.addAttachments(file);
    }
    mail.addHeader("Message-ID", message.messageId());
    for (Map.Entry<String, String> h : message.headers().entrySet()) {
      mail.addHeader(h.getKey(), h.getValue());
    }
    mail.addCustomArg("omnireach_tenant", message.tenant());
    mail.addCustomArg("omnireach_message_id", Long.toString(message.outboxId()));
    mail.addCustomArg("omnireach_idempotency_key", message.idempotencyKey());
    TrackingSettings tracking = new TrackingSettings();
    ClickTrackingSetting clicks = new ClickTrackingSetting();
    clicks.setEnable(false);
    clicks.setEnableText(false);
    tracking.setClickTrackingSetting(clicks);
    OpenTrackingSetting opens = new OpenTrackingSetting();
    opens.setEnable(false);
    tracking.setOpenTrackingSetting(opens);
    mail.setTrackingSettings(tracking);
    return mail;
  }

  /**
   * SendGrid's {@code {"errors":[{"message":…,"field":…}]}} as one line; anything else is logged,
   * not returned.
   */
  static String errors(String body) {
    if (body == null || body.isBlank()) {
      return "(no body)";
    }
    try {
      JsonNode errors = JSON.readTree(body).path("errors");
      List<String> messages = new ArrayList<>();
      errors.forEach(
          e ->
              messages.add(
                  e.path("message").asText("")
                      + (e.hasNonNull("field") ? " (" + e.get("field").asText() + ")" : "")));
      if (!messages.isEmpty()) {
        return String.join("; ", messages);
      }
    } catch (IOException e) {
      // not JSON: not SendGrid's answer either
    }
    // the base URL may lead to an internal service (SSRF): never show its answer to the tenant
    LOG.info(
        "SendGrid API answered something else: "
            + (body.length() > 500 ? body.substring(0, 500) : body));
    return "(the answer is not a SendGrid error response; details in the server log)";
  }

  private static String header(Map<String, String> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException e) {
      // nothing to do
    }
  }
}
