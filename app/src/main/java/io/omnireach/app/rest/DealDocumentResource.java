package io.omnireach.app.rest;

import io.omnireach.app.OutboxDispatcher;
import io.omnireach.app.rest.DealDocumentDtos.DocumentDto;
import io.omnireach.app.rest.DealDocumentDtos.DocumentList;
import io.omnireach.app.rest.DealDocumentDtos.GenerateRequest;
import io.omnireach.app.rest.DealDocumentDtos.SendRequest;
import io.omnireach.app.rest.DealDocumentDtos.SentDto;
import io.omnireach.common.DomainException;
import io.omnireach.deal.DealDocument;
import io.omnireach.deal.DealDocuments;
import io.omnireach.deal.Deals;
import io.omnireach.deal.OfferWriter;
import io.omnireach.tenant.TenantRef;
import io.omnireach.usage.Meter;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
 * A deal's documents: generate a version from a template (PDF), list, download, send with the offer
 * email, accept (freeze) and delete.
 */
@Path("/deals/{dealId}/documents")
@Tag(name = "Deals")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class DealDocumentResource {

  static final String DOCUMENT_EXAMPLE =
      "{\"id\":7,\"dealId\":12,\"version\":2,\"status\":\"GENERATED\",\"frozen\":false,"
          + "\"templateId\":2,\"kind\":\"ORDER_FORM\",\"templateName\":\"Order form\","
          + "\"templateVersion\":3,\"decisionId\":null,\"clauses\":[{\"key\":\"liability-cap\","
          + "\"version\":2,\"title\":\"Limitation of liability\",\"category\":\"Legal\","
          + "\"body\":\"Each party's total liability is limited to the fees paid in the twelve"
          + " months before the claim.\"}],\"terms\":{\"discountPercent\":10,\"termMonths\":24,"
          + "\"paymentTerms\":\"net30\",\"currency\":\"USD\",\"lines\":[{\"productId\":3,"
          + "\"product\":\"Growth plan (seat)\",\"quantity\":10,\"unitPrice\":100.00,"
          + "\"discountPercent\":10,\"netUnitPrice\":90.00,\"net\":900.00}],\"total\":900.00},"
          + "\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
          + "\"size\":4210,\"filename\":\"order-form-deal-12-v2.pdf\",\"createdBy\":"
          + "\"rep@acme.demo\",\"createdAt\":\"2026-12-06T10:00:00Z\",\"sentAt\":null,"
          + "\"messageId\":null,\"frozenAt\":null,\"frozenBy\":null}";
  private static final String FROZEN =
      "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"Version 2"
          + " of this deal's document was accepted and is frozen: cannot generate a new"
          + " version.\"}";

  @Inject DealDocuments documents;
  @Inject Deals deals;
  @Inject CurrentUser current;
  @Inject PolicyGate policies;
  @Inject SendingLimits limits;
  @Inject OutboxDispatcher dispatcher;

  @POST
  @Requires(Permission.DEALS_WRITE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Generate a document",
      description =
          "Renders the template (merge fields filled from the deal, its lead and account, the"
              + " terms, the owner, today and your workspace's brand) with its clause slots (or"
              + " the clauseKeys given) to PDF, and stores it as the deal's next version with its"
              + " SHA-256, the template and clause versions and the terms printed. With"
              + " decisionId, the terms of that accept or counter are printed instead of the"
              + " deal's lines. 422: no products on the deal, a clause none of its products"
              + " allows, a decision without terms. 409 once a version is accepted (frozen).")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = GenerateRequest.class),
              examples =
                  @ExampleObject(
                      name = "from a counter",
                      value = "{\"templateId\":2,\"decisionId\":4}")))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DocumentDto.class),
              examples = @ExampleObject(name = "version 2", value = DOCUMENT_EXAMPLE)))
  @APIResponse(
      responseCode = "422",
      description = "A clause is not allowed, no products, a decision without terms",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "clause not allowed",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\","
                              + "\"status\":422,\"detail\":\"Clause 'sla' is not allowed for the"
                              + " products of this deal (Growth plan (seat)): allow it in the"
                              + " price book first.\",\"field\":\"clauseKeys\"}")))
  @APIResponse(
      responseCode = "409",
      description = "A version is frozen",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "frozen", value = FROZEN)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response generate(
      @Parameter(description = "Deal id") @PathParam("dealId") long dealId, GenerateRequest body) {
    if (body == null) {
      throw DomainException.invalid("templateId", "templateId is required.");
    }
    DocumentDto created =
        DocumentDto.of(
            documents.generate(
                current.tenant(),
                dealId,
                new DealDocuments.Request(body.templateId(), body.decisionId(), body.clauseKeys()),
                current.email()));
    return Response.created(URI.create("deals/" + dealId + "/documents/" + created.id()))
        .entity(created)
        .build();
  }

  @GET
  @Requires(Permission.DEALS_READ)
  @Operation(summary = "A deal's documents", description = "Newest version first.")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DocumentList.class),
              examples =
                  @ExampleObject(
                      name = "documents",
                      value = "{\"items\":[" + DOCUMENT_EXAMPLE + "]}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public DocumentList list(@Parameter(description = "Deal id") @PathParam("dealId") long dealId) {
    return new DocumentList(
        documents.list(current.tenant(), dealId).stream().map(DocumentDto::of).toList());
  }

  @GET
  @Path("/{docId}")
  @Requires(Permission.DEALS_READ)
  @Operation(summary = "Read a document's record")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DocumentDto.class),
              examples = @ExampleObject(name = "document", value = DOCUMENT_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public DocumentDto get(
      @Parameter(description = "Deal id") @PathParam("dealId") long dealId,
      @Parameter(description = "Document id") @PathParam("docId") long docId) {
    return DocumentDto.of(documents.get(current.tenant(), dealId, docId));
  }

  @GET
  @Path("/{docId}/pdf")
  @Produces("application/pdf")
  @Requires(Permission.DEALS_READ)
  @Operation(
      summary = "Download a document",
      description = "The stored PDF, byte for byte (its SHA-256 is on the record and in ETag).")
  @APIResponse(
      responseCode = "200",
      description = "The PDF",
      content = @Content(mediaType = "application/pdf"))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response pdf(
      @Parameter(description = "Deal id") @PathParam("dealId") long dealId,
      @Parameter(description = "Document id") @PathParam("docId") long docId) {
    TenantRef tenant = current.tenant();
    DealDocument d = documents.get(tenant, dealId, docId);
    return Response.ok(documents.pdf(tenant, dealId, docId), "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"" + d.filename() + "\"")
        .header("ETag", "\"" + d.sha256() + "\"")
        .build();
  }

  @POST
  @Path("/{docId}/accept")
  @Requires(Permission.DEALS_WRITE)
  @Operation(
      summary = "Accept a version (freeze it)",
      description =
          "The version is frozen: no new version can be generated for the deal and it cannot be"
              + " deleted. Moving the deal to won freezes its latest version the same way."
              + " Accepting an accepted version changes nothing; another one is a 409.")
  @APIResponse(
      responseCode = "200",
      description = "Accepted",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DocumentDto.class),
              examples =
                  @ExampleObject(
                      name = "accepted",
                      value =
                          "{\"id\":7,\"dealId\":12,\"version\":2,\"status\":\"ACCEPTED\","
                              + "\"frozen\":true,\"frozenAt\":\"2026-12-07T09:00:00Z\","
                              + "\"frozenBy\":\"rep@acme.demo\"}")))
  @APIResponse(
      responseCode = "409",
      description = "Another version is frozen",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "frozen", value = FROZEN)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public DocumentDto accept(
      @Parameter(description = "Deal id") @PathParam("dealId") long dealId,
      @Parameter(description = "Document id") @PathParam("docId") long docId) {
    return DocumentDto.of(documents.accept(current.tenant(), dealId, docId, current.email()));
  }

  @DELETE
  @Path("/{docId}")
  @Requires(Permission.DEALS_WRITE)
  @Operation(summary = "Delete a version", description = "Not an accepted (frozen) one: 409.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "409",
      description = "Frozen",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "frozen",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                              + "\"detail\":\"Version 2 was accepted and is frozen: it cannot"
                              + " be deleted.\"}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response delete(
      @Parameter(description = "Deal id") @PathParam("dealId") long dealId,
      @Parameter(description = "Document id") @PathParam("docId") long docId) {
    documents.delete(current.tenant(), dealId, docId, current.email());
    return Response.noContent().build();
  }

  @POST
  @Path("/{docId}/send")
  @Requires(Permission.DEALS_WRITE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Send the offer email with this version attached",
      description =
          "Queues an email to the deal's lead through the outbox, with the PDF attached: subject"
              + " and body as given, else the draft of the decision the document prints (the"
              + " offer or counter), else a cover note with the terms. The tenant's policies"
              + " check the text first (422 problem with the verdict, nothing queued) and again"
              + " at sending, as for every message; the plan's sending limit applies (409). The"
              + " version becomes SENT (an accepted one stays ACCEPTED).")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SendRequest.class),
              examples = @ExampleObject(name = "send", value = "{\"mailboxId\":1}")))
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SentDto.class),
              examples =
                  @ExampleObject(
                      name = "queued",
                      value = "{\"document\":" + DOCUMENT_EXAMPLE + ",\"messageId\":41}")))
  @APIResponse(responseCode = "400", description = "No mailbox")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(responseCode = "422", description = "Blocked by a policy")
  public Response send(
      @Parameter(description = "Deal id") @PathParam("dealId") long dealId,
      @Parameter(description = "Document id") @PathParam("docId") long docId,
      @Parameter(description = "Optional key that makes retries of this call safe")
          @HeaderParam("Idempotency-Key")
          String idempotencyKey,
      SendRequest body) {
    if (body == null || body.mailboxId() == null) {
      throw DomainException.invalid("mailboxId", "mailboxId is required.");
    }
    TenantRef tenant = current.tenant();
    long leadId = deals.get(tenant, dealId).leadId();
    OfferWriter.Text text = documents.cover(tenant, dealId, docId, body.subject(), body.body());
    Response refused =
        policies.refusal(
            tenant,
            current.email(),
            leadId,
            "email",
            text.subject(),
            text.body(),
            body.confirmWarnings());
    if (refused != null) {
      return refused;
    }
    limits.requireRoom(tenant.id(), Meter.EMAILS_SENT);
    long messageId =
        documents.send(
            tenant,
            dealId,
            docId,
            new DealDocuments.Sending(
                body.mailboxId(), text.subject(), text.body(), idempotencyKey),
            current.email());
    dispatcher.dispatch(tenant, messageId); // committed: send() has returned
    return Response.accepted(
            new SentDto(DocumentDto.of(documents.get(tenant, dealId, docId)), messageId))
        .build();
  }
}
