package io.omnireach.app.rest;

import io.omnireach.common.DomainException;
import io.omnireach.knowledge.EmbeddingState;
import io.omnireach.knowledge.EmbeddingStatus;
import io.omnireach.knowledge.KnowledgeBase;
import io.omnireach.knowledge.KnowledgeDocument;
import io.omnireach.knowledge.KnowledgeHit;
import io.omnireach.knowledge.KnowledgeStatus;
import io.omnireach.knowledge.Reembedding;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
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

/** The tenant's knowledge base: documents drafts are written from, and search over them. */
@Path("/knowledge")
@Tag(
    name = "Knowledge",
    description = "Documents the AI drafts draw on (PDF, DOCX, HTML, Markdown, text)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class KnowledgeResource {

  static final String DOCUMENT_EXAMPLE =
      "{\"id\":4,\"filename\":\"Globex account notes.pdf\",\"mediaType\":\"application/pdf\","
          + "\"sizeBytes\":48211,\"status\":\"READY\",\"error\":null,\"chunks\":12,"
          + "\"chunksTotal\":12,\"progress\":1.0,\"createdBy\":\"sam@acme.example\","
          + "\"createdAt\":\"2026-12-06T09:12:00Z\",\"indexedAt\":\"2026-12-06T09:12:03Z\"}";
  static final String FAILED_EXAMPLE =
      "{\"id\":5,\"filename\":\"scan.pdf\",\"mediaType\":\"application/pdf\",\"sizeBytes\":90112,"
          + "\"status\":\"FAILED\",\"error\":\"No text found in the document (a scanned PDF or an"
          + " empty file?).\",\"chunks\":0,\"chunksTotal\":null,\"progress\":0.0,"
          + "\"createdBy\":\"sam@acme.example\",\"createdAt\":\"2026-12-06T09:13:00Z\","
          + "\"indexedAt\":null}";

  @Schema(name = "KnowledgeDocument", description = "A document and where its indexing is")
  public record DocumentDto(
      @Schema(example = "4") long id,
      @Schema(example = "Globex account notes.pdf") String filename,
      @Schema(example = "application/pdf") String mediaType,
      @Schema(example = "48211") int sizeBytes,
      @Schema(description = "PENDING, INDEXING, READY or FAILED", example = "READY")
          KnowledgeStatus status,
      @Schema(description = "Why indexing failed (FAILED only)") String error,
      @Schema(description = "Chunks stored and searchable so far", example = "12") int chunks,
      @Schema(description = "Chunks the text splits into, once known", example = "12")
          Integer chunksTotal,
      @Schema(description = "0 to 1", example = "1.0") double progress,
      String createdBy,
      Instant createdAt,
      Instant indexedAt) {

    static DocumentDto of(KnowledgeDocument d) {
      return new DocumentDto(
          d.id(),
          d.filename(),
          d.mediaType(),
          d.sizeBytes(),
          d.status(),
          d.error(),
          d.chunksDone(),
          d.chunksTotal(),
          Math.round(d.progress() * 1000) / 1000.0,
          d.createdBy(),
          d.createdAt(),
          d.indexedAt());
    }
  }

  @Schema(name = "KnowledgeSearch")
  public record SearchRequest(
      @Schema(required = true, example = "When does Globex renew?") String query,
      @Schema(description = "1 to 50, default 5", example = "5") Integer limit) {}

  @Schema(name = "KnowledgeHit", description = "score: cosine similarity, higher is closer")
  public record HitDto(
      @Schema(example = "4") long documentId,
      @Schema(example = "Globex account notes.pdf") String title,
      @Schema(example = "Globex renews its contract in June; budget owner is the CFO.") String text,
      @Schema(example = "0.71") double score) {

    static HitDto of(KnowledgeHit h) {
      return new HitDto(
          h.documentId(), h.title(), h.text(), Math.round(h.score() * 10000) / 10000.0);
    }
  }

  @Schema(
      name = "EmbeddingState",
      description =
          "The model and dimension the stored vectors come from; while REINDEXING, the model they"
              + " are being re-made with and how far (searches use the old vectors until the"
              + " switch)")
  public record EmbeddingDto(
      @Schema(example = "local:all-minilm-l6-v2") String model,
      @Schema(example = "384") int dimensions,
      @Schema(description = "CURRENT or REINDEXING", example = "REINDEXING") EmbeddingStatus status,
      @Schema(example = "mistral:mistral-embed", nullable = true) String targetModel,
      @Schema(example = "1024", nullable = true) Integer targetDimensions,
      @Schema(description = "Rows (chunks and history) re-embedded so far", example = "640")
          int done,
      @Schema(example = "1500") int total,
      @Schema(description = "0 to 1", example = "0.427") double progress,
      @Schema(description = "Why the last step failed (retried)", nullable = true) String error,
      Instant startedAt,
      Instant switchedAt) {

    static EmbeddingDto of(EmbeddingState s) {
      return new EmbeddingDto(
          s.model(),
          s.dimensions(),
          s.status(),
          s.targetModel(),
          s.targetDimensions(),
          s.done(),
          s.total(),
          Math.round(s.progress() * 1000) / 1000.0,
          s.error(),
          s.startedAt(),
          s.switchedAt());
    }
  }

  @Inject KnowledgeBase knowledge;
  @Inject Reembedding reembedding;
  @Inject CurrentUser current;

  @GET
  @Path("/embeddings")
  @Requires(Permission.KNOWLEDGE_READ)
  @Operation(
      summary = "The embedding model in use and any re-indexing",
      description =
          "Set the model with PUT /ai/settings (embeddingModel). When it changes, a background"
              + " sweep re-embeds every chunk and history entry at the new model's dimension,"
              + " then switches the column and HNSW index over.")
  @APIResponse(
      responseCode = "200",
      description = "The tenant's embedding state",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EmbeddingDto.class),
              examples = {
                @ExampleObject(
                    name = "re-indexing",
                    value =
                        "{\"model\":\"local:all-minilm-l6-v2\",\"dimensions\":384,"
                            + "\"status\":\"REINDEXING\",\"targetModel\":\"mistral:mistral-embed\","
                            + "\"targetDimensions\":1024,\"done\":640,\"total\":1500,"
                            + "\"progress\":0.427,\"error\":null,"
                            + "\"startedAt\":\"2026-12-06T09:12:00Z\",\"switchedAt\":null}"),
                @ExampleObject(
                    name = "current",
                    value =
                        "{\"model\":\"local:all-minilm-l6-v2\",\"dimensions\":384,"
                            + "\"status\":\"CURRENT\",\"targetModel\":null,"
                            + "\"targetDimensions\":null,\"done\":0,\"total\":0,"
                            + "\"progress\":1.0,\"error\":null,\"startedAt\":null,"
                            + "\"switchedAt\":null}")
              }))
  public EmbeddingDto embeddings() {
    return EmbeddingDto.of(reembedding.state(current.tenant()));
  }

  @POST
  @Path("/documents")
  @Requires(Permission.KNOWLEDGE_MANAGE)
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Upload a document",
      description =
          "Multipart form with the field 'file': PDF, DOCX, HTML, Markdown or plain text,"
              + " recognised by the file name's extension (or the part's content type). Returns"
              + " at once; a job extracts the text, splits it into chunks, embeds them (in-process"
              + " all-MiniLM-L6-v2, or the provider's embedding model set in the AI settings) and"
              + " stores them in pgvector. Poll the document for status.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              examples =
                  @ExampleObject(
                      name = "a PDF",
                      value = "file=@\"Globex account notes.pdf\";type=application/pdf")))
  @APIResponse(
      responseCode = "202",
      description = "Accepted; indexing runs",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(name = "accepted", value = "{\"id\":4,\"status\":\"PENDING\"}")))
  @APIResponse(responseCode = "400", description = "No file field, or an empty file")
  @APIResponse(
      responseCode = "413",
      description = "Larger than omnireach.knowledge.max-bytes (10 MB by default)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "too large",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Payload Too Large\","
                              + "\"status\":413,\"detail\":\"The file is larger than 10 MB.\"}")))
  @APIResponse(
      responseCode = "415",
      description = "Not a PDF, DOCX, HTML, Markdown or text file",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "unsupported",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Unsupported Media Type\","
                              + "\"status\":415,\"detail\":\"Upload PDF, DOCX, HTML, Markdown or"
                              + " text files (.pdf, .docx, .html, .md, .txt).\"}")))
  public Response upload(List<EntityPart> parts) throws IOException {
    EntityPart file = null;
    for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
      if ("file".equals(part.getName())) {
        file = part;
      }
    }
    if (file == null) {
      throw DomainException.invalid("file", "Send the document as the multipart field 'file'.");
    }
    byte[] content;
    try (InputStream in = file.getContent()) {
      // one byte over the limit is enough to refuse it with 413
      content = in.readNBytes(knowledge.maxBytes() + 1);
    }
    KnowledgeDocument d =
        knowledge.upload(
            current.tenant(),
            file.getFileName().orElse(""),
            file.getMediaType() == null ? null : file.getMediaType().toString(),
            content,
            current.email());
    return Response.accepted(Map.of("id", d.id(), "status", d.status().name()))
        .location(URI.create("knowledge/documents/" + d.id()))
        .build();
  }

  @GET
  @Path("/documents")
  @Requires(Permission.KNOWLEDGE_READ)
  @Operation(summary = "The documents, newest first", description = "At most 500.")
  @APIResponse(
      responseCode = "200",
      description = "Documents",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "documents",
                      value = "[" + DOCUMENT_EXAMPLE + "," + FAILED_EXAMPLE + "]")))
  public List<DocumentDto> list() {
    return knowledge.list(current.tenant()).stream().map(DocumentDto::of).toList();
  }

  @GET
  @Path("/documents/{id}")
  @Requires(Permission.KNOWLEDGE_READ)
  @Operation(summary = "A document's status and chunk count")
  @APIResponse(
      responseCode = "200",
      description = "The document",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DocumentDto.class),
              examples = {
                @ExampleObject(name = "ready", value = DOCUMENT_EXAMPLE),
                @ExampleObject(name = "failed", value = FAILED_EXAMPLE)
              }))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public DocumentDto get(
      @Parameter(description = "Document id", example = "4") @PathParam("id") long id) {
    return DocumentDto.of(knowledge.get(current.tenant(), id));
  }

  @DELETE
  @Path("/documents/{id}")
  @Requires(Permission.KNOWLEDGE_MANAGE)
  @Operation(
      summary = "Delete a document",
      description = "Its chunks are deleted with it; drafts no longer draw on it.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response delete(
      @Parameter(description = "Document id", example = "4") @PathParam("id") long id) {
    knowledge.delete(current.tenant(), id, current.email());
    return Response.noContent().build();
  }

  @POST
  @Path("/search")
  @Requires(Permission.KNOWLEDGE_READ)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Search the knowledge base",
      description =
          "The chunks of READY documents closest to the query (cosine similarity of the"
              + " embeddings, through the HNSW index), best first.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SearchRequest.class),
              examples =
                  @ExampleObject(
                      name = "query",
                      value = "{\"query\":\"When does Globex renew?\",\"limit\":3}")))
  @APIResponse(
      responseCode = "200",
      description = "Hits, best first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "hits",
                      value =
                          "[{\"documentId\":4,\"title\":\"Globex account notes.pdf\",\"text\":"
                              + "\"Globex renews its contract in June; budget owner is the"
                              + " CFO.\",\"score\":0.7132}]")))
  @APIResponse(responseCode = "400", description = "query missing or limit outside 1–50")
  public List<HitDto> search(SearchRequest body) {
    if (body == null) {
      throw DomainException.invalid("query", "query is required.");
    }
    return knowledge.search(current.tenant(), body.query(), body.limit()).stream()
        .map(HitDto::of)
        .toList();
  }
}
