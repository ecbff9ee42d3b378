package io.omnireach.app.rest;

import io.omnireach.channel.Mailbox;
import io.omnireach.channel.MailboxDraft;
import io.omnireach.channel.MessageView;
import io.omnireach.channel.SendWindow;
import io.omnireach.channel.SendingRules;
import io.omnireach.channel.SmsAccounts;
import io.omnireach.meeting.CalendlyAccounts;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of {@code /mailboxes} and {@code /messages} (JSON, camelCase). */
public final class ChannelDtos {

  private ChannelDtos() {}

  @Schema(
      name = "SendWindow",
      description =
          "Days and hours [start, end) in the lead's time zone when email may leave; end 00:00 or"
              + " 24:00 means midnight")
  public record SendWindowDto(
      @Schema(example = "[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"]") List<String> days,
      @Schema(example = "09:00") String start,
      @Schema(example = "17:00") String end) {

    SendWindow window() {
      return SendWindow.of(days, start, end);
    }

    static SendWindowDto of(SendWindow w) {
      if (w == null) {
        return null;
      }
      return new SendWindowDto(
          w.days().stream().sorted().map(d -> d.name().substring(0, 3)).toList(),
          w.start().toString(),
          w.end().toString());
    }
  }

  @Schema(name = "MailboxRequest", description = "A sending mailbox (SMTP or SendGrid)")
  public record MailboxRequest(
      @Schema(example = "Elena's mailbox", required = true) String name,
      @Schema(example = "smtp.example.com", description = "Required for SMTP") String host,
      @Schema(example = "587", description = "Default 587") Integer port,
      @Schema(example = "elena@acme.example") String username,
      @Schema(description = "Stored encrypted (AES-GCM); never returned") String password,
      @Schema(
              example = "true",
              description = "Default true: STARTTLS required, or implicit TLS on port 465")
          Boolean tls,
      @Schema(example = "elena@acme.example", required = true) String fromAddress,
      @Schema(example = "Elena Marsh") String fromName,
      @Schema(example = "200", description = "Messages per UTC day; default 200") Integer dailyCap,
      @Schema(
              example = "smtp",
              enumeration = {"smtp", "sendgrid"},
              description = "Default smtp")
          String provider,
      @Schema(description = "SendGrid API key (sendgrid); stored encrypted, never returned")
          String apiKey,
      @Schema(
              example = "https://api.sendgrid.com",
              description = "SendGrid API base URL; default SendGrid's own")
          String apiBaseUrl,
      @Schema(description = "When it may send; default any time") SendWindowDto sendWindow,
      @Schema(example = "60", description = "Minimum seconds between two sends; default 0")
          Integer minSpacingSeconds,
      @Schema(
              example = "Europe/Berlin",
              description = "Zone of the window for leads without one; default UTC")
          String timezone,
      @Schema(example = "acme.example", description = "DKIM signing domain (SMTP)")
          String dkimDomain,
      @Schema(example = "s2026", description = "DKIM selector") String dkimSelector,
      @Schema(description = "DKIM RSA private key, PEM; stored encrypted, never returned")
          String dkimPrivateKey,
      @Schema(
              description =
                  "SendGrid only: the signed event webhook's verification key (base64 ECDSA"
                      + " P-256 public key, as SendGrid shows it)")
          String eventWebhookKey) {

    MailboxDraft draft() {
      return new MailboxDraft(
          name,
          host,
          port,
          username,
          password,
          tls,
          fromAddress,
          fromName,
          dailyCap,
          provider,
          apiKey,
          apiBaseUrl,
          sendWindow == null ? null : sendWindow.window(),
          minSpacingSeconds,
          timezone,
          dkimDomain,
          dkimSelector,
          dkimPrivateKey,
          eventWebhookKey);
    }
  }

