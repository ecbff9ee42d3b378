package io.omnireach.app.rest;

import io.omnireach.common.DomainException;
import io.omnireach.lead.DuplicatePolicy;
import io.omnireach.lead.ImportStore;
import io.omnireach.lead.LeadImport;
import io.omnireach.lead.LeadImports;
import io.omnireach.tenant.TenantRef;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.workflow.WorkflowStatus;
import io.omnireach.workflow.WorkflowSummary;
import io.omnireach.workflow.Workflows;
import io.omnireach.workflow.engine.Enrollments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CSV imports of leads, run as Jakarta Batch jobs. */
@Path("/leads/imports")
@Tag(name = "Lead imports", description = "CSV upload, progress and error reports")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class LeadImportResource {

  private static final String STATUS_EXAMPLE =
      "{\"id\":7,\"status\":\"STARTED\",\"fileName\":\"leads.csv\",\"encoding\":\"UTF-8\","
          + "\"delimiter\":\"comma\",\"duplicatePolicy\":\"skip\",\"processed\":5000,"
          + "\"imported\":4980,\"updated\":0,\"skipped\":12,\"failed\":8,\"progress\":0.42,"
          + "\"error\":null,\"createdAt\":\"2026-11-25T10:00:00Z\",\"finishedAt\":null}";

  /** Progress of one import. */
  @Schema(name = "LeadImport")
  public record ImportStatus(
      long id,
      @Schema(
              example = "STARTED",
              enumeration = {"STARTING", "STARTED", "COMPLETED", "FAILED"})
          String status,
      String fileName,
      @Schema(example = "UTF-8") String encoding,
      @Schema(example = "comma") String delimiter,
      @Schema(example = "skip") String duplicatePolicy,
      int processed,
      int imported,
      int updated,
      int skipped,
      int failed,
      @Schema(description = "0 to 1, by bytes of the file read") double progress,
      String error,
      Instant createdAt,
      Instant finishedAt) {

    static ImportStatus of(LeadImport i) {
      String delimiter =
          switch (i.delimiter() == null ? "," : i.delimiter()) {
            case ";" -> "semicolon";
            case "\t" -> "tab";
            case "|" -> "pipe";
            default -> "comma";
          };
      return new ImportStatus(
          i.id(),
          i.status(),
          i.fileName(),
          i.encoding(),
          delimiter,
          i.duplicatePolicy().name().toLowerCase(),
          i.processed(),
          i.imported(),
          i.updated(),
          i.skipped(),
          i.failed(),
          Math.round(i.progress() * 1000) / 1000.0,
          i.error(),
          i.createdAt(),
          i.finishedAt());
    }
  }

  @Inject ImportStore imports;
  @Inject LeadImports leadImports;
  @Inject CurrentUser current;
  @Inject Workflows workflows;
  @Inject Enrollments enrollments;

  @POST
  @Requires(Permission.LEADS_IMPORT)
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Import leads from a CSV file",
      description =
          "Multipart form: 'file' (the CSV: UTF-8 with or without BOM, or Latin-1; comma,"
              + " semicolon, tab or pipe separated; needs an email column), optional"
              + " 'duplicatePolicy' (skip | update | create) and optional 'mapping' (JSON object"
              + " header → field name, 'custom:<name>' or 'ignore'; unnamed headers are matched"
              + " automatically) and optional 'workflowId' (a published workflow: the imported"
              + " leads are enrolled into it when the import completes). Returns at once; poll"
              + " the import for progress.")
  @APIResponse(
      responseCode = "202",
      description = "Accepted; the job runs",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(name = "accepted", value = "{\"id\":7,\"status\":\"STARTING\"}")))
  @APIResponse(
      responseCode = "400",
      description = "No file, no email column, UTF-16, bad mapping or policy")
  @APIResponse(responseCode = "413", description = "File larger than the configured limit")
  public Response upload(List<EntityPart> parts) throws IOException {
    TenantRef tenant = current.tenant();
    EntityPart file = null;
    String policy = null;
    String mappingJson = null;
    String workflowId = null;
    for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
      switch (part.getName()) {
        case "file" -> file = part;
        case "duplicatePolicy" -> policy = part.getContent(String.class);
        case "mapping" -> mappingJson = part.getContent(String.class);
        case "workflowId" -> workflowId = part.getContent(String.class);
        default -> {
          // other form fields are ignored
        }
      }
    }
    if (file == null) {
      throw DomainException.invalid("file", "Send the CSV as the multipart field 'file'.");
    }
    DuplicatePolicy duplicatePolicy = DuplicatePolicy.parse(policy);
    Map<String, String> mapping = parseMapping(mappingJson);
    Long workflow = workflowId(tenant, workflowId);
    java.nio.file.Path stored = leadImports.receive(tenant, file.getContent());
    long id =
        leadImports.start(
            tenant,
            stored,
            file.getFileName().orElse("upload.csv"),
            mapping,
            duplicatePolicy,
            current.email());
    if (workflow != null) {
      enrollments.enrolOnImport(tenant, id, workflow, current.email());
    }
    return Response.accepted(Map.of("id", id, "status", "STARTING"))
        .location(URI.create("leads/imports/" + id))
        .build();
  }

  /** The optional workflow to enrol the imported leads into; checked before the file is read. */
  private Long workflowId(TenantRef tenant, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    long id;
    try {
      id = Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      throw DomainException.invalid("workflowId", "workflowId is the id of a published workflow.");
    }
    WorkflowSummary w = workflows.summary(tenant, id);
    if (w.status() != WorkflowStatus.PUBLISHED) {
      throw DomainException.conflict("workflowId", "Workflow " + id + " is not published.");
    }
    return id;
  }

  @GET
  @Requires(Permission.LEADS_READ)
  @Operation(summary = "Recent imports", description = "The 50 newest, newest first.")
  @APIResponse(
      responseCode = "200",
      description = "Imports",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "imports", value = "[" + STATUS_EXAMPLE + "]")))
  public List<ImportStatus> recent() {
    return imports.recent(current.tenant(), 50).stream().map(ImportStatus::of).toList();
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.LEADS_READ)
  @Operation(summary = "Progress of an import")
  @APIResponse(
      responseCode = "200",
      description = "Status and counters",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "running", value = STATUS_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public ImportStatus get(@PathParam("id") long id) {
    return ImportStatus.of(imports.get(current.tenant(), id));
  }

  @GET
  @Path("/{id}/errors")
  @Requires(Permission.LEADS_READ)
  @Produces("text/csv")
  @Operation(summary = "The per-row error report as CSV (row, column, reason)")
  @APIResponse(
      responseCode = "200",
      description = "CSV",
      content =
          @Content(
              mediaType = "text/csv",
              examples =
                  @ExampleObject(
                      name = "report",
                      value =
                          "row,column,reason\r\n3,email,'not-an-email' is not a valid email"
                              + " address.\r\n")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response errors(@PathParam("id") long id) {
    TenantRef tenant = current.tenant();
    imports.get(tenant, id);
    StreamingOutput body =
        out -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          imports.writeErrors(tenant, id, writer);
          writer.flush();
        };
    return Response.ok(body, "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"")
        .build();
  }

  private static Map<String, String> parseMapping(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      Map<String, String> out = new LinkedHashMap<>();
      object.forEach((k, v) -> out.put(k, ((JsonString) v).getString()));
      return out;
    } catch (RuntimeException e) {
      throw DomainException.invalid(
          "mapping", "mapping must be a JSON object of header → field name.");
    }
  }
}
