package io.omnireach.app.rest;

import io.omnireach.app.rest.IntegrationDtos.DeliveryDto;
import io.omnireach.app.rest.IntegrationDtos.EventDto;
import io.omnireach.app.rest.IntegrationDtos.WebhookDto;
import io.omnireach.app.rest.IntegrationDtos.WebhookRequest;
import io.omnireach.common.DomainException;
import io.omnireach.integration.Deliveries;
import io.omnireach.integration.WebhookEvent;
import io.omnireach.integration.Webhooks;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Outbound webhooks and the delivery log (webhook events and workflow HTTP actions). Admins only:
 * an endpoint receives lead data.
 */
@Path("/")
@Tag(
    name = "Integrations",
    description = "Outbound webhooks, their delivery log, HTTP actions, retargeting audiences")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
@Requires(Permission.INTEGRATIONS_MANAGE)
public class WebhookResource {

  static final String WEBHOOK_EXAMPLE =
      "{\"id\":3,\"url\":\"https://hooks.example.com/omnireach\",\"description\":\"CRM sync\","
          + "\"events\":[\"lead.created\",\"reply.received\"],\"active\":true,"
          + "\"createdAt\":\"2026-12-01T10:00:00Z\",\"createdBy\":\"admin@acme.example\","
          + "\"delivered24h\":41,\"failed24h\":0,\"pending\":1}";
  static final String CREATED_EXAMPLE =
      "{\"id\":3,\"url\":\"https://hooks.example.com/omnireach\",\"description\":\"CRM sync\","
          + "\"events\":[\"lead.created\",\"reply.received\"],\"active\":true,"
          + "\"createdAt\":\"2026-12-01T10:00:00Z\",\"createdBy\":\"admin@acme.example\","
          + "\"delivered24h\":0,\"failed24h\":0,\"pending\":0,"
          + "\"secret\":\"whsec_3q2-Xr5mV0mQy0V7mN6b7cWcQ0b2d8Jp1tK9sLq4wEo\"}";
  static final String DELIVERY_EXAMPLE =
      "{\"id\":812,\"webhookId\":3,\"event\":\"lead.created\",\"method\":\"POST\","
          + "\"url\":\"https://hooks.example.com/omnireach\",\"status\":\"delivered\","
          + "\"attempts\":1,\"responseStatus\":200,\"responseBody\":\"ok\",\"durationMs\":84,"
          + "\"createdAt\":\"2026-12-01T10:00:00Z\",\"deliveredAt\":\"2026-12-01T10:00:01Z\","
          + "\"body\":\"{\\\"id\\\":\\\"evt_6970cc9a\\\",\\\"type\\\":\\\"lead.created\\\","
          + "\\\"createdAt\\\":\\\"2026-12-01T10:00:00.000Z\\\",\\\"data\\\":{\\\"lead\\\":"
          + "{\\\"id\\\":42,\\\"email\\\":\\\"ann@example.com\\\"}}}\"}";
  private static final String BAD_URL =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"The URL must start with https://.\",\"field\":\"url\"}";

  @Inject Webhooks webhooks;
  @Inject Deliveries deliveries;
  @Inject io.omnireach.marketplace.Marketplace marketplace;
  @Inject CurrentUser current;

