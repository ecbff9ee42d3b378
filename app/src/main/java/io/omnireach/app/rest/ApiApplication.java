package io.omnireach.app.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST API root. Every call but sign-in and invitation acceptance needs a bearer token. */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "omnireach")
@DeclareRoles({"Owner", "Reseller", "Admin", "Sales", "Viewer", "Finance", "Member"})
@OpenAPIDefinition(
    info =
        @Info(
            title = "OmniReach API",
            version = "1",
            description =
                "Multi-tenant sales engagement. Get a token from POST /api/v1/auth/token and send"
                    + " it as 'Authorization: Bearer <token>'. Errors are RFC 9457"
                    + " application/problem+json.",
            license = @License(name = "Apache-2.0")),
    tags = {
      @Tag(name = "Auth", description = "Tokens and the current user"),
      @Tag(name = "Tenants", description = "Operator: tenant lifecycle (Owner, Reseller)"),
      @Tag(name = "Users", description = "Tenant admin: members and roles"),
      @Tag(name = "Invitations", description = "Tenant admin: inviting people")
    },
    // The problem responses every resource shares, referenced as @APIResponse(ref = "NotFound")
    components =
        @Components(
            responses = {
              @APIResponse(
                  name = ApiApplication.NOT_FOUND,
                  description = "No such resource in this tenant (ids of other tenants included)",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "not found",
                                  value =
                                      "{\"type\":\"about:blank\",\"title\":\"Not Found\","
                                          + "\"status\":404,\"detail\":\"No workflow 42 in this"
                                          + " workspace.\"}"))),
              @APIResponse(
                  name = ApiApplication.UNAUTHORIZED,
                  description = "Missing, expired or invalid bearer token",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "no token",
                                  value =
                                      "{\"type\":\"about:blank\",\"title\":\"Unauthorized\","
                                          + "\"status\":401,\"detail\":\"Sign in: send a valid"
                                          + " bearer token.\"}"))),
              @APIResponse(
                  name = ApiApplication.FORBIDDEN,
                  description = "The caller's role may not do this",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "role",
                                  value =
                                      "{\"type\":\"about:blank\",\"title\":\"Forbidden\","
                                          + "\"status\":403,\"detail\":\"Your role may not do"
                                          + " this.\"}")))
            }))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class ApiApplication extends Application {

  /** Names of the shared problem responses in the OpenAPI components. */
  public static final String NOT_FOUND = "NotFound";

  public static final String UNAUTHORIZED = "Unauthorized";
  public static final String FORBIDDEN = "Forbidden";
}
