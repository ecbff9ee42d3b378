package io.omnireach.app.rest;

import io.omnireach.app.rest.AgentDtos.ApprovalRequest;
import io.omnireach.app.rest.AgentDtos.ReplayDto;
import io.omnireach.app.rest.AgentDtos.ReplayRequest;
import io.omnireach.app.rest.DealDtos.DecisionDto;
import io.omnireach.common.DomainException;
import io.omnireach.deal.Approvals;
import io.omnireach.deal.Autonomy;
import io.omnireach.deal.DecisionReplay;
import io.omnireach.deal.Negotiations;
import io.omnireach.deal.Playbook;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A stored negotiation decision with its trace (why the engine chose what it chose), its approval
 * by the people the approver rules name, and a replay against a changed playbook.
 */
@Path("/decisions")
@Tag(name = "Deals")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class DecisionResource {

  @Inject Negotiations negotiations;
  @Inject Approvals approvals;
  @Inject DecisionReplay replays;
  @Inject CurrentUser current;

  private static final String PROBLEM_403 =
      "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":"
          + "\"Terms with 20 % off are approved by Admin (discounts up to 25 %); you may not"
          + " approve or reject them.\"}";
  private static final String PROBLEM_409 =
      "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":"
          + "\"Decision 4 was already approved by admin@acme.example.\",\"field\":\"decision\"}";

  @GET
  @Path("/{id}")
  @Requires(Permission.DEALS_READ)
  @Operation(
      summary = "A decision's trace",
      description =
          "The message, the asks read from it, the playbook version, each rule with its outcome,"
              + " the alternatives rejected and why, the action, terms and draft, and who"
              + " approved (the person who completed the approval task).")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DecisionDto.class),
              examples =
                  @ExampleObject(
                      name = "trace",
                      value =
                          "{\"id\":4,\"dealId\":12,\"action\":\"counter\",\"terms\":"
                              + "{\"discountPercent\":5,\"termMonths\":24,\"total\":950.00},"
                              + "\"trace\":{\"message\":\"We need 40% off.\",\"ask\":"
                              + "{\"discountPercent\":40.00},\"playbookVersion\":1,\"rules\":"
                              + "[{\"rule\":\"requested discount\",\"outcome\":\"triggered\","
                              + "\"detail\":\"40 % is above the limit of 15 %.\"}],"
                              + "\"alternatives\":[{\"option\":\"Accept 40 % off\","
                              + "\"rejectedBecause\":\"above the limit of 15 % — never offered,"
                              + " whoever asks\"}],\"summary\":\"Countered with 5 % off on a"
                              + " 24-month contract.\"},\"draftGenerator\":\"offline\","
                              + "\"taskId\":null,\"approvedBy\":null,\"createdBy\":"
                              + "\"rep@acme.example\",\"createdAt\":\"2026-12-06T10:00:00Z\"}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public DecisionDto get(@Parameter(description = "Decision id") @PathParam("id") long id) {
    return DecisionDto.of(negotiations.get(current.tenant(), id));
  }

  @POST
  @Path("/{id}/approve")
  @Requires(Permission.DEALS_WRITE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Approve an escalated decision's terms",
      description =
          "Only escalations wait for approval. The approver rules (GET /api/v1/approver-rules)"
              + " say who may approve the decision's discount; anyone else gets 403. Terms"
              + " outside the price book as it is now cannot be approved (409). Records who"
              + " approved in the decision and its trace, closes the approval task and notes it"
              + " on the deal's timeline. Sends nothing: a person sends the approved terms.")
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApprovalRequest.class),
              examples =
                  @ExampleObject(name = "note", value = "{\"note\":\"OK for this quarter.\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Approved",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DecisionDto.class),
              examples =
                  @ExampleObject(
                      name = "approved",
                      value =
                          "{\"id\":4,\"dealId\":12,\"action\":\"escalate\",\"approval\":"
                              + "\"approved\",\"approvedBy\":\"admin@acme.example\","
                              + "\"decidedBy\":\"admin@acme.example\",\"approvalNote\":"
                              + "\"OK for this quarter.\"}")))
  @APIResponse(
      responseCode = "403",
      description = "The approver rules do not let you approve this discount",
      content =
          @Content(
              mediaType = "application/problem+json",
              examples = @ExampleObject(name = "not allowed", value = PROBLEM_403)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "Not an escalation, already answered, or outside the price book now",
      content =
          @Content(
              mediaType = "application/problem+json",
              examples = @ExampleObject(name = "answered", value = PROBLEM_409)))
  public DecisionDto approve(
      @Parameter(description = "Decision id") @PathParam("id") long id, ApprovalRequest body) {
    return answer(id, true, body);
  }

  @POST
  @Path("/{id}/reject")
  @Requires(Permission.DEALS_WRITE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Reject an escalated decision's terms",
      description =
          "As approve, recorded as rejected (by the same approver rules); nothing is sent.")
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApprovalRequest.class),
              examples =
                  @ExampleObject(
                      name = "note",
                      value = "{\"note\":\"Too deep for a 12-month contract.\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Rejected",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DecisionDto.class),
              examples =
                  @ExampleObject(
                      name = "rejected",
                      value =
                          "{\"id\":4,\"dealId\":12,\"action\":\"escalate\",\"approval\":"
                              + "\"rejected\",\"approvedBy\":null,\"decidedBy\":"
                              + "\"admin@acme.example\"}")))
  @APIResponse(
      responseCode = "403",
      description = "The approver rules do not let you answer this discount",
      content =
          @Content(
              mediaType = "application/problem+json",
              examples = @ExampleObject(name = "not allowed", value = PROBLEM_403)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "Not an escalation, or already answered",
      content =
          @Content(
              mediaType = "application/problem+json",
              examples = @ExampleObject(name = "answered", value = PROBLEM_409)))
  public DecisionDto reject(
      @Parameter(description = "Decision id") @PathParam("id") long id, ApprovalRequest body) {
    return answer(id, false, body);
  }

  private DecisionDto answer(long id, boolean approve, ApprovalRequest body) {
    return DecisionDto.of(
        approvals.decide(
            current.tenant(),
            id,
            approve,
            body == null ? null : body.note(),
            current.email(),
            List.copyOf(current.roles())));
  }

  @POST
  @Path("/{id}/replay")
  @Requires(Permission.DEALS_CONFIGURE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replay a decision against a changed playbook",
      description =
          "What would the engine decide now? Runs the decision's message again with the current"
              + " playbook, or with the overrides given, against the deal and price book as they"
              + " are now and the same rung of the concession ladder. Returns the new decision"
              + " with its trace and the differences from the original. Nothing is stored,"
              + " phrased or sent. Admins (managers) only.")
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReplayRequest.class),
              examples = {
                @ExampleObject(name = "current playbook", value = "{}"),
                @ExampleObject(
                    name = "bigger steps, no term first",
                    value = "{\"discountStepPercent\":10,\"termBeforeDiscount\":false}")
              }))
  @APIResponse(
      responseCode = "200",
      description = "The replayed decision and the differences",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReplayDto.class),
              examples =
                  @ExampleObject(
                      name = "replay",
                      value =
                          "{\"decisionId\":4,\"originalAction\":\"counter\",\"action\":"
                              + "\"counter\",\"terms\":{\"discountPercent\":10},\"playbook\":"
                              + "{\"autonomy\":\"SUGGEST_ONLY\",\"discountStepPercent\":10,"
                              + "\"termBeforeDiscount\":false,\"version\":1},\"changes\":"
                              + "[{\"what\":\"discountPercent\",\"before\":\"5\",\"after\":"
                              + "\"10\"},{\"what\":\"termMonths\",\"before\":\"24\","
                              + "\"after\":\"12\"}]}")))
  @APIResponse(responseCode = "400", description = "An invalid override (the field is named)")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public ReplayDto replay(
      @Parameter(description = "Decision id") @PathParam("id") long id, ReplayRequest body) {
    Autonomy autonomy = null;
    if (body != null && body.autonomy() != null) {
      try {
        autonomy = Autonomy.valueOf(body.autonomy().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid(
            "autonomy", "autonomy is SUGGEST_ONLY, AUTO_SEND or ALWAYS_ESCALATE_ABOVE.");
      }
    }
    Autonomy a = autonomy;
    return ReplayDto.of(
        replays.replay(
            current.tenant(),
            id,
            p ->
                body == null
                    ? p
                    : new Playbook(
                        a == null ? p.autonomy() : a,
                        body.escalateAbove() == null ? p.escalateAbove() : body.escalateAbove(),
                        body.discountStepPercent() == null
                            ? p.discountStepPercent()
                            : body.discountStepPercent(),
                        body.termBeforeDiscount() == null
                            ? p.termBeforeDiscount()
                            : body.termBeforeDiscount(),
                        p.version())));
  }
}
