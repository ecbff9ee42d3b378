package io.omnireach.app.rest;

import io.omnireach.policy.Policy;
import io.omnireach.policy.PolicyRules;
import io.omnireach.policy.PolicyVersion;
import io.omnireach.policy.Verdict;
import io.omnireach.policy.Violation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of {@code /policies} and of the 422 a message that breaks a policy gets. */
public final class PolicyDtos {

  private PolicyDtos() {}

  @Schema(name = "Policy", description = "One compliance rule of the tenant")
  public record PolicyDto(
      @Schema(example = "7") long id,
      @Schema(example = "Discounts up to 15%") String name,
      @Schema(
              enumeration = {
                "max_discount",
                "forbidden_phrase",
                "required_text",
                "channel_consent",
                "contact_frequency",
                "send_hours",
                "competitor_mention",
                "other_personal_data"
              },
              example = "max_discount")
          String kind,
      @Schema(
              enumeration = {"block", "warn", "log"},
              example = "block")
          String severity,
      @Schema(
              description =
                  "The kind's parameters (percent, phrases, patterns, text, countries,"
                      + " channels, maxPerWeek, from, to, allowed)",
              example = "{\"percent\":15}")
          Map<String, Object> rule,
      @Schema(example = "Never offer more than 15% off the list price.") String explanation,
      @Schema(example = "true") boolean enabled,
      @Schema(example = "2") int version,
      Instant updatedAt,
      @Schema(example = "admin@acme.example") String updatedBy) {

    static PolicyDto of(Policy p) {
      return new PolicyDto(
          p.id(),
          p.name(),
          p.kind().wire(),
          p.severity().wire(),
          PolicyRules.params(p.kind(), p.rule()),
          p.explanation(),
          p.enabled(),
          p.version(),
          p.updatedAt(),
          p.updatedBy());
    }
  }

  @Schema(name = "PolicyList")
  public record PolicyList(List<PolicyDto> items) {}

  @Schema(name = "PolicyVersion", description = "The policy as it was after one change")
  public record VersionDto(
      @Schema(example = "2") int version,
      @Schema(
              enumeration = {"created", "updated", "deleted"},
              example = "updated")
          String change,
      @Schema(example = "Discounts up to 15%") String name,
      @Schema(example = "max_discount") String kind,
      @Schema(example = "block") String severity,
      @Schema(example = "{\"percent\":15}") String rule,
      @Schema(example = "Never offer more than 15% off the list price.") String explanation,
      boolean enabled,
      @Schema(example = "admin@acme.example") String changedBy,
      Instant changedAt) {

    static VersionDto of(PolicyVersion v) {
      return new VersionDto(
          v.version(),
          v.change(),
          v.name(),
          v.kind().wire(),
          v.severity().wire(),
          v.ruleJson(),
          v.explanation(),
          v.enabled(),
          v.changedBy(),
          v.changedAt());
    }
  }

  @Schema(name = "PolicyVersionList")
  public record VersionList(List<VersionDto> items) {}

  @Schema(name = "PolicySettings")
  public record SettingsDto(
      @Schema(
              example = "true",
              description =
                  "The AI model also reviews checked and hand-sent texts; it can only add"
                      + " warnings")
          Boolean llmCheck) {}

  @Schema(name = "PolicyCheckRequest", description = "A text to check as if it were sent")
  public record CheckRequest(
      @Schema(
              enumeration = {"email", "sms", "voice"},
              example = "email")
          String channel,
      @Schema(example = "A little something for you") String subject,
      @Schema(example = "We guarantee 20% off your first year.", required = true) String body,
      @Schema(
              example = "101",
              description =
                  "Check against this lead (consent, contact frequency, country, send"
                      + " hours in the lead's zone, the lead's own email and phone)")
          Long leadId) {}

  @Schema(name = "PolicyViolation")
  public record ViolationDto(
      @Schema(example = "7") long policyId,
      @Schema(example = "Discounts up to 15%") String policyName,
      @Schema(example = "max_discount") String kind,
      @Schema(
              enumeration = {"block", "warn", "log"},
              example = "block")
          String severity,
      @Schema(example = "Never offer more than 15% off the list price.") String explanation,
      @Schema(example = "20% off") String excerpt,
      @Schema(
              enumeration = {"subject", "body"},
              description = "Where the excerpt is; null for a rule about something missing")
          String field,
      @Schema(example = "27", description = "Offset of the excerpt in field (-1 if none)")
          int start,
      @Schema(example = "34") int end) {

    static ViolationDto of(Violation v) {
      return new ViolationDto(
          v.policyId(),
          v.policyName(),
          v.kind().wire(),
          v.severity().wire(),
          v.explanation(),
          v.excerpt(),
          v.field(),
          v.start(),
          v.end());
    }
  }

  @Schema(name = "PolicyVerdict")
  public record VerdictDto(
      @Schema(
              enumeration = {"allow", "warn", "block"},
              example = "block")
          String verdict,
      List<ViolationDto> violations) {

    static VerdictDto of(Verdict v) {
      return new VerdictDto(
          v.outcome().wire(), v.violations().stream().map(ViolationDto::of).toList());
    }
  }

  /** A problem+json 422 that also lists the violations (and the verdict). */
  @Schema(name = "PolicyProblem")
  public record PolicyProblem(
      String type,
      String title,
      int status,
      String detail,
      String field,
      @Schema(enumeration = {"warn", "block"}) String verdict,
      List<ViolationDto> violations) {

    static Response of(Verdict v) {
      String detail =
          v.outcome() == Verdict.Outcome.BLOCK
              ? "The message breaks a blocking policy: " + v.reason().substring(8) + "."
              : "The message has policy warnings; send again with \"confirmWarnings\":true to"
                  + " send it anyway.";
      List<Violation> shown =
          v.violations().stream()
              .filter(x -> x.severity() != io.omnireach.policy.Severity.LOG)
              .toList();
      return Response.status(422)
          .type(MediaType.valueOf(Problem.MEDIA_TYPE))
          .entity(
              new PolicyProblem(
                  "about:blank",
                  "Unprocessable Content",
                  422,
                  detail,
                  "body",
                  v.outcome().wire(),
                  shown.stream().map(ViolationDto::of).toList()))
          .build();
    }
  }
}
