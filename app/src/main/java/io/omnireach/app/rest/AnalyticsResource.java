package io.omnireach.app.rest;

import io.omnireach.app.rest.AnalyticsDtos.ChannelAnalyticsDto;
import io.omnireach.app.rest.AnalyticsDtos.EmailAnalyticsDto;
import io.omnireach.channel.analytics.ChannelAnalytics;
import io.omnireach.channel.analytics.EmailAnalytics;
import io.omnireach.common.DomainException;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Email and channel analytics of the caller's tenant (the tenant comes from the token, never a
 * parameter).
 */
@Path("/analytics")
@Tag(
    name = "Analytics",
    description = "Sent, delivered, opened, clicked, replied, bounced; per channel and step")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class AnalyticsResource {

  static final String EXAMPLE =
      "{\"from\":\"2026-05-02\",\"to\":\"2026-05-04\",\"days\":3,\"meetings\":2,"
          + "\"totals\":{\"sent\":4,\"delivered\":3,\"opened\":2,\"clicked\":1,\"replied\":1,"
          + "\"bounced\":1,\"unsubscribed\":0,\"deliveryRate\":0.75,\"openRate\":0.6667,"
          + "\"clickRate\":0.3333,\"replyRate\":0.3333,\"bounceRate\":0.25,"
          + "\"unsubscribeRate\":0.0},\"proxyOpens\":1,"
          + "\"daily\":[{\"day\":\"2026-05-02\",\"counts\":{\"sent\":0,\"…\":0}},"
          + "{\"day\":\"2026-05-03\",\"counts\":{\"sent\":4,\"…\":0}},"
          + "{\"day\":\"2026-05-04\",\"counts\":{\"sent\":0,\"…\":0}}],"
          + "\"mailboxes\":[{\"id\":1,\"name\":\"Sales\",\"counts\":{\"sent\":4,\"…\":0}}],"
          + "\"personas\":[{\"id\":null,\"name\":\"No persona\",\"counts\":{\"sent\":4,\"…\":0}}]}";

  static final String CHANNELS_EXAMPLE =
      "{\"from\":\"2026-05-01\",\"to\":\"2026-05-07\",\"workflowId\":null,\"channels\":["
          + "{\"channel\":\"email\",\"counts\":{\"sent\":40,\"delivered\":38,\"replied\":4,"
          + "\"booked\":1}},"
          + "{\"channel\":\"sms\",\"counts\":{\"sent\":12,\"delivered\":11,\"replied\":2,"
          + "\"booked\":1}},"
          + "{\"channel\":\"linkedin\",\"counts\":{\"sent\":9,\"delivered\":5,\"replied\":1,"
          + "\"booked\":0}},"
          + "{\"channel\":\"call\",\"counts\":{\"sent\":6,\"delivered\":4,\"replied\":3,"
          + "\"booked\":1}}],"
          + "\"steps\":[{\"workflowId\":4,\"workflowName\":\"Outbound Q3\",\"nodeId\":\"email1\","
          + "\"nodeType\":\"send_email\",\"channel\":\"email\",\"counts\":{\"sent\":30,"
          + "\"delivered\":29,\"replied\":3,\"booked\":1}},"
          + "{\"workflowId\":4,\"workflowName\":\"Outbound Q3\",\"nodeId\":\"sms1\","
          + "\"nodeType\":\"send_sms\",\"channel\":\"sms\",\"counts\":{\"sent\":12,"
          + "\"delivered\":11,\"replied\":2,\"booked\":1}}]}";

  @Inject EmailAnalytics analytics;
  @Inject ChannelAnalytics channels;
  @Inject CurrentUser current;

  @GET
  @Path("/email")
  @Requires(Permission.ANALYTICS_READ)
  @Operation(
      summary = "Email totals, rates, daily series, per mailbox and per persona",
      description =
          "Messages sent in the last `days` UTC days (today included). Opens fetched by privacy"
              + " proxies or scanners (known user agents, or within 10 s of the send) are"
              + " counted in proxyOpens and left out of opened and openRate.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EmailAnalyticsDto.class),
              examples = @ExampleObject(name = "three days", value = EXAMPLE)))
  @APIResponse(responseCode = "400", description = "days outside 1..366")
  public EmailAnalyticsDto email(
      @Parameter(description = "Days back, 1..366", example = "30")
          @QueryParam("days")
          @DefaultValue("30")
          int days) {
    return EmailAnalyticsDto.of(analytics.lastDays(current.tenant(), days));
  }

  @GET
  @Path("/channels")
  @Requires(Permission.ANALYTICS_READ)
  @Operation(
      summary = "Sent, delivered, replied and booked per channel and per workflow step",
      description =
          "Touches of leads on the UTC days from..to (both included; default the last 30 days):"
              + " emails and SMS sent, LinkedIn and Call tasks the rep completed with an outcome"
              + " (skipped is not a touch). LinkedIn and call counts come from those outcomes."
              + " booked counts each lead now in the meeting stage or beyond once, for the"
              + " channel and step of its last touch in the range (the current stage: there is"
              + " no stage history). With workflowId only that workflow's steps count.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ChannelAnalyticsDto.class),
              examples = @ExampleObject(name = "a week", value = CHANNELS_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "A date that is not YYYY-MM-DD, from after to, or more than 366 days")
  @APIResponse(responseCode = "404", description = "No such workflow in this tenant")
  public ChannelAnalyticsDto channels(
      @Parameter(description = "First UTC day, YYYY-MM-DD; default 29 days before to")
          @QueryParam("from")
          String from,
      @Parameter(description = "Last UTC day, YYYY-MM-DD; default today") @QueryParam("to")
          String to,
      @Parameter(description = "Only this workflow's steps") @QueryParam("workflowId")
          String workflowId) {
    return ChannelAnalyticsDto.of(
        channels.between(
            current.tenant(),
            day("from", from),
            day("to", to),
            QueryParams.id("workflowId", "a workflow's", workflowId)));
  }

  private static LocalDate day(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(field, field + " must be a date YYYY-MM-DD, e.g. 2026-05-01.");
    }
  }
}
