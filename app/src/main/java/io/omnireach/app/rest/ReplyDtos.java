package io.omnireach.app.rest;

import io.omnireach.channel.inbound.PollResult;
import io.omnireach.channel.inbound.ReplyView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of {@code /replies}, {@code /mailboxes/{id}/imap} and {@code /mailboxes/{id}/poll}. */
public final class ReplyDtos {

  private ReplyDtos() {}

  @Schema(name = "ImapSettingsRequest", description = "Where to read a mailbox's replies (IMAP)")
  public record ImapRequest(
      @Schema(example = "imap.example.com", description = "Empty or null clears the settings")
          String host,
      @Schema(example = "993", description = "Default 993") Integer port,
      @Schema(example = "true", description = "Default true: implicit TLS on 993, else STARTTLS")
          Boolean tls,
      @Schema(description = "Default: the mailbox's SMTP username. The password is the mailbox's.")
          String username) {}

  @Schema(name = "PollResult", description = "What one poll read")
  public record PollDto(int fetched, int stored, int duplicates, int unmatched, int failed) {
    static PollDto of(PollResult r) {
      return new PollDto(r.fetched(), r.stored(), r.duplicates(), r.unmatched(), r.failed());
    }
  }

  @Schema(name = "Reply", description = "A received reply matched to one of our messages")
  public record ReplyDto(
      long id,
      Long messageId,
      Long leadId,
      String leadName,
      String from,
      String subject,
      String body,
      Instant receivedAt,
      @Schema(
              enumeration = {
                "INTERESTED",
                "NOT_INTERESTED",
                "OUT_OF_OFFICE",
                "UNSUBSCRIBE",
                "WRONG_PERSON",
                "BOUNCE",
                "OTHER"
              })
          String classification,
      @Schema(description = "Return date of an out-of-office reply, when stated")
          LocalDate oooUntil,
      @Schema(
              description =
                  "Who classified: \"offline\" (rules and lexicon) or the provider/model of the"
                      + " tenant's LLM",
              example = "openrouter/openai/gpt-4o-mini")
          String classifier,
      @Schema(
              description = "The model's certainty from 0 to 1; null for the offline rules",
              example = "0.93")
          BigDecimal confidence,
      @Schema(enumeration = {"positive", "neutral", "negative"}) String sentiment,
      @Schema(
              description = "One sentence: why this class (for bounces: status and how matched)",
              example = "Asks for a call on Thursday.")
          String rationale,
      @Schema(
              description =
                  "Why the offline rules decided although an LLM is configured (timeout,"
                      + " provider error, malformed answer, spent budget); null otherwise",
              example = "openrouter/openai/gpt-4o-mini: PROVIDER_ERROR")
          String classifierFallback) {
    static ReplyDto of(ReplyView r) {
      return new ReplyDto(
          r.id(),
          r.messageId(),
          r.leadId(),
          r.leadName(),
          r.from(),
          r.subject(),
          r.body(),
          r.receivedAt(),
          r.classification().name(),
          r.oooUntil(),
          r.classifier(),
          r.confidence(),
          r.sentiment(),
          r.rationale(),
          r.classifierFallback());
    }
  }

  @Schema(name = "ReplyPage")
  public record ReplyPage(
      List<ReplyDto> items,
      @Schema(description = "Pass as cursor for the next page; null at the end")
          String nextCursor) {}
}
