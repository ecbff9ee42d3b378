package io.omnireach.app.rest;

import io.omnireach.app.rest.AnalyticsDtos.EmailAnalyticsDto;
import io.omnireach.channel.analytics.EmailAnalytics;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Email analytics of the caller's tenant (the tenant comes from the token, never a parameter). */
@Path("/analytics")
@Tag(name = "Analytics", description = "Sent, delivered, opened, clicked, replied, bounced")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
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

  @Inject EmailAnalytics analytics;
  @Inject CurrentUser current;

  @GET
  @Path("/email")
  @RolesAllowed({"Admin", "Sales", "Viewer"})
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
}
