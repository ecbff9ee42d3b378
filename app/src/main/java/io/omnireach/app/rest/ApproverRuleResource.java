package io.omnireach.app.rest;

import io.omnireach.app.rest.AgentDtos.ApproverRuleDto;
import io.omnireach.app.rest.AgentDtos.ApproverRules;
import io.omnireach.common.DomainException;
import io.omnireach.deal.Approvals;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The price book's approver rules: who may approve escalated terms up to which discount. */
@Path("/approver-rules")
@Tag(name = "Deals")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class ApproverRuleResource {

  private static final String EXAMPLE =
      "{\"rules\":[{\"upToDiscountPercent\":25,\"roles\":[\"Sales\"],"
          + "\"users\":[\"lee@acme.example\"]}]}";

  @Inject Approvals approvals;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.DEALS_READ)
  @Operation(
      summary = "Who may approve what",
      description =
          "Each rule: up to a discount, members with one of the roles (Admin, Sales) or the"
              + " named users may approve an escalated decision. The rule with the smallest"
              + " limit covering the discount applies; above every rule (or with no rules) only"
              + " Admins approve.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApproverRules.class),
              examples = @ExampleObject(name = "rules", value = EXAMPLE)))
  public ApproverRules get() {
    return new ApproverRules(
        approvals.rules(current.tenant()).stream().map(ApproverRuleDto::of).toList());
  }

  @PUT
  @Requires(Permission.DEALS_CONFIGURE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the approver rules (Admins)")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApproverRules.class),
              examples = @ExampleObject(name = "sales up to 25 %", value = EXAMPLE)))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApproverRules.class),
              examples = @ExampleObject(name = "rules", value = EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "An invalid rule (the field is named)",
      content =
          @Content(
              mediaType = "application/problem+json",
              examples =
                  @ExampleObject(
                      name = "role",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"roles are Admin or Sales; got 'Boss'.\","
                              + "\"field\":\"rules[0].roles\"}")))
  @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
  public ApproverRules put(ApproverRules body) {
    if (body == null || body.rules() == null) {
      throw DomainException.invalid("rules", "A JSON object with rules (a list) is required.");
    }
    if (body.rules().stream().anyMatch(r -> r == null)) {
      throw DomainException.invalid("rules", "A rule is an object.");
    }
    return new ApproverRules(
        approvals
            .replaceRules(
                current.tenant(), body.rules().stream().map(ApproverRuleDto::rule).toList())
            .stream()
            .map(ApproverRuleDto::of)
            .toList());
  }
}
