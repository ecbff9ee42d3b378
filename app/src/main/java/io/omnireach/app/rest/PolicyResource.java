package io.omnireach.app.rest;

import io.omnireach.app.rest.PolicyDtos.CheckRequest;
import io.omnireach.app.rest.PolicyDtos.PolicyDto;
import io.omnireach.app.rest.PolicyDtos.PolicyList;
import io.omnireach.app.rest.PolicyDtos.VerdictDto;
import io.omnireach.app.rest.PolicyDtos.VersionDto;
import io.omnireach.app.rest.PolicyDtos.VersionList;
import io.omnireach.common.DomainException;
import io.omnireach.policy.OutboundText;
import io.omnireach.policy.Policies;
import io.omnireach.policy.PolicyReview;
import io.omnireach.policy.PolicyRules;
import io.omnireach.tenant.TenantRef;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
 * The tenant's policies: everyone reads and checks texts, admins write. Every outbound message is
 * checked against them right before it is sent; one sent by hand also before it is queued.
 */
@Path("/policies")
@Tag(
    name = "Policies",
    description =
        "Compliance rules checked on every outbound message: block never sends, warn needs a"
            + " confirmation, log records")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class PolicyResource {

  static final String POLICY_EXAMPLE =
      "{\"id\":7,\"name\":\"Discounts up to 15%\",\"kind\":\"max_discount\","
          + "\"severity\":\"block\",\"rule\":{\"percent\":15},"
          + "\"explanation\":\"Never offer more than 15% off the list price.\",\"enabled\":true,"
          + "\"version\":1,\"updatedAt\":\"2026-12-06T10:00:00Z\","
          + "\"updatedBy\":\"admin@acme.example\"}";
  private static final String INVALID_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"percent must be a whole number from 0 to 100.\",\"field\":\"percent\"}";
  static final String VERDICT_EXAMPLE =
      "{\"verdict\":\"block\",\"violations\":[{\"policyId\":7,\"policyName\":\"Discounts up to"
          + " 15%\",\"kind\":\"max_discount\",\"severity\":\"block\",\"explanation\":\"Never"
          + " offer more than 15% off the list price.\",\"excerpt\":\"20% off\",\"field\":"
          + "\"body\",\"start\":13,\"end\":20}]}";

  static final String SETTINGS_EXAMPLE = "{\"llmCheck\":true}";

  @Inject Policies policies;
  @Inject io.omnireach.marketplace.Marketplace marketplace;
  @Inject PolicyReview review;
  @Inject CurrentUser current;
  @Inject Clock clock;

  @GET
  @Requires(Permission.POLICIES_READ)
  @Operation(summary = "List the tenant's policies", description = "All of them, oldest first.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PolicyList.class),
              examples =
                  @ExampleObject(
                      name = "policies",
                      value = "{\"items\":[" + POLICY_EXAMPLE + "]}")))
  public PolicyList list() {
    return new PolicyList(policies.list(current.tenant()).stream().map(PolicyDto::of).toList());
  }

  @GET
  @Path("/export")
  @Requires(Permission.POLICIES_READ)
  @Operation(
      summary = "Export the policy set as a signed block",
      description =
          "A block file (format omnireach-block/1, kind policy_set, id <workspace>.policy-set)"
              + " whose content is {\"policies\":[…]}, each entry in the body POST /policies"
              + " takes; signed with the workspace's Ed25519 publisher key. 422 when the"
              + " workspace has no policies.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "policy set",
                      value =
                          "{\"format\":\"omnireach-block/1\",\"manifest\":{\"id\":"
                              + "\"acme.policy-set\",\"kind\":\"policy_set\",\"name\":"
                              + "\"Policy set\",\"version\":\"1.0.0\"},\"content\":"
                              + "{\"policies\":[{\"name\":\"Discounts up to 15%\",\"kind\":"
                              + "\"max_discount\",\"severity\":\"block\",\"explanation\":"
                              + "\"Never offer more than 15% off.\",\"enabled\":true,"
                              + "\"percent\":15}]},\"hash\":\"sha256:…\",\"signature\":"
                              + "{\"algorithm\":\"Ed25519\",\"publicKey\":\"MCow…\","
                              + "\"value\":\"…\"}}")))
  @APIResponse(responseCode = "422", description = "No policies to export")
  public Response export(
      @Parameter(description = "The block's version (semver); default 1.0.0", example = "1.0.0")
          @jakarta.ws.rs.QueryParam("version")
          String version) {
    io.omnireach.block.Block block =
        marketplace.export(current.tenant(), io.omnireach.block.BlockKind.POLICY_SET, 0, version);
    return Response.ok(io.omnireach.block.Blocks.write(block), MediaType.APPLICATION_JSON)
        .header("Content-Disposition", "attachment; filename=\"policy-set.json\"")
        .build();
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.POLICIES_READ)
  @Operation(summary = "Read a policy")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PolicyDto.class),
              examples = @ExampleObject(name = "policy", value = POLICY_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public PolicyDto get(@Parameter(description = "Policy id") @PathParam("id") long id) {
    return PolicyDto.of(policies.get(current.tenant(), id));
  }

  @POST
  @Requires(Permission.POLICIES_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a policy",
      description =
          "kind and its parameters: max_discount {percent 0–100} (finds \"20% off\", \"twenty"
              + " percent discount\", \"a fifth off list\", \"half price\", \"$200 off $1,000\"…);"
              + " forbidden_phrase {phrases, patterns (regular expressions)}; required_text {text,"
              + " countries?, channels?}; channel_consent {channels?}; contact_frequency"
              + " {maxPerWeek}; send_hours {from, to} (the lead's local time); competitor_mention"
              + " {names}; other_personal_data {allowed?: the sender's addresses, domains,"
              + " numbers}. Texts are compared case- and accent-insensitively, with look-alike"
              + " letters and invisible characters folded. severity block (default), warn or"
              + " log; name and explanation (plain language, shown with each violation and given"
              + " to the AI writer) default from the rule. Each change makes a new version.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Object.class),
              examples = {
                @ExampleObject(
                    name = "max discount",
                    value = "{\"kind\":\"max_discount\",\"percent\":15,\"severity\":\"block\"}"),
                @ExampleObject(
                    name = "forbidden phrases",
                    value =
                        "{\"kind\":\"forbidden_phrase\",\"phrases\":[\"guarantee\",\"risk-free\"],"
                            + "\"patterns\":[\"\\\\bno\\\\s+risk\\\\b\"],\"severity\":\"block\","
                            + "\"explanation\":\"We make no promises of results.\"}"),
                @ExampleObject(
                    name = "UK SMS opt-out",
                    value =
                        "{\"kind\":\"required_text\",\"text\":\"Reply STOP to opt out\","
                            + "\"countries\":[\"GB\"],\"channels\":[\"sms\"],\"severity\":"
                            + "\"block\"}")
              }))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PolicyDto.class),
              examples = @ExampleObject(name = "created", value = POLICY_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid rule (the field at fault is named)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "bad percent", value = INVALID_EXAMPLE)))
  public Response create(Map<String, Object> body) {
    PolicyDto created =
        PolicyDto.of(policies.create(current.tenant(), PolicyRules.read(body), current.email()));
    return Response.created(URI.create("policies/" + created.id())).entity(created).build();
  }

  @PUT
  @Path("/{id}")
  @Requires(Permission.POLICIES_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace a policy",
      description = "The whole policy as in POST; its version goes up by one.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Object.class),
              examples =
                  @ExampleObject(
                      name = "stricter",
                      value = "{\"kind\":\"max_discount\",\"percent\":10,\"severity\":\"block\"}")))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PolicyDto.class),
              examples = @ExampleObject(name = "updated", value = POLICY_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid rule",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "bad percent", value = INVALID_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public PolicyDto update(
      @Parameter(description = "Policy id") @PathParam("id") long id, Map<String, Object> body) {
    return PolicyDto.of(
        policies.update(current.tenant(), id, PolicyRules.read(body), current.email()));
  }

  @DELETE
  @Path("/{id}")
  @Requires(Permission.POLICIES_MANAGE)
  @Operation(summary = "Delete a policy", description = "Its version history is kept.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response delete(@Parameter(description = "Policy id") @PathParam("id") long id) {
    policies.delete(current.tenant(), id, current.email());
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/versions")
  @Requires(Permission.POLICIES_READ)
  @Operation(
      summary = "A policy's history",
      description = "Every change, newest first: who, when, and the rule as it then was.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = VersionList.class),
              examples =
                  @ExampleObject(
                      name = "history",
                      value =
                          "{\"items\":[{\"version\":2,\"change\":\"updated\",\"name\":"
                              + "\"Discounts up to 15%\",\"kind\":\"max_discount\","
                              + "\"severity\":\"block\",\"rule\":\"{\\\"percent\\\":15}\","
                              + "\"explanation\":\"Never offer more than 15% off.\","
                              + "\"enabled\":true,\"changedBy\":\"admin@acme.example\","
                              + "\"changedAt\":\"2026-12-06T10:00:00Z\"}]}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public VersionList versions(@Parameter(description = "Policy id") @PathParam("id") long id) {
    return new VersionList(
        policies.versions(current.tenant(), id).stream().map(VersionDto::of).toList());
  }

  @POST
  @Path("/check")
  @Requires(Permission.POLICIES_READ)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Check a text against the policies",
      description =
          "The verdict the outbox would give now: block if any blocking rule is broken, else"
              + " warn if a warning one is, else allow (log violations are listed with allow)."
              + " Each violation names its policy, the explanation and the offending excerpt with"
              + " its offsets in subject or body. With leadId the lead's consent, contact count"
              + " of the last 7 days, country and time zone are used too.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CheckRequest.class),
              examples =
                  @ExampleObject(
                      name = "check",
                      value =
                          "{\"channel\":\"email\",\"subject\":\"For you\",\"body\":\"Sign today"
                              + " for 20% off.\",\"leadId\":101}")))
  @APIResponse(
      responseCode = "200",
      description = "The verdict",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = VerdictDto.class),
              examples = @ExampleObject(name = "blocked", value = VERDICT_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "No body, or an unknown channel")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public VerdictDto check(CheckRequest body) {
    if (body == null || body.body() == null) {
      throw DomainException.invalid("body", "body is the text to check.");
    }
    String channel = body.channel() == null ? "email" : body.channel().strip().toLowerCase();
    if (!List.of("email", "sms", "voice", "call").contains(channel)) {
      throw DomainException.invalid("channel", "channel must be email, sms or voice.");
    }
    TenantRef tenant = current.tenant();
    return VerdictDto.of(
        review.check(
            tenant,
            policies.list(tenant),
            new OutboundText(channel, body.subject(), body.body()),
            policies.context(tenant, body.leadId(), channel, clock.instant()),
            body.leadId()));
  }

  @GET
  @Path("/settings")
  @Requires(Permission.POLICIES_READ)
  @Operation(
      summary = "The policy settings",
      description =
          "llmCheck: whether the tenant's AI model (Settings → AI, when a key is configured) also"
              + " reviews texts checked through this API and messages sent by hand. It can only"
              + " add warnings (kind llm_review); blocks are the rules' alone.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PolicyDtos.SettingsDto.class),
              examples = @ExampleObject(name = "settings", value = SETTINGS_EXAMPLE)))
  public PolicyDtos.SettingsDto settings() {
    return new PolicyDtos.SettingsDto(policies.llmCheck(current.tenant()));
  }

  @PUT
  @Path("/settings")
  @Requires(Permission.POLICIES_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change the policy settings", description = "Admins only; audited.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PolicyDtos.SettingsDto.class),
              examples = @ExampleObject(name = "LLM review on", value = SETTINGS_EXAMPLE)))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PolicyDtos.SettingsDto.class),
              examples = @ExampleObject(name = "settings", value = SETTINGS_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "llmCheck missing or not true/false",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "missing",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"llmCheck must be true or false.\","
                              + "\"field\":\"llmCheck\"}")))
  public PolicyDtos.SettingsDto updateSettings(Map<String, Object> body) {
    Object on = body == null ? null : body.get("llmCheck");
    if (!(on instanceof Boolean b)) {
      throw DomainException.invalid("llmCheck", "llmCheck must be true or false.");
    }
    return new PolicyDtos.SettingsDto(policies.setLlmCheck(current.tenant(), b, current.email()));
  }
}
