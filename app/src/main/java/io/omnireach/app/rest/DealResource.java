package io.omnireach.app.rest;

import io.omnireach.app.rest.DealDtos.DealDto;
import io.omnireach.app.rest.DealDtos.DealList;
import io.omnireach.app.rest.DealDtos.DecisionDto;
import io.omnireach.app.rest.DealDtos.DecisionList;
import io.omnireach.app.rest.DealDtos.EventDto;
import io.omnireach.app.rest.DealDtos.NegotiateRequest;
import io.omnireach.app.rest.DealDtos.NegotiationDto;
import io.omnireach.app.rest.DealDtos.Timeline;
import io.omnireach.common.DomainException;
import io.omnireach.deal.DealDraft;
import io.omnireach.deal.DealStage;
import io.omnireach.deal.Deals;
import io.omnireach.deal.Negotiations;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

/** Deals: list, create, change (the lead's stage follows), timeline and negotiation. */
@Path("/deals")
@Tag(name = "Deals")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class DealResource {

  static final String DEAL_EXAMPLE =
      "{\"id\":12,\"leadId\":101,\"leadName\":\"Ada Lovelace\",\"title\":\"Acme — 10 seats\","
          + "\"stage\":\"negotiation\",\"currency\":\"USD\",\"amount\":1000.00,"
          + "\"closeDate\":\"2027-03-31\",\"owner\":\"rep@acme.example\",\"termMonths\":12,"
          + "\"paymentTerms\":\"net30\",\"lines\":[{\"productId\":3,\"product\":\"Growth plan"
          + " (seat)\",\"quantity\":10,\"unitPrice\":100.00,\"discountPercent\":0.00,"
          + "\"net\":1000.00}],\"createdAt\":\"2026-12-06T10:00:00Z\","
          + "\"updatedAt\":\"2026-12-06T10:00:00Z\"}";
  static final String NEGOTIATION_EXAMPLE =
      "{\"action\":\"counter\",\"terms\":{\"discountPercent\":5,\"termMonths\":24,"
          + "\"paymentTerms\":\"net30\",\"currency\":\"USD\",\"lines\":[{\"productId\":3,"
          + "\"product\":\"Growth plan (seat)\",\"quantity\":10,\"unitPrice\":100.00,"
          + "\"discountPercent\":5,\"netUnitPrice\":95.00,\"net\":950.00}],\"total\":950.00},"
          + "\"draft\":\"Hi Ada,\\n\\nThank you for the note. Here is what I can offer: 10 ×"
          + " Growth plan (seat) at 95.00 USD (5% off) on a 24-month contract, payment net30,"
          + " 950.00 USD in total.\\n\\nWould that work for you?\\n\\nBest regards\","
          + "\"draftGenerator\":\"offline\",\"decisionId\":4,\"taskId\":null}";
  private static final String INVALID_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"lines[0].discountPercent for Growth plan (seat) is 0 to its maximum"
          + " of 15 %.\",\"field\":\"lines[0].discountPercent\"}";

  @Inject Deals deals;
  @Inject Negotiations negotiations;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.DEALS_READ)
  @Operation(
      summary = "List deals",
      description =
          "Newest first, optionally only of one stage, of one lead (leadId) and of one account"
              + " (accountId: the deals of the account's leads). Filters combine; an unknown lead"
              + " or account gives an empty list.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DealList.class),
              examples =
                  @ExampleObject(name = "deals", value = "{\"items\":[" + DEAL_EXAMPLE + "]}")))
  @APIResponse(
      responseCode = "400",
      description = "Unknown stage, or a leadId or accountId that is not a number",
      content =
          @Content(
              mediaType = "application/problem+json",
              examples =
                  @ExampleObject(
                      name = "not a number",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"leadId must be a lead's number.\","
                              + "\"field\":\"leadId\"}")))
  public DealList list(
      @Parameter(description = "qualification, proposal, negotiation, won or lost")
          @QueryParam("stage")
          String stage,
      @Parameter(description = "Only deals of this lead", example = "101") @QueryParam("leadId")
          String leadId,
      @Parameter(description = "Only deals of this account's leads", example = "7")
          @QueryParam("accountId")
          String accountId,
      @Parameter(description = "At most this many (1–1000, default 200)") @QueryParam("limit")
          Integer limit) {
    DealStage s = stage == null || stage.isBlank() ? null : DealStage.parse("stage", stage);
    Long lead = QueryParams.id("leadId", "a lead's", leadId);
    Long account = QueryParams.id("accountId", "an account's", accountId);
    return new DealList(
        deals.list(current.tenant(), s, lead, account, limit == null ? 200 : limit).stream()
            .map(DealDto::of)
            .toList());
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.DEALS_READ)
  @Operation(summary = "Read a deal")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DealDto.class),
              examples = @ExampleObject(name = "deal", value = DEAL_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public DealDto get(@Parameter(description = "Deal id") @PathParam("id") long id) {
    return DealDto.of(deals.get(current.tenant(), id));
  }

  @POST
  @Requires(Permission.DEALS_WRITE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a deal",
      description =
          "leadId, title and currency are required; stage defaults to qualification, owner to"
              + " the caller. lines [{productId, quantity, unitPrice?, discountPercent?}] come"
              + " from the price book in the deal's currency (unit price defaults to the"
              + " product's tier price; discount at most the product's maximum; never below its"
              + " floor) and make the amount; without lines amount is taken as given. A stage of"
              + " negotiation, won or lost moves the lead to that stage.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Object.class),
              examples =
                  @ExampleObject(
                      name = "deal",
                      value =
                          "{\"leadId\":101,\"title\":\"Acme — 10 seats\",\"currency\":\"USD\","
                              + "\"stage\":\"proposal\",\"termMonths\":12,\"paymentTerms\":"
                              + "\"net30\",\"closeDate\":\"2027-03-31\",\"lines\":"
                              + "[{\"productId\":3,\"quantity\":10}]}")))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DealDto.class),
              examples = @ExampleObject(name = "created", value = DEAL_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid deal (the field at fault is named)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "discount too deep", value = INVALID_EXAMPLE)))
  public Response create(Map<String, Object> body) {
    DealDto created =
        DealDto.of(deals.create(current.tenant(), DealDraft.read(body), current.email()));
    return Response.created(URI.create("deals/" + created.id())).entity(created).build();
  }

  @PATCH
  @Path("/{id}")
  @Requires(Permission.DEALS_WRITE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a deal",
      description =
          "Only the fields given change; lines, when given, replace the deal's lines. Moving to"
              + " negotiation, won or lost moves the lead to that stage in the same transaction.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Object.class),
              examples = @ExampleObject(name = "won", value = "{\"stage\":\"won\"}")))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DealDto.class),
              examples = @ExampleObject(name = "deal", value = DEAL_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid change",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "discount too deep", value = INVALID_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public DealDto update(
      @Parameter(description = "Deal id") @PathParam("id") long id, Map<String, Object> body) {
    return DealDto.of(deals.update(current.tenant(), id, DealDraft.read(body), current.email()));
  }

  @GET
  @Path("/{id}/timeline")
  @Requires(Permission.DEALS_READ)
  @Operation(summary = "A deal's timeline", description = "Newest first.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Timeline.class),
              examples =
                  @ExampleObject(
                      name = "timeline",
                      value =
                          "{\"items\":[{\"kind\":\"stage\",\"text\":\"Moved from Proposal to"
                              + " Negotiation.\",\"decisionId\":null,\"actor\":"
                              + "\"rep@acme.example\",\"at\":\"2026-12-06T10:00:00Z\"}]}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Timeline timeline(@Parameter(description = "Deal id") @PathParam("id") long id) {
    return new Timeline(deals.timeline(current.tenant(), id).stream().map(EventDto::of).toList());
  }

  @POST
  @Path("/{id}/negotiate")
  @Requires(Permission.DEALS_WRITE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Answer a pricing message",
      description =
          "A deterministic engine (no LLM decides) reads the message (discount in figures, words,"
              + " fractions or amounts; contract length; payment terms; quantity; currencies;"
              + " claims of approval) and chooses from the playbook: accept, counter (longer"
              + " contract before discount, discount in steps, never above a product's maximum or"
              + " below its floor), clarify (e.g. an amount in another currency) or escalate"
              + " (ladder spent, claimed approvals, deals above the playbook's amount, a draft"
              + " the policies block). The draft is written from the chosen action and terms by"
              + " the offline template writer (draftGenerator offline) or, with an AI key and a"
              + " persona, by the tenant's model in the first persona's voice (draftGenerator is"
              + " the model; a text naming a bigger discount than chosen falls back to the"
              + " template, the trace says so), and checked by the policy engine. An escalation opens an approval task for the deal's owner. Nothing is"
              + " sent. The decision and its trace are stored: GET /decisions/{decisionId}.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = NegotiateRequest.class),
              examples =
                  @ExampleObject(
                      name = "ask",
                      value = "{\"message\":\"We need 40% off to sign this quarter.\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The decision",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = NegotiationDto.class),
              examples = @ExampleObject(name = "counter", value = NEGOTIATION_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "No message")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public NegotiationDto negotiate(
      @Parameter(description = "Deal id") @PathParam("id") long id, NegotiateRequest body) {
    if (body == null) {
      throw DomainException.invalid("message", "message is the customer's text to answer.");
    }
    return NegotiationDto.of(
        negotiations.negotiate(current.tenant(), id, body.message(), current.email()));
  }

  @GET
  @Path("/{id}/decisions")
  @Requires(Permission.DEALS_READ)
  @Operation(summary = "A deal's decisions", description = "Newest first, each with its trace.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DecisionList.class)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public DecisionList decisions(@Parameter(description = "Deal id") @PathParam("id") long id) {
    return new DecisionList(
        negotiations.forDeal(current.tenant(), id).stream().map(DecisionDto::of).toList());
  }
}
