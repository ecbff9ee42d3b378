package io.omnireach.app.rest;

import io.omnireach.ai.GenerationService;
import io.omnireach.ai.VoiceAnalyst;
import io.omnireach.app.rest.PersonaDtos.PersonaDto;
import io.omnireach.app.rest.PersonaDtos.PersonaPage;
import io.omnireach.app.rest.PersonaDtos.PersonaRequest;
import io.omnireach.app.rest.PersonaDtos.PreviewDto;
import io.omnireach.app.rest.PersonaDtos.PreviewRequest;
import io.omnireach.block.BlockKind;
import io.omnireach.block.Blocks;
import io.omnireach.common.DomainException;
import io.omnireach.knowledge.SampleFiles;
import io.omnireach.marketplace.Marketplace;
import io.omnireach.persona.Persona;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.persona.Tone;
import io.omnireach.persona.VoiceProfile;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Personas of the caller's tenant. Everyone in the tenant reads; Admin and Sales write. */
@Path("/personas")
@Tag(
    name = "Personas",
    description = "The voices the AI writes in: tone, samples, value propositions, signature")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class PersonaResource {

  private static final String PERSONA_EXAMPLE =
      "{\"id\":2,\"name\":\"Enterprise AE\",\"role\":\"Enterprise Account Executive\","
          + "\"tone\":{\"formality\":10,\"detail\":85,\"warmth\":50},"
          + "\"industryFocus\":[\"Logistics\",\"Manufacturing\",\"Healthcare\"],"
          + "\"valuePropositions\":[\"Role-based access, SSO and a full audit trail.\"],"
          + "\"writingSamples\":[\"Dear {{first_name}},\\n\\nI am writing because …\"],"
          + "\"signature\":\"Kind regards,\\nElena Marsh\",\"defaultChannel\":\"EMAIL\","
          + "\"language\":\"en\",\"createdAt\":\"2026-11-25T10:00:00Z\","
          + "\"updatedAt\":\"2026-11-25T10:00:00Z\"}";
  private static final String CREATE_EXAMPLE =
      "{\"name\":\"Enterprise AE\",\"role\":\"Enterprise Account Executive\","
          + "\"tone\":{\"formality\":10,\"detail\":85,\"warmth\":50},"
          + "\"industryFocus\":[\"Logistics\",\"Manufacturing\"],"
          + "\"valuePropositions\":[\"Role-based access, SSO and a full audit trail.\"],"
          + "\"writingSamples\":[\"Dear {{first_name}},\\n\\nI am writing because …\"],"
          + "\"signature\":\"Kind regards,\\nElena Marsh\",\"defaultChannel\":\"EMAIL\","
          + "\"language\":\"en\"}";
  private static final String INVALID_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"Formality must be between 0 and 100 (was 120).\","
          + "\"field\":\"tone.formality\"}";
  private static final String CONFLICT_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
          + "\"detail\":\"A persona named \\\"Enterprise AE\\\" already exists.\","
          + "\"field\":\"name\"}";

  private static final String VOICE_OFFLINE_EXAMPLE =
      "{\"source\":\"offline\",\"avgSentenceWords\":7.5,\"formality\":0.2,"
          + "\"formalityLabel\":\"casual\",\"greetings\":[\"Hey\",\"Hi\"],"
          + "\"signOffs\":[\"Cheers\"],\"favouriteWords\":[\"onboarding\"],"
          + "\"avoidedWords\":[\"reach out\",\"synergy\"],\"samples\":3,\"model\":null,"
          + "\"note\":null}";
  private static final String VOICE_LLM_EXAMPLE =
      "{\"source\":\"llm\",\"avgSentenceWords\":9.0,\"formality\":0.25,"
          + "\"formalityLabel\":\"casual\",\"greetings\":[\"Hey\"],"
          + "\"signOffs\":[\"Cheers\"],\"favouriteWords\":[\"onboarding\",\"quick win\"],"
          + "\"avoidedWords\":[\"synergy\",\"leverage\"],\"samples\":3,"
          + "\"model\":\"mistral/mistral-small-latest\",\"note\":null}";
  private static final String PREVIEW_OFFLINE_EXAMPLE =
      "{\"subject\":\"An idea for Northwind's Head of Operations\",\"body\":\"Hey Maria,\\n\\n"
          + "…\\n\\nCheers,\\nSam\",\"writer\":\"offline\","
          + "\"tone\":{\"formality\":90,\"detail\":50,\"warmth\":10},\"cached\":false,"
          + "\"rationale\":\"Offline template (no AI provider configured): tone 90/50/10, …\"}";
  private static final String PREVIEW_LLM_EXAMPLE =
      "{\"subject\":\"Fewer manual steps at Northwind\",\"body\":\"Hi Maria, …\","
          + "\"writer\":\"openrouter/openai/gpt-4o-mini\","
          + "\"tone\":{\"formality\":10,\"detail\":85,\"warmth\":50},\"cached\":false,"
          + "\"rationale\":\"Used her title, company and the first value proposition.\"}";
  private static final String PREVIEW_INVALID_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"leadId is required: the lead to write to.\",\"field\":\"leadId\"}";

  private static final String BLOCK_EXAMPLE =
      "{\"kind\":\"persona\",\"schemaVersion\":1,\"name\":\"Enterprise AE\","
          + "\"role\":\"Enterprise Account Executive\","
          + "\"industryFocus\":[\"Logistics\",\"Manufacturing\"],"
          + "\"valuePropositions\":[\"Role-based access, SSO and a full audit trail.\"],"
          + "\"signature\":\"Kind regards,\\nElena Marsh\",\"defaultChannel\":\"EMAIL\","
          + "\"language\":\"en\",\"samples\":[\"Dear {{first_name}},\\n\\nI am writing because …\"],"
          + "\"voice\":{\"formality\":10,\"detail\":85,\"warmth\":50}}";
  private static final String BLOCK_INVALID_EXAMPLE =
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"schemaVersion 2 is not supported; this server reads version 1.\","
          + "\"field\":\"schemaVersion\"}";

  @Inject PersonaRepository personas;
  @Inject Marketplace marketplace;
  @Inject VoiceAnalyst voices;
  @Inject GenerationService generation;
  @Inject CurrentUser current;

  private final SampleFiles sampleFiles = new SampleFiles();

  @GET
  @Requires(Permission.PERSONAS_READ)
  @Operation(
      summary = "List the tenant's personas",
      description = "All of them, ordered by name; nextCursor is null (a tenant has a handful).")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PersonaPage.class),
              examples =
                  @ExampleObject(
                      name = "personas",
                      value = "{\"items\":[" + PERSONA_EXAMPLE + "],\"nextCursor\":null}")))
  public PersonaPage list() {
    return new PersonaPage(
        personas.list(current.tenant()).stream().map(PersonaDto::of).toList(), null);
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.PERSONAS_READ)
  @Operation(summary = "Get one persona")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PersonaDto.class),
              examples = @ExampleObject(name = "persona", value = PERSONA_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public PersonaDto get(
      @Parameter(description = "Persona id", example = "2") @PathParam("id") long id) {
    return PersonaDto.of(personas.get(current.tenant(), id));
  }

  @POST
  @Requires(Permission.PERSONAS_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a persona",
      description =
          "Only name is required. Names are unique within the tenant, ignoring case. At most 10"
              + " writing samples of up to 4000 characters each.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PersonaRequest.class),
              examples = @ExampleObject(name = "enterprise AE", value = CREATE_EXAMPLE)))
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the new persona",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PersonaDto.class),
              examples = @ExampleObject(name = "created", value = PERSONA_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid field (named in field)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "tone out of range", value = INVALID_EXAMPLE)))
  @APIResponse(
      responseCode = "409",
      description = "Name taken in this tenant",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "name taken", value = CONFLICT_EXAMPLE)))
  public Response create(PersonaRequest body) {
    if (body == null) {
      throw DomainException.invalid("name", "Name is required.");
    }
    Persona created = personas.create(current.tenant(), body.draft(), current.email());
    return Response.created(URI.create("personas/" + created.id()))
        .entity(PersonaDto.of(created))
        .build();
  }

  @GET
  @Path("/{id}/export")
  @Requires(Permission.PERSONAS_READ)
  @Operation(
      summary = "Export a persona as a signed block",
      description =
          "A block file (format omnireach-block/1): a manifest (id <workspace>.persona-<name>,"
              + " version, author = the workspace) and the persona as content (kind \"persona\","
              + " schemaVersion 1, no ids or timestamps), hashed and signed with the workspace's"
              + " Ed25519 publisher key (made on first export). POST /blocks/import or POST"
              + " /personas/import reads it here or in another workspace. Sent as a download"
              + " (Content-Disposition: attachment).")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(name = "persona block", value = BlockResource.BLOCK_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response export(
      @Parameter(description = "Persona id", example = "2") @PathParam("id") long id,
      @Parameter(description = "The block's version (semver); default 1.0.0", example = "1.0.0")
          @QueryParam("version")
          String version) {
    Persona persona = personas.get(current.tenant(), id);
    String file = persona.name().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    String block =
        Blocks.write(marketplace.export(current.tenant(), BlockKind.PERSONA, id, version));
    return Response.ok(block, MediaType.APPLICATION_JSON)
        .header(
            "Content-Disposition",
            "attachment; filename=\"persona-" + (file.isEmpty() ? id : file) + ".json\"")
        .build();
  }

  @POST
  @Path("/import")
  @Requires(Permission.PERSONAS_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Import a persona from a block",
      description =
          "Reads a block file as GET /personas/{id}/export writes it (checked like POST"
              + " /blocks/import: a tampered or unsigned block is 422), or the bare persona"
              + " content, and creates a new persona. When the name is taken it is imported as"
              + " \"Name (2)\", \"Name (3)\"… Unknown fields are ignored. Unlike POST"
              + " /blocks/import it does not record an installed block.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "persona block", value = BLOCK_EXAMPLE)))
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the new persona",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PersonaDto.class),
              examples = @ExampleObject(name = "imported", value = PERSONA_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description =
          "Not JSON, kind is not \"persona\", an unknown schemaVersion or an invalid field (named"
              + " in field: kind, schemaVersion, name, samples, voice.formality …)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(name = "unknown schema version", value = BLOCK_INVALID_EXAMPLE)))
  @APIResponse(
      responseCode = "422",
      description = "A block file whose hash or signature fails, or that is unsigned")
  public Response importBlock(String block) {
    String content =
        block != null && Marketplace.isBlockFile(block)
            ? marketplace
                .checkedContent(current.tenant(), BlockResource.bytes(block), BlockKind.PERSONA)
                .toString()
            : block;
    Persona created = personas.importBlock(current.tenant(), content, current.email());
    return Response.created(URI.create("personas/" + created.id()))
        .entity(PersonaDto.of(created))
        .build();
  }

  @GET
  @Path("/{id}/voice")
  @Requires(Permission.PERSONAS_READ)
  @Operation(
      summary = "The persona's voice profile",
      description =
          "How the persona writes, from its saved writing samples: average words per sentence,"
              + " formality from 0 casual to 1 formal with a label (casual < 0.35 ≤ neutral < 0.65"
              + " ≤ formal), the greetings and sign-offs it uses (most frequent first), up to 8"
              + " favourite words and up to 8 words common in sales mail it never uses. With an"
              + " AI key in Settings → AI the tenant's model describes it (source \"llm\", model"
              + " names it; the answer is validated and cached until the samples change, and the"
              + " call is counted like a draft's); otherwise, or when that fails (then note says"
              + " why), text statistics measure it (source \"offline\", deterministic).")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = {
                @ExampleObject(name = "offline", value = VOICE_OFFLINE_EXAMPLE),
                @ExampleObject(name = "by the LLM", value = VOICE_LLM_EXAMPLE)
              }))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public VoiceProfile voice(
      @Parameter(description = "Persona id", example = "2") @PathParam("id") long id) {
    return voices.profile(current.tenant(), personas.get(current.tenant(), id));
  }

  @POST
  @Path("/{id}/preview")
  @Requires(Permission.PERSONAS_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Preview the message this persona would write to a lead",
      description =
          "Generates exactly as POST /leads/{id}/drafts does (offline templates without an AI"
              + " key, else the tenant's model: cached, budgeted and counted like a draft), with"
              + " the given tone values instead of the saved ones (missing scales keep the saved"
              + " value). writer is \"offline\" or the provider/model; tone the values used."
              + " Nothing is saved or sent.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PreviewRequest.class),
              examples = {
                @ExampleObject(name = "saved tone", value = "{\"leadId\":17}"),
                @ExampleObject(
                    name = "trying a tone",
                    value = "{\"leadId\":17,\"tone\":{\"formality\":90,\"warmth\":10}}")
              }))
  @APIResponse(
      responseCode = "200",
      description = "The message",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PreviewDto.class),
              examples = {
                @ExampleObject(name = "offline", value = PREVIEW_OFFLINE_EXAMPLE),
                @ExampleObject(name = "by the LLM", value = PREVIEW_LLM_EXAMPLE)
              }))
  @APIResponse(
      responseCode = "400",
      description = "leadId missing or a tone value outside 0–100 (field names it)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "no lead", value = PREVIEW_INVALID_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(responseCode = "429", description = "The monthly AI token budget is spent")
  @APIResponse(responseCode = "502", description = "The AI provider failed")
  public PreviewDto preview(
      @Parameter(description = "Persona id", example = "2") @PathParam("id") long id,
      PreviewRequest body) {
    if (body == null || body.leadId() == null) {
      throw DomainException.invalid("leadId", "leadId is required: the lead to write to.");
    }
    Tone saved = personas.get(current.tenant(), id).tone();
    PersonaDtos.ToneDto t = body.tone();
    Tone tone =
        t == null
            ? saved
            : new Tone(
                t.formality() == null ? saved.formality() : t.formality(),
                t.detail() == null ? saved.detail() : t.detail(),
                t.warmth() == null ? saved.warmth() : t.warmth());
    return PreviewDto.of(
        generation.preview(current.tenant(), body.leadId(), id, tone, current.email()), tone);
  }

  @POST
  @Path("/{id}/samples")
  @Requires(Permission.PERSONAS_MANAGE)
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Add a writing sample from a file",
      description =
          "Multipart field file: a .txt, .docx, .pdf or .eml file (at most 2 MB). Its text (of an"
              + " email the plain-text body, else the HTML one; quoted \"> \" lines dropped) is"
              + " added after the persona's writing samples, cut after a whole word at 4000"
              + " characters. A persona holds at most 10 samples. Send an .eml part as"
              + " application/octet-stream.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              examples =
                  @ExampleObject(
                      name = "an email",
                      value = "file=@\"Re pricing.eml\";type=application/octet-stream")))
  @APIResponse(
      responseCode = "200",
      description = "The persona with the new sample last in writingSamples",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PersonaDto.class),
              examples = @ExampleObject(name = "persona", value = PERSONA_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description =
          "No file field, an empty or unreadable file, no text in it (field file), or already 10"
              + " samples (field writingSamples)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "empty",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"The uploaded file is empty.\",\"field\":\"file\"}")))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "413",
      description = "Larger than 2 MB",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "too large",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Payload Too Large\","
                              + "\"status\":413,\"detail\":\"The file is larger than 2 MB.\","
                              + "\"field\":\"file\"}")))
  @APIResponse(
      responseCode = "415",
      description = "Not a .txt, .docx, .pdf or .eml file",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "unsupported",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Unsupported Media Type\","
                              + "\"status\":415,\"detail\":\"Upload a .txt, .docx, .pdf or"
                              + " .eml file.\",\"field\":\"file\"}")))
  public PersonaDto addSample(
      @Parameter(description = "Persona id", example = "2") @PathParam("id") long id,
      List<EntityPart> parts)
      throws IOException {
    personas.get(current.tenant(), id); // another tenant's persona is 404 before any file is read
    EntityPart file = null;
    for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
      if ("file".equals(part.getName())) {
        file = part;
      }
    }
    if (file == null) {
      throw DomainException.invalid("file", "Send the sample as the multipart field 'file'.");
    }
    byte[] content;
    try (InputStream in = file.getContent()) {
      if (in == null) {
        // RESTEasy parses a message/rfc822 part as a nested message and hands out no bytes
        throw DomainException.invalid(
            "file",
            "The file part has no readable content; send an .eml as application/octet-stream.");
      }
      // one byte over the limit is enough to refuse it with 413
      content = in.readNBytes(SampleFiles.MAX_BYTES + 1);
    }
    String text = sampleFiles.text(file.getFileName().orElse(""), content);
    return PersonaDto.of(personas.addSample(current.tenant(), id, text, current.email()));
  }

  @PATCH
  @Path("/{id}")
  @Requires(Permission.PERSONAS_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a persona",
      description =
          "Only the fields sent change (a tone scale that is left out is kept). An empty list or"
              + " an empty string clears that field.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PersonaRequest.class),
              examples =
                  @ExampleObject(
                      name = "more casual, on LinkedIn",
                      value = "{\"tone\":{\"formality\":70},\"defaultChannel\":\"LINKEDIN\"}")))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PersonaDto.class),
              examples = @ExampleObject(name = "persona", value = PERSONA_EXAMPLE)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid field (named in field)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "tone out of range", value = INVALID_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "New name taken in this tenant",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "name taken", value = CONFLICT_EXAMPLE)))
  public PersonaDto update(
      @Parameter(description = "Persona id", example = "2") @PathParam("id") long id,
      PersonaRequest body) {
    if (body == null) {
      throw DomainException.invalid(null, "Send the fields to change as a JSON object.");
    }
    return PersonaDto.of(personas.update(current.tenant(), id, body.draft(), current.email()));
  }

  @DELETE
  @Path("/{id}")
  @Requires(Permission.PERSONAS_MANAGE)
  @Operation(summary = "Delete a persona")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public Response delete(
      @Parameter(description = "Persona id", example = "2") @PathParam("id") long id) {
    personas.delete(current.tenant(), id, current.email());
    return Response.noContent().build();
  }
}
