package io.omnireach.app.rest;

import io.omnireach.ai.AiCosts;
import io.omnireach.ai.AiLedger;
import io.omnireach.common.DomainException;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the caller's tenant spent on AI, in total and per workflow (Admins and Finance). */
@Path("/ai/costs")
@Tag(name = "AI settings", description = "Provider, model, API key (write-only), budget, usage")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class AiCostResource {

  static final int MAX_DAYS = 366;

  private static final String EXAMPLE =
      "{\"from\":\"2026-12-01\",\"to\":\"2026-12-06\",\"calls\":120,\"tokens\":96000,"
          + "\"costUsd\":0.0384,\"outsideWorkflowsUsd\":0.0084,\"workflows\":["
          + "{\"workflowId\":3,\"name\":\"Cold outreach\",\"calls\":80,\"tokens\":64000,"
          + "\"costUsd\":0.0256},{\"workflowId\":5,\"name\":\"Re-engage\",\"calls\":15,"
          + "\"tokens\":12000,\"costUsd\":0.0044}]}";
  private static final String INVALID_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"from must be a date YYYY-MM-DD, e.g. 2026-12-01.\",\"field\":\"from\"}";

  @Inject AiLedger ledger;
  @Inject CurrentUser current;
  @Inject Clock clock;

  /** One workflow's AI cost in the range; name is null for a workflow deleted since. */
  @Schema(name = "AiWorkflowCost")
  public record WorkflowCostDto(
      long workflowId, String name, int calls, long tokens, BigDecimal costUsd) {}

  /** The tenant's AI cost on the UTC days from..to (both included). */
  @Schema(name = "AiCosts")
  public record AiCostsDto(
      LocalDate from,
      LocalDate to,
      int calls,
      long tokens,
      BigDecimal costUsd,
      @Schema(description = "Drafts from the UI or API and reply classification")
          BigDecimal outsideWorkflowsUsd,
      List<WorkflowCostDto> workflows) {}

  @GET
  @Requires(Permission.BILLING_READ)
  @Operation(
      summary = "AI cost in total and per workflow",
      description =
          "From the AI call ledger: every provider call's tokens x the configured price"
              + " (omnireach.ai.prices) at the time of the call; cache hits cost nothing. Calls"
              + " of a workflow's AI steps count for that workflow, costliest first. Days are"
              + " UTC, both included; the default is this calendar month up to today.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AiCostsDto.class),
              examples = @ExampleObject(name = "this month", value = EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "A date that is not YYYY-MM-DD, from after to, or more than 366 days",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "bad date", value = INVALID_EXAMPLE)))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public AiCostsDto costs(
      @Parameter(description = "First UTC day, YYYY-MM-DD; default the 1st of the month of to")
          @QueryParam("from")
          String from,
      @Parameter(description = "Last UTC day, YYYY-MM-DD; default today") @QueryParam("to")
          String to) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate last = day("to", to, today);
    LocalDate first = day("from", from, last.withDayOfMonth(1));
    if (first.isAfter(last)) {
      throw DomainException.invalid("from", "from must not be after to.");
    }
    if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
      throw DomainException.invalid("from", "Ask for at most " + MAX_DAYS + " days at a time.");
    }
    AiCosts costs =
        ledger.costs(
            current.tenant(),
            first.atStartOfDay(ZoneOffset.UTC).toInstant(),
            last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    return new AiCostsDto(
        first,
        last,
        costs.calls(),
        costs.tokens(),
        costs.costUsd(),
        costs.outsideWorkflowsUsd().stripTrailingZeros(),
        costs.workflows().stream()
            .map(
                w ->
                    new WorkflowCostDto(
                        w.workflowId(), w.name(), w.calls(), w.tokens(), w.costUsd()))
            .toList());
  }

  private static LocalDate day(String field, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(field, field + " must be a date YYYY-MM-DD, e.g. 2026-12-01.");
    }
  }
}
