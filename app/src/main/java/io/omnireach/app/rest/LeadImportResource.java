package io.omnireach.app.rest;

import io.omnireach.common.DomainException;
import io.omnireach.jobs.leadimport.LeadImportJobs;
import io.omnireach.lead.CsvLayout;
import io.omnireach.lead.DuplicatePolicy;
import io.omnireach.lead.ImportMapping;
import io.omnireach.lead.ImportStore;
import io.omnireach.lead.LeadCsvReader;
import io.omnireach.lead.LeadImport;
import io.omnireach.tenant.TenantRef;
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
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
  @Inject LeadImportJobs jobs;
  @Inject CurrentUser current;

  @Inject
  @ConfigProperty(name = "omnireach.import.max-bytes")
  long maxBytes;

  @POST
  @RolesAllowed({"Admin", "Sales"})
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Import leads from a CSV file",
      description =
          "Multipart form: 'file' (the CSV: UTF-8 with or without BOM, or Latin-1; comma,"
              + " semicolon, tab or pipe separated; needs an email column), optional"
              + " 'duplicatePolicy' (skip | update | create) and optional 'mapping' (JSON object"
              + " header → field name, 'custom:<name>' or 'ignore'; unnamed headers are matched"
              + " automatically). Returns at once; poll the import for progress.")
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
    for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
      switch (part.getName()) {
        case "file" -> file = part;
        case "duplicatePolicy" -> policy = part.getContent(String.class);
        case "mapping" -> mappingJson = part.getContent(String.class);
        default -> {
          // other form fields are ignored
        }
      }
    }
    if (file == null) {
      throw DomainException.invalid("file", "Send the CSV as the multipart field 'file'.");
    }
    DuplicatePolicy duplicatePolicy = DuplicatePolicy.parse(policy);
    java.nio.file.Path stored = store(tenant, file.getContent());
    try {
      CsvLayout layout = CsvLayout.detect(stored);
      List<String> headers;
      try (LeadCsvReader reader = new LeadCsvReader(stored, layout, 1)) {
        headers = reader.headers();
      }
      ImportMapping mapping = ImportMapping.of(headers, parseMapping(mappingJson));
      String name = file.getFileName().orElse("upload.csv");
      long id =
          imports.create(
              tenant,
              name,
              stored.toString(),
              Files.size(stored),
              mapping,
              duplicatePolicy,
              layout,
              current.email());
      jobs.start(tenant, id);
      return Response.accepted(Map.of("id", id, "status", "STARTING"))
          .location(URI.create("leads/imports/" + id))
          .build();
    } catch (RuntimeException | IOException e) {
      Files.deleteIfExists(stored);
      if (e instanceof IOException io) {
        throw DomainException.invalid("file", "The file cannot be read as CSV: " + io.getMessage());
      }
      throw e;
    }
  }

  @GET
  @RolesAllowed({"Admin", "Sales", "Viewer"})
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
  @RolesAllowed({"Admin", "Sales", "Viewer"})
  @Operation(summary = "Progress of an import")
  @APIResponse(
      responseCode = "200",
      description = "Status and counters",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "running", value = STATUS_EXAMPLE)))
  @APIResponse(responseCode = "404", description = "No such import in this tenant")
  public ImportStatus get(@PathParam("id") long id) {
    return ImportStatus.of(imports.get(current.tenant(), id));
  }

  @GET
  @Path("/{id}/errors")
  @RolesAllowed({"Admin", "Sales", "Viewer"})
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
  @APIResponse(responseCode = "404", description = "No such import in this tenant")
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

  /** Streams the upload to disk (never into memory), refusing files over the limit. */
  private java.nio.file.Path store(TenantRef tenant, InputStream in) throws IOException {
    java.nio.file.Path dir = importDirectory().resolve(tenant.slug());
    Files.createDirectories(dir);
    java.nio.file.Path target = dir.resolve(UUID.randomUUID() + ".csv");
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (in;
        OutputStream out = Files.newOutputStream(target)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > maxBytes) {
          throw new DomainException(
              DomainException.Kind.PAYLOAD_TOO_LARGE,
              "file",
              "The file is larger than "
                  + (maxBytes / (1024 * 1024))
                  + " MB; split it into smaller files.");
        }
        out.write(buffer, 0, n);
      }
    } catch (RuntimeException | IOException e) {
      Files.deleteIfExists(target);
      throw e;
    }
    return target;
  }

  /** Uploaded files wait here for their job (OMNIREACH_IMPORT_DIR, else the server's output). */
  static java.nio.file.Path importDirectory() {
    String configured = System.getenv("OMNIREACH_IMPORT_DIR");
    if (configured != null && !configured.isBlank()) {
      return java.nio.file.Path.of(configured);
    }
    String output = System.getProperty("server.output.dir", System.getProperty("java.io.tmpdir"));
    return java.nio.file.Path.of(output, "imports");
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