  @GET
  @Path("webhooks")
  @Operation(summary = "List webhooks", description = "Secrets are never listed.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookDto.class, type = SchemaType.ARRAY),
              examples = @ExampleObject(name = "one", value = "[" + WEBHOOK_EXAMPLE + "]")))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public List<WebhookDto> list() {
    return webhooks.list(current.tenant()).stream().map(WebhookDto::of).toList();
  }

  @GET
  @Path("webhooks/events")
  @Operation(summary = "The events a webhook can subscribe to")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "events",
                      value =
                          "[{\"code\":\"lead.created\",\"description\":\"A lead was added (by"
                              + " hand, API or import)\"}]")))
  public List<EventDto> events() {
    return Arrays.stream(WebhookEvent.values())
        .filter(e -> e != WebhookEvent.PING)
        .map(e -> new EventDto(e.code(), e.description()))
        .toList();
  }

  @POST
  @Path("webhooks")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a webhook",
      description =
          "Events are POSTed as JSON {id, type, createdAt, data} with headers X-OmniReach-Event,"
              + " X-OmniReach-Delivery (the log id: drop repeats) and X-OmniReach-Signature:"
              + " t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\" under the secret>. The secret"
              + " is in this answer only. The URL must be https and may not point to a private"
              + " address. Failed deliveries are retried (429, 5xx, timeouts: up to 8 attempts"
              + " over about a day; other 4xx: never).")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookRequest.class),
              examples =
                  @ExampleObject(
                      name = "crm",
                      value =
                          "{\"url\":\"https://hooks.example.com/omnireach\",\"description\":\"CRM"
                              + " sync\",\"events\":[\"lead.created\",\"reply.received\"]}")))
  @APIResponse(
      responseCode = "201",
      description = "Created, with the signing secret",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookDto.class),
              examples = @ExampleObject(name = "created", value = CREATED_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid field (named in field)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "url", value = BAD_URL)))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public Response create(WebhookRequest body) {
    if (body == null) {
      throw DomainException.invalid(null, "Send the webhook as a JSON object.");
    }
    Webhooks.WithSecret created = webhooks.create(current.tenant(), body.draft(), current.email());
    return Response.created(URI.create("webhooks/" + created.webhook().id()))
        .entity(WebhookDto.of(created.webhook(), created.secret()))
        .build();
  }

  @GET
  @Path("webhooks/{id}")
  @Operation(summary = "Read a webhook")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookDto.class),
              examples = @ExampleObject(name = "webhook", value = WEBHOOK_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public WebhookDto get(@PathParam("id") long id) {
    return WebhookDto.of(webhooks.get(current.tenant(), id));
  }

  @PATCH
  @Path("webhooks/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a webhook", description = "Fields left out stay as they are.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookRequest.class),
              examples = @ExampleObject(name = "pause", value = "{\"active\":false}")))
  @APIResponse(
      responseCode = "200",
      description = "Changed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookDto.class),
              examples = @ExampleObject(name = "webhook", value = WEBHOOK_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid field",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "url", value = BAD_URL)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public WebhookDto update(@PathParam("id") long id, WebhookRequest body) {
    if (body == null) {
      throw DomainException.invalid(null, "Send the changes as a JSON object.");
    }
    return WebhookDto.of(webhooks.update(current.tenant(), id, body.draft(), current.email()));
  }

  @DELETE
  @Path("webhooks/{id}")
  @Operation(summary = "Delete a webhook", description = "Its queued deliveries go with it.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response delete(@PathParam("id") long id) {
    webhooks.delete(current.tenant(), id, current.email());
    return Response.noContent().build();
  }

  @GET
  @Path("webhooks/{id}/export")
  @Operation(
      summary = "Export a webhook as an integration block",
      description =
          "A block file (format omnireach-block/1, kind integration) whose content is"
              + " {\"webhooks\":[{\"url\",\"description\",\"events\"}]} — the configuration,"
              + " never the secret; signed with the workspace's Ed25519 publisher key.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "integration",
                      value =
                          "{\"format\":\"omnireach-block/1\",\"manifest\":{\"id\":"
                              + "\"acme.webhook-3\",\"kind\":\"integration\",\"name\":"
                              + "\"CRM sync\",\"version\":\"1.0.0\"},\"content\":"
                              + "{\"webhooks\":[{\"url\":\"https://hooks.example.com/omnireach\","
                              + "\"events\":[\"lead.created\"]}]},\"hash\":\"sha256:…\","
                              + "\"signature\":{\"algorithm\":\"Ed25519\",\"publicKey\":"
                              + "\"MCow…\",\"value\":\"…\"}}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response export(
      @PathParam("id") long id,
      @Parameter(description = "The block's version (semver); default 1.0.0", example = "1.0.0")
          @QueryParam("version")
          String version) {
    io.omnireach.block.Block block =
        marketplace.export(current.tenant(), io.omnireach.block.BlockKind.INTEGRATION, id, version);
    return Response.ok(io.omnireach.block.Blocks.write(block), MediaType.APPLICATION_JSON)
        .header("Content-Disposition", "attachment; filename=\"webhook-" + id + ".json\"")
        .build();
  }

  @POST
  @Path("webhooks/{id}/rotate-secret")
  @Operation(
      summary = "Rotate a webhook's secret",
      description = "The old secret stops working at once; the new one is in this answer only.")
  @APIResponse(
      responseCode = "200",
      description = "Rotated",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookDto.class),
              examples = @ExampleObject(name = "rotated", value = CREATED_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public WebhookDto rotate(@PathParam("id") long id) {
    Webhooks.WithSecret rotated = webhooks.rotateSecret(current.tenant(), id, current.email());
    return WebhookDto.of(rotated.webhook(), rotated.secret());
  }

  @POST
  @Path("webhooks/{id}/test")
  @Operation(
      summary = "Send a test event",
      description = "Queues a ping event to the webhook; its outcome shows in the delivery log.")
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "queued", value = "{\"deliveryId\":813}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response test(@PathParam("id") long id) {
    long delivery = webhooks.ping(current.tenant(), id, current.email());
    return Response.accepted(Map.of("deliveryId", delivery)).build();
  }

  @GET
  @Path("webhook-deliveries")
  @Operation(
      summary = "The delivery log",
      description =
          "Webhook events and workflow HTTP actions, newest first; filter by webhook, run or"
              + " status (pending, sending, delivered, failed).")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeliveryDto.class, type = SchemaType.ARRAY),
              examples = @ExampleObject(name = "one", value = "[" + DELIVERY_EXAMPLE + "]")))
  @APIResponse(
      responseCode = "400",
      description = "Unknown status",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "status",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"status must be pending, sending, delivered or"
                              + " failed.\",\"field\":\"status\"}")))
  public List<DeliveryDto> deliveries(
      @Parameter(description = "Only this webhook's") @QueryParam("webhookId") Long webhookId,
      @Parameter(description = "Only this workflow run's HTTP actions") @QueryParam("runId")
          Long runId,
      @Parameter(description = "pending, sending, delivered or failed") @QueryParam("status")
          String status,
      @Parameter(description = "At most this many (1–500, default 100)") @QueryParam("limit")
          Integer limit) {
    Deliveries.Status s = null;
    if (status != null && !status.isBlank()) {
      try {
        s = Deliveries.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid(
            "status", "status must be pending, sending, delivered or failed.");
      }
    }
    return deliveries
        .list(current.tenant(), webhookId, runId, s, limit == null ? 100 : limit)
        .stream()
        .map(DeliveryDto::of)
        .toList();
  }

  @GET
  @Path("webhook-deliveries/{id}")
  @Operation(summary = "One delivery with its request body and the receiver's answer")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeliveryDto.class),
              examples = @ExampleObject(name = "delivered", value = DELIVERY_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public DeliveryDto delivery(@PathParam("id") long id) {
    return DeliveryDto.of(deliveries.get(current.tenant(), id));
  }

  @POST
  @Path("webhook-deliveries/{id}/redeliver")
  @Operation(
      summary = "Send a delivery again",
      description =
          "For a delivered or failed row (e.g. after fixing the receiver): queued again with a"
              + " new attempt budget. 409 while it is still queued.")
  @APIResponse(
      responseCode = "200",
      description = "Queued again",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeliveryDto.class),
              examples = @ExampleObject(name = "queued", value = DELIVERY_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "Still queued",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "queued",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                              + "\"detail\":\"Delivery 813 is already queued.\","
                              + "\"field\":\"status\"}")))
  public DeliveryDto redeliver(@PathParam("id") long id) {
    return DeliveryDto.of(deliveries.redeliver(current.tenant(), id, current.email()));
  }

  @GET
  @Path("integrations/http-action-secret")
  @Operation(
      summary = "The secret HTTP actions are signed with",
      description =
          "Workflow HTTP actions carry X-OmniReach-Signature like webhooks, under this tenant-wide"
              + " secret (made on first use).")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "secret", value = "{\"secret\":\"whsec_8f1Qm2…\"}")))
  public Map<String, String> httpActionSecret() {
    return Map.of("secret", deliveries.httpActionSecret(current.tenant()));
  }
}
