package io.omnireach.app.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST API root. Every call but sign-in and invitation acceptance needs a bearer token. */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "omnireach")
@DeclareRoles({"Owner", "Reseller", "Admin", "Sales", "Viewer"})
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
    })
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class ApiApplication extends Application {}
