package io.omnireach.app.rest;

import io.omnireach.common.DomainException;
import io.omnireach.user.CustomRole;
import io.omnireach.user.CustomRoles;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.user.Role;
import io.omnireach.user.RolePermissions;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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

/**
 * Roles of the caller's tenant: the built-in ones (read-only permission sets) and the tenant's
 * custom roles, which admins create, edit, delete and assign ({@code PATCH /users/{id}}).
 */
@Path("/roles")
@Tag(name = "Users")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class RoleResource {

  private static final String CUSTOM_EXAMPLE =
      "{\"id\":7,\"name\":\"Researcher\",\"description\":\"Reads and exports leads\","
          + "\"builtIn\":false,\"permissions\":[\"leads.read\",\"leads.export\"],\"members\":0}";

  private static final String REQUEST_EXAMPLE =
      "{\"name\":\"Researcher\",\"description\":\"Reads and exports leads\","
          + "\"permissions\":[\"leads.read\",\"leads.export\"]}";

  /** A role as the API shows it; {@code id} is null for a built-in role. */
  public record RoleDto(
      @Schema(example = "7") Long id,
      @Schema(example = "Researcher") String name,
      @Schema(example = "Reads and exports leads") String description,
      boolean builtIn,
      @Schema(example = "[\"leads.read\",\"leads.export\"]") List<String> permissions,
      @Schema(description = "Members holding the role (custom roles)") Integer members) {

    static RoleDto of(CustomRole r) {
      return new RoleDto(
          r.id(), r.name(), r.description(), false, codes(r.permissions()), r.members());
    }

    static RoleDto of(Role r) {
      return new RoleDto(
          null, r.label(), "Built-in role", true, codes(RolePermissions.of(r)), null);
    }
  }

  public record RoleRequest(
      @Schema(example = "Researcher", required = true, maxLength = 60) String name,
      @Schema(example = "Reads and exports leads", maxLength = 500) String description,
      @Schema(example = "[\"leads.read\",\"leads.export\"]", required = true)
          List<String> permissions) {}

  public record PermissionDto(
      @Schema(example = "leads.export") String code,
      @Schema(example = "Leads") String area,
      @Schema(example = "Export leads as CSV") String description) {}

  @Inject CustomRoles roles;
  @Inject CurrentUser current;

  @GET
  @Requires(Permission.USERS_READ)
  @Operation(summary = "List the built-in and custom roles with their permissions")
  @APIResponse(
      responseCode = "200",
      description = "Built-in roles first, then custom roles by name",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "roles",
                      value =
                          "[{\"id\":null,\"name\":\"Finance\",\"description\":\"Built-in role\","
                              + "\"builtIn\":true,\"permissions\":[\"billing.read\","
                              + "\"billing.manage\"],\"members\":null},"
                              + CUSTOM_EXAMPLE
                              + "]")))
  public List<RoleDto> list() {
    List<RoleDto> result = new ArrayList<>();
    Arrays.stream(Role.values()).filter(Role::isBuiltIn).map(RoleDto::of).forEach(result::add);
    roles.list(current.tenant()).stream().map(RoleDto::of).forEach(result::add);
    return result;
  }

  @GET
  @Path("/permissions")
  @Requires(Permission.USERS_READ)
  @Operation(summary = "The permissions a custom role can grant, grouped by area")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "permissions",
                      value =
                          "[{\"code\":\"leads.read\",\"area\":\"Leads\",\"description\":\"See"
                              + " leads, accounts, messages, replies and meetings\"}]")))
  public List<PermissionDto> permissions() {
    return Arrays.stream(Permission.values())
        .map(p -> new PermissionDto(p.code(), p.area().label(), p.description()))
        .toList();
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.USERS_READ)
  @Operation(summary = "Get one custom role")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "custom role", value = CUSTOM_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public RoleDto get(
      @Parameter(description = "Custom role id", example = "7") @PathParam("id") String id) {
    return RoleDto.of(roles.get(current.tenant(), customId(id)));
  }

  @POST
  @Requires(Permission.USERS_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a custom role", description = "Audited as role.create.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "researcher", value = REQUEST_EXAMPLE)))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "created", value = CUSTOM_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Missing name, unknown permission")
  @APIResponse(responseCode = "409", description = "The name is taken or is a built-in role's")
  public Response create(RoleRequest body) {
    RoleRequest r = required(body);
    CustomRole created =
        roles.create(
            current.tenant(), r.name(), r.description(), parse(r.permissions()), current.email());
    return Response.created(URI.create("roles/" + created.id()))
        .entity(RoleDto.of(created))
        .build();
  }

  @PUT
  @Path("/{id}")
  @Requires(Permission.USERS_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace a custom role's name, description and permissions",
      description = "Members holding it get the new permissions at once. Built-ins: 409.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "researcher", value = REQUEST_EXAMPLE)))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "updated", value = CUSTOM_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Missing name, unknown permission")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(responseCode = "409", description = "A built-in role, or the name is taken")
  public RoleDto update(
      @Parameter(description = "Custom role id", example = "7") @PathParam("id") String id,
      RoleRequest body) {
    long roleId = customId(id);
    RoleRequest r = required(body);
    return RoleDto.of(
        roles.update(
            current.tenant(),
            roleId,
            r.name(),
            r.description(),
            parse(r.permissions()),
            current.email()));
  }

  @DELETE
  @Path("/{id}")
  @Requires(Permission.USERS_MANAGE)
  @Operation(summary = "Delete an unused custom role", description = "Audited as role.delete.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description = "A built-in role, or members or open invitations hold it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(
                      name = "in use",
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                              + "\"detail\":\"The role 'Researcher' is held by 2 member(s):"
                              + " give them another role first.\",\"field\":\"id\"}")))
  public Response delete(
      @Parameter(description = "Custom role id", example = "7") @PathParam("id") String id) {
    roles.delete(current.tenant(), customId(id), current.email());
    return Response.noContent().build();
  }

  /** A custom role's id; a built-in role's name is refused as read-only. */
  private static long customId(String id) {
    for (Role r : Role.values()) {
      if (r.isBuiltIn() && r.label().equalsIgnoreCase(id)) {
        throw DomainException.conflict("id", "Built-in roles cannot be changed or deleted.");
      }
    }
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw DomainException.notFound("No role " + id + " in this workspace.");
    }
  }

  private static RoleRequest required(RoleRequest body) {
    if (body == null) {
      throw DomainException.invalid("name", "Name is required.");
    }
    return body;
  }

  private static List<Permission> parse(Collection<String> codes) {
    return codes == null
        ? List.of()
        : codes.stream().map(c -> Permission.of("permissions", c)).toList();
  }

  private static List<String> codes(Collection<Permission> permissions) {
    return permissions.stream().map(Permission::code).toList();
  }
}
