package io.omnireach.app.rest;

import io.omnireach.app.rest.Dtos.MemberDto;
import io.omnireach.app.rest.Dtos.RoleChange;
import io.omnireach.auth.Sessions;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.user.CustomRoles;
import io.omnireach.user.EffectivePermissions;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import io.omnireach.user.Role;
import io.omnireach.user.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Members of the caller's tenant. Everyone in the tenant can read; only Admins change. */
@Path("/users")
@Tag(name = "Users")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"Admin", "Sales", "Viewer", "Finance", "Member"})
public class UserResource {

  private static final String MEMBER_EXAMPLE =
      "{\"id\":4,\"email\":\"sales@acme.demo\",\"displayName\":\"Sam Sales\",\"role\":\"Sales\","
          + "\"joinedAt\":\"2026-11-25T10:00:00Z\",\"lastLoginAt\":null,\"customRoleId\":null,"
          + "\"roleName\":\"Sales\"}";

  @Inject UserDirectory users;
  @Inject CurrentUser current;
  @Inject Sessions sessions;
  @Inject CustomRoles customRoles;
  @Inject EffectivePermissions permissions;

  @GET
  @Requires(Permission.USERS_READ)
  @Operation(summary = "List the tenant's members")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "members", value = "[" + MEMBER_EXAMPLE + "]")))
  public List<MemberDto> list() {
    return users.members(current.tenant()).stream().map(MemberDto::of).toList();
  }

  @GET
  @Path("/{id}")
  @Requires(Permission.USERS_READ)
  @Operation(summary = "Get one member")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "member", value = MEMBER_EXAMPLE)))
  @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
  public MemberDto get(@PathParam("id") long id) {
    return MemberDto.of(users.member(current.tenant(), id));
  }

  @PATCH
  @Path("/{id}")
  @Requires(Permission.USERS_MANAGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a member's role",
      description =
          "Give a built-in role ({\"role\":\"Viewer\"}) or a custom role of this tenant"
              + " ({\"customRoleId\":7}). A tenant keeps at least one Admin.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = {
                @ExampleObject(name = "make viewer", value = "{\"role\":\"Viewer\"}"),
                @ExampleObject(name = "custom role", value = "{\"customRoleId\":7}")
              }))
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "member", value = MEMBER_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Unknown role")
  @APIResponse(responseCode = "404", description = "No such member or custom role in this tenant")
  @APIResponse(responseCode = "409", description = "Would leave the tenant without an Admin")
  public MemberDto changeRole(@PathParam("id") long id, RoleChange body) {
    if (body == null || (body.role() == null) == (body.customRoleId() == null)) {
      throw DomainException.invalid("role", "Give either a role or a customRoleId.");
    }
    TenantRef tenant = current.tenant();
    if (body.customRoleId() != null) {
      customRoles.assign(tenant, id, body.customRoleId(), current.email());
    } else {
      users.changeRole(tenant, id, Role.tenantRole("role", body.role()), current.email());
      permissions.tenantChanged(tenant.id());
    }
    sessions.userChanged(id); // the old token's rights end with this request
    return MemberDto.of(users.member(tenant, id));
  }

  @DELETE
  @Path("/{id}")
  @Requires(Permission.USERS_MANAGE)
  @Operation(summary = "Remove a member from the tenant")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "409", description = "Would leave the tenant without an Admin")
  public Response remove(@PathParam("id") long id) {
    users.removeMember(current.tenant(), id, current.email());
    sessions.userChanged(id);
    permissions.tenantChanged(current.tenant().id());
    return Response.noContent().build();
  }
}