  @Schema(name = "EventWebhookRequest", description = "SendGrid's event webhook verification key")
  public record EventWebhookRequest(
      @Schema(
              description = "Base64 DER of the ECDSA P-256 public key; blank removes it",
              example = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…")
          String verificationKey) {}

  @Schema(name = "MailboxSending", description = "When and how fast a mailbox sends")
  public record SendingRequest(
      @Schema(description = "null = any time") SendWindowDto sendWindow,
      @Schema(example = "60", description = "Minimum seconds between two sends; default 0")
          Integer minSpacingSeconds,
      @Schema(example = "Europe/Berlin", description = "Zone for leads without one; null = UTC")
          String timezone,
      @Schema(example = "200", description = "Messages per UTC day; null keeps the current cap")
          Integer dailyCap,
      @Schema(
              example = "4",
              minimum = "1",
              maximum = "16",
              description =
                  "SMTP connections (SendGrid: concurrent requests) the mailbox's messages go out"
                      + " over in parallel, 1 to 16; null keeps the current number. Providers"
                      + " limit concurrent connections per account (often 2 to 10): stay within"
                      + " yours.")
          Integer smtpConnections) {

    SendingRules rules() {
      return new SendingRules(
          sendWindow == null ? null : sendWindow.window(),
          minSpacingSeconds,
          timezone,
          dailyCap,
          smtpConnections);
    }
  }

  @Schema(name = "Mailbox", description = "A sending mailbox; the password is never returned")
  public record MailboxDto(
      @Schema(example = "1") long id,
      @Schema(example = "Elena's mailbox") String name,
      @Schema(example = "smtp.example.com") String host,
      @Schema(example = "587") Integer port,
      @Schema(example = "elena@acme.example") String username,
      @Schema(description = "Whether a password is stored") boolean hasPassword,
      @Schema(example = "true") boolean tls,
      @Schema(example = "elena@acme.example") String fromAddress,
      @Schema(example = "Elena Marsh") String fromName,
      @Schema(example = "200") int dailyCap,
      Instant createdAt,
      @Schema(
              example = "smtp",
              enumeration = {"smtp", "sendgrid"})
          String provider,
      @Schema(description = "SendGrid API base URL, when not SendGrid's own") String apiBaseUrl,
      @Schema(description = "Whether a SendGrid API key is stored") boolean hasApiKey,
      @Schema(description = "null = any time") SendWindowDto sendWindow,
      @Schema(example = "0") int minSpacingSeconds,
      @Schema(example = "Europe/Berlin") String timezone,
      @Schema(example = "acme.example") String dkimDomain,
      @Schema(example = "s2026") String dkimSelector,
      @Schema(description = "Whether a DKIM key is stored") boolean hasDkimKey,
      @Schema(description = "Whether SendGrid's event webhook key is set (SendGrid mailboxes)")
          boolean hasEventWebhookKey,
      @Schema(example = "1", description = "Connections its messages go out over in parallel")
          int smtpConnections) {

    static MailboxDto of(Mailbox m) {
      return new MailboxDto(
          m.id(),
          m.name(),
          m.host(),
          m.port(),
          m.username(),
          m.hasPassword(),
          m.tls(),
          m.fromAddress(),
          m.fromName(),
          m.dailyCap(),
          m.createdAt(),
          m.provider(),
          m.apiBaseUrl(),
          m.hasApiKey(),
          SendWindowDto.of(m.sendWindow()),
          m.minSpacingSeconds(),
          m.timezone(),
          m.dkimDomain(),
          m.dkimSelector(),
          m.hasDkimKey(),
          m.hasEventWebhookKey(),
          m.smtpConnections());
    }
  }

  @Schema(name = "MailboxList")
  public record MailboxList(List<MailboxDto> items) {}

  @Schema(name = "MessageRequest", description = "An email to one lead; the body is plain text")
  public record MessageRequest(
      @Schema(example = "1", required = true) Long mailboxId,
      @Schema(
              example = "Quick question about Northwind's routing",
              description = "Required, except for a follow-up: then it defaults to \"Re: …\"")
          String subject,
      @Schema(example = "Hi María,\n\nWould a 15-minute call next week work?", required = true)
          String body,
      @Schema(example = "3", description = "The persona the text was written as (analytics)")
          Long personaId,
      @Schema(
              example = "41",
              description =
                  "Follow up this earlier message of the lead in the same thread (In-Reply-To,"
                      + " References)")
          Long inReplyToMessageId,
      @Schema(description = "A window of its own instead of the mailbox's")
          SendWindowDto sendWindow,
      @Schema(
              enumeration = {"email", "sms"},
              example = "email",
              description =
                  "email (default) or sms: an SMS needs only body, goes to the lead's phone from"
                      + " the tenant's Twilio sender, and needs the lead's SMS consent")
          String channel,
      @Schema(
              example = "false",
              description =
                  "true sends despite policy warnings (a person confirmed them); blocking"
                      + " policies still refuse")
          Boolean confirmWarnings) {}

  @Schema(name = "SmsSettingsRequest")
  public record SmsSettingsRequest(
      @Schema(example = "AC0123456789abcdef0123456789abcdef", required = true) String accountSid,
      @Schema(
              example = "your_auth_token",
              description = "Write-only, stored encrypted; leave out to keep the stored one")
          String authToken,
      @Schema(example = "+14155550123", description = "E.164 sender number, or …")
          String fromNumber,
      @Schema(
              example = "MG0123456789abcdef0123456789abcdef",
              description = "… a messaging service SID (exactly one of the two)")
          String messagingServiceSid,
      @Schema(description = "The tenant's window, on top of the quiet hours 08:00–21:00")
          SendWindowDto sendWindow,
      @Schema(
              example = "500",
              description =
                  "SMS the number sends per UTC day at most (1–100000; leave out for no cap):"
                      + " the relay defers the rest to the next day and fallback steps skip SMS")
          Integer dailyCap) {

    SmsAccounts.Update update() {
      return new SmsAccounts.Update(
          accountSid,
          authToken,
          fromNumber,
          messagingServiceSid,
          sendWindow == null ? null : sendWindow.window(),
          dailyCap);
    }
  }

  @Schema(name = "SmsSettings")
  public record SmsSettingsDto(
      @Schema(example = "AC0123456789abcdef0123456789abcdef") String accountSid,
      @Schema(example = "+14155550123") String fromNumber,
      String messagingServiceSid,
      SendWindowDto sendWindow,
      @Schema(example = "500", description = "Daily cap of the number, or null for none")
          Integer dailyCap,
      @Schema(description = "Whether an auth token is stored (the token is never returned)")
          boolean authTokenSet,
      Instant updatedAt) {

    static SmsSettingsDto of(SmsAccounts.View v) {
      return new SmsSettingsDto(
          v.accountSid(),
          v.fromNumber(),
          v.messagingServiceSid(),
          v.sendWindow() == null ? null : SendWindowDto.of(v.sendWindow()),
          v.dailyCap(),
          v.authTokenSet(),
          v.updatedAt());
    }
  }

  @Schema(name = "MessageEvent")
  public record EventDto(
      @Schema(
              example = "SENT",
              description =
                  "QUEUED, DEFERRED, SENDING, RETRY, RECOVERED, SENT, FAILED, BLOCKED, OPENED,"
                      + " CLICKED, REPLIED, DELIVERED (SendGrid or Twilio receipt), BOUNCED,"
                      + " SOFT_BOUNCED, COMPLAINED (spam report), UNSUBSCRIBED; SMS: UNDELIVERED,"
                      + " DELIVERY_FAILED; automated calls: CALL_COMPLETED, CALL_BUSY,"
                      + " CALL_NO_ANSWER, CALL_FAILED, CALL_CANCELED")
          String type,
      @Schema(description = "Reason or server reply") String detail,
      Instant at) {}

  @Schema(name = "Message", description = "An outbound message and its history")
  public record MessageDto(
      @Schema(example = "7") long id,
      @Schema(
              enumeration = {"email", "sms"},
              example = "email",
              description = "The channel it goes out on")
          String channel,
      @Schema(
              enumeration = {"QUEUED", "SENDING", "SENT", "BLOCKED", "FAILED"},
              example = "SENT")
          String status,
      @Schema(
              description =
                  "Why it was blocked or failed: DO_NOT_CONTACT, UNSUBSCRIBED, BOUNCED,"
                      + " COMPLAINED, CONSENT_DENIED, NO_SEND_SLOT, LEAD_DELETED,"
                      + " MAILBOX_DELETED, SEND_FAILED (a full daily cap or a send window only"
                      + " defers: see notBefore and the DEFERRED event)",
              example = "UNSUBSCRIBED")
          String reason,
      Long leadId,
      Long mailboxId,
      String to,
      String subject,
      @Schema(description = "The server's last reply", example = "250 OK") String reply,
      Instant createdAt,
      Instant sentAt,
      List<EventDto> events,
      @Schema(example = "3") Long personaId,
      @Schema(example = "41", description = "The message this one follows up") Long inReplyToId,
      @Schema(description = "A QUEUED message waits until then (window, cap, spacing, retry)")
          Instant notBefore,
      @Schema(example = "1", description = "How often it was handed to the transport")
          int attempts) {

    static MessageDto of(MessageView m) {
      return new MessageDto(
          m.id(),
          m.channel().apiName(),
          m.status().name(),
          m.reason(),
          m.leadId(),
          m.mailboxId(),
          m.to(),
          m.subject(),
          m.reply(),
          m.createdAt(),
          m.sentAt(),
          m.events().stream().map(e -> new EventDto(e.type(), e.detail(), e.at())).toList(),
          m.personaId(),
          m.inReplyToId(),
          m.notBefore(),
          m.attempts());
    }
  }

  @Schema(name = "CalendlySettingsRequest")
  public record CalendlySettingsRequest(
      @Schema(
              example =
                  "eyJraWQiOiIxY2UxZTEzNjE3ZGNmNzY2YjNjZWJjY2Y4ZGM1YmFmYThhNjVlNjg0MDIzZjdjMzJiZTgzNDliMjM4MDEzNWI0IiwidHlwIjoiUEFUIiwiYWxnIjoiRVMyNTYifQ",
              description =
                  "Calendly personal access token; write-only, stored encrypted. Leave out to"
                      + " keep the stored one when connecting again")
          String token,
      @Schema(
              example = "https://calendly.com/elena-marsh/30min",
              description = "The link {{meeting.link}} points to; default: the user's own")
          String schedulingUrl,
      @Schema(
              description =
                  "Signing key for the webhook subscription (16-200 characters); default: a new"
                      + " random key. Write-only, stored encrypted")
          String signingKey) {

    CalendlyAccounts.Connect connect() {
      return new CalendlyAccounts.Connect(token, schedulingUrl, signingKey);
    }
  }

  @Schema(name = "CalendlySettings", description = "The token and signing key are never returned")
  public record CalendlySettingsDto(
      @Schema(example = "true") boolean connected,
      @Schema(description = "Whether a token is stored") boolean tokenSet,
      @Schema(example = "b4Xq", description = "The token's last four characters") String tokenLast4,
      @Schema(example = "https://calendly.com/elena-marsh/30min") String schedulingUrl,
      @Schema(example = "https://api.calendly.com/users/AAAAAAAAAAAAAAAA") String userUri,
      @Schema(example = "https://api.calendly.com/organizations/BBBBBBBBBBBBBBBB")
          String organizationUri,
      @Schema(
              example = "https://api.calendly.com/webhook_subscriptions/CCCCCCCCCCCCCCCC",
              description = "Calendly's subscription")
          String webhookUri,
      @Schema(
              example = "https://app.example.com/webhooks/calendly",
              description = "Where Calendly posts invitee.created and invitee.canceled")
          String webhookUrl,
      Instant updatedAt,
      @Schema(example = "admin@acme.example") String updatedBy) {

    static CalendlySettingsDto of(CalendlyAccounts.View v) {
      return new CalendlySettingsDto(
          true,
          true,
          v.tokenLast4(),
          v.schedulingUrl(),
          v.userUri(),
          v.organizationUri(),
          v.webhookUri(),
          v.webhookUrl(),
          v.updatedAt(),
          v.updatedBy());
    }
  }
}
