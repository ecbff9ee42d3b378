package io.omnireach.app.rest;

import io.omnireach.integration.Audiences;
import io.omnireach.integration.Deliveries;
import io.omnireach.integration.WebhookEvent;
import io.omnireach.integration.Webhooks;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON shapes of webhooks, their delivery log and retargeting audiences. */
final class IntegrationDtos {

  private IntegrationDtos() {}

  public record WebhookRequest(
      @Schema(example = "https://hooks.example.com/omnireach") String url,
      @Schema(example = "CRM sync") String description,
      @Schema(example = "[\"lead.created\", \"reply.received\"]") List<String> events,
      @Schema(description = "Null keeps the current state (true for a new webhook)")
          Boolean active) {

    Webhooks.Draft draft() {
      return new Webhooks.Draft(url, description, events, active);
    }
  }

  public record WebhookDto(
      long id,
      String url,
      String description,
      List<String> events,
      boolean active,
      Instant createdAt,
      String createdBy,
      @Schema(description = "Delivered in the last 24 hours") int delivered24h,
      @Schema(description = "Failed for good in the last 24 hours") int failed24h,
      @Schema(description = "Queued or being sent") int pending,
      @Schema(description = "Only in the answer to create and rotate-secret: keep it now")
          String secret) {

    static WebhookDto of(Webhooks.Webhook w) {
      return of(w, null);
    }

    static WebhookDto of(Webhooks.Webhook w, String secret) {
      return new WebhookDto(
          w.id(),
          w.url(),
          w.description(),
          w.events().stream().map(WebhookEvent::code).toList(),
          w.active(),
          w.createdAt(),
          w.createdBy(),
          w.delivered24h(),
          w.failed24h(),
          w.pending(),
          secret);
    }
  }

  public record EventDto(String code, String description) {}

  public record DeliveryDto(
      long id,
      Long webhookId,
      Long runId,
      String nodeId,
      @Schema(example = "lead.created") String event,
      String method,
      String url,
      @Schema(example = "delivered") String status,
      int attempts,
      Instant nextAttemptAt,
      Integer responseStatus,
      String responseBody,
      String error,
      Integer durationMs,
      Instant createdAt,
      Instant deliveredAt,
      @Schema(description = "The signed request body") String body) {

    static DeliveryDto of(Deliveries.Delivery d) {
      return new DeliveryDto(
          d.id(),
          d.webhookId(),
          d.runId(),
          d.nodeId(),
          d.event(),
          d.method(),
          d.url(),
          d.status().code(),
          d.attempts(),
          d.status() == Deliveries.Status.PENDING ? d.nextAttemptAt() : null,
          d.responseStatus(),
          d.responseBody(),
          d.error(),
          d.durationMs(),
          d.createdAt(),
          d.deliveredAt(),
          d.body());
    }
  }

  public record AudienceRequest(
      @Schema(example = "Trial nurture — retarget") String name,
      @Schema(example = "12") Long workflowId,
      @Schema(
              example = "enrolled",
              enumeration = {"enrolled", "active", "completed"})
          String segment,
      @Schema(example = "meta") String adapter,
      @Schema(example = "23851234567890123", description = "The platform's audience id")
          String externalAudienceId,
      @Schema(description = "The platform's access token; blank on update keeps the stored one")
          String accessToken,
      @Schema(
              example = "active",
              enumeration = {"active", "paused"})
          String status) {

    Audiences.Draft draft() {
      return new Audiences.Draft(
          name, workflowId, segment, adapter, externalAudienceId, accessToken, status);
    }
  }

  public record SyncDto(
      long id,
      Instant startedAt,
      Instant finishedAt,
      @Schema(example = "succeeded") String status,
      int added,
      int removed,
      @Schema(description = "Leads of the segment without advertising consent (not sent)")
          int skippedNoConsent,
      String error,
      String triggeredBy) {

    static SyncDto of(Audiences.Sync s) {
      return s == null
          ? null
          : new SyncDto(
              s.id(),
              s.startedAt(),
              s.finishedAt(),
              s.status().name().toLowerCase(),
              s.added(),
              s.removed(),
              s.skippedNoConsent(),
              s.error(),
              s.triggeredBy());
    }
  }

  public record AudienceDto(
      long id,
      String name,
      long workflowId,
      String workflowName,
      String segment,
      String adapter,
      String adapterLabel,
      String externalAudienceId,
      @Schema(description = "The token's last four characters") String tokenLast4,
      String status,
      Instant lastSyncAt,
      @Schema(description = "Leads in the platform's audience now") int members,
      SyncDto lastSync) {

    static AudienceDto of(Audiences.Audience a) {
      return new AudienceDto(
          a.id(),
          a.name(),
          a.workflowId(),
          a.workflowName(),
          a.segment().code(),
          a.adapter(),
          a.adapterLabel(),
          a.externalAudienceId(),
          a.tokenLast4(),
          a.status().name().toLowerCase(),
          a.lastSyncAt(),
          a.members(),
          SyncDto.of(a.lastSync()));
    }
  }
}
