package io.omnireach.app.rest;

import io.omnireach.channel.Mailbox;
import io.omnireach.channel.MailboxDraft;
import io.omnireach.channel.MessageView;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of {@code /mailboxes} and {@code /messages} (JSON, camelCase). */
public final class ChannelDtos {

  private ChannelDtos() {}

  @Schema(name = "MailboxRequest", description = "A sending mailbox (SMTP)")
  public record MailboxRequest(
      @Schema(example = "Elena's mailbox", required = true) String name,
      @Schema(example = "smtp.example.com", required = true) String host,
      @Schema(example = "587", description = "Default 587") Integer port,
      @Schema(example = "elena@acme.example") String username,
      @Schema(description = "Stored encrypted (AES-GCM); never returned") String password,
      @Schema(
              example = "true",
              description = "Default true: STARTTLS required, or implicit TLS on port 465")
          Boolean tls,
      @Schema(example = "elena@acme.example", required = true) String fromAddress,
      @Schema(example = "Elena Marsh") String fromName,
      @Schema(example = "200", description = "Messages per UTC day; default 200")
          Integer dailyCap) {

    MailboxDraft draft() {
      return new MailboxDraft(
          name, host, port, username, password, tls, fromAddress, fromName, dailyCap);
    }
  }

  @Schema(name = "Mailbox", description = "A sending mailbox; the password is never returned")
  public record MailboxDto(
      @Schema(example = "1") long id,
      @Schema(example = "Elena's mailbox") String name,
      @Schema(example = "smtp.example.com") String host,
      @Schema(example = "587") int port,
      @Schema(example = "elena@acme.example") String username,
      @Schema(description = "Whether a password is stored") boolean hasPassword,
      @Schema(example = "true") boolean tls,
      @Schema(example = "elena@acme.example") String fromAddress,
      @Schema(example = "Elena Marsh") String fromName,
      @Schema(example = "200") int dailyCap,
      Instant createdAt) {

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
          m.createdAt());
    }
  }

  @Schema(name = "MailboxList")
  public record MailboxList(List<MailboxDto> items) {}

  @Schema(name = "MessageRequest", description = "An email to one lead; the body is plain text")
  public record MessageRequest(
      @Schema(example = "1", required = true) Long mailboxId,
      @Schema(example = "Quick question about Northwind's routing", required = true) String subject,
      @Schema(example = "Hi María,\n\nWould a 15-minute call next week work?", required = true)
          String body) {}

  @Schema(name = "MessageEvent")
  public record EventDto(
      @Schema(
              example = "SENT",
              description = "QUEUED, SENDING, SENT, FAILED, BLOCKED, UNSUBSCRIBED")
          String type,
      @Schema(description = "Reason or server reply") String detail,
      Instant at) {}

  @Schema(name = "Message", description = "An outbound message and its history")
  public record MessageDto(
      @Schema(example = "7") long id,
      @Schema(
              enumeration = {"QUEUED", "SENDING", "SENT", "BLOCKED", "FAILED"},
              example = "SENT")
          String status,
      @Schema(
              description =
                  "Why it was blocked or failed: DO_NOT_CONTACT, UNSUBSCRIBED, BOUNCED,"
                      + " COMPLAINED, CONSENT_DENIED, DAILY_CAP, LEAD_DELETED, MAILBOX_DELETED,"
                      + " SEND_FAILED",
              example = "UNSUBSCRIBED")
          String reason,
      Long leadId,
      Long mailboxId,
      String to,
      String subject,
      @Schema(description = "The server's last reply", example = "250 OK") String reply,
      Instant createdAt,
      Instant sentAt,
      List<EventDto> events) {

    static MessageDto of(MessageView m) {
      return new MessageDto(
          m.id(),
          m.status().name(),
          m.reason(),
          m.leadId(),
          m.mailboxId(),
          m.to(),
          m.subject(),
          m.reply(),
          m.createdAt(),
          m.sentAt(),
          m.events().stream().map(e -> new EventDto(e.type(), e.detail(), e.at())).toList());
    }
  }
}
