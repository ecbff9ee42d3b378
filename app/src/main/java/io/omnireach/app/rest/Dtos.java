package io.omnireach.app.rest;

import io.omnireach.tenant.Tenant;
import io.omnireach.user.Invitation;
import io.omnireach.user.Member;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the REST API (JSON, camelCase). */
public final class Dtos {

  private Dtos() {}

  @Schema(description = "Credentials; tenant is needed only for users of several tenants")
  public record TokenRequest(
      @Schema(example = "admin@acme.demo") String email,
      @Schema(example = "omnireach-demo") String password,
      @Schema(example = "acme") String tenant) {}

  public record Branding(String logoUrl, String primaryColor) {}

  public record TenantDto(
      long id,
      @Schema(example = "acme") String slug,
      @Schema(example = "Acme Demo") String displayName,
      @Schema(example = "ACTIVE") String status,
      Long resellerId,
      Branding branding,
      Instant createdAt) {

    static TenantDto of(Tenant t) {
      return new TenantDto(
          t.id(),
          t.slug(),
          t.displayName(),
          t.status().name(),
          t.resellerId(),
          new Branding(t.branding().logoUrl(), t.branding().primaryColor()),
          t.createdAt());
    }
  }

  public record MeResponse(
      long id,
      @Schema(example = "admin@acme.demo") String email,
      @Schema(example = "Ada Admin") String displayName,
      @Schema(example = "[\"Admin\"]") List<String> roles,
      TenantDto tenant) {}

  @Schema(description = "A new tenant and its first admin")
  public record CreateTenantRequest(
      @Schema(example = "initech", required = true) String slug,
      @Schema(example = "Initech", required = true) String displayName,
      @Schema(example = "https://cdn.initech.example/logo.svg") String logoUrl,
      @Schema(example = "#0369a1") String primaryColor,
      @Schema(description = "Owner only; a Reseller always creates under its own") Long resellerId,
      @Schema(example = "bill@initech.example", required = true) String adminEmail,
      @Schema(example = "Bill Lumbergh", required = true) String adminName,
      @Schema(example = "a-long-secret-passphrase", required = true) String adminPassword) {}

  public record MemberDto(
      long id,
      @Schema(example = "sales@acme.demo") String email,
      @Schema(example = "Sam Sales") String displayName,
      @Schema(
              example = "Sales",
              description = "A built-in role, or Member when a custom role is held")
          String role,
      Instant joinedAt,
      Instant lastLoginAt,
      @Schema(description = "The custom role held (role Member), else null") Long customRoleId,
      @Schema(example = "Sales", description = "The built-in or custom role's name")
          String roleName) {

    static MemberDto of(Member m) {
      return new MemberDto(
          m.userId(),
          m.email(),
          m.displayName(),
          m.role().label(),
          m.joinedAt(),
          m.lastLoginAt(),
          m.customRoleId(),
          m.roleName());
    }
  }

  /** Either a built-in role or a custom role's id. */
  public record RoleChange(
      @Schema(
              example = "Viewer",
              enumeration = {"Admin", "Sales", "Viewer", "Finance"})
          String role,
      @Schema(example = "7", description = "A custom role of this tenant (instead of role)")
          Long customRoleId) {}

  public record InvitationRequest(
      @Schema(example = "new.rep@acme.example", required = true) String email,
      @Schema(
              example = "Sales",
              enumeration = {"Admin", "Sales", "Viewer", "Finance"})
          String role,
      @Schema(example = "7", description = "A custom role of this tenant (instead of role)")
          Long customRoleId) {}

  public record InvitationDto(
      long id,
      @Schema(example = "new.rep@acme.example") String email,
      @Schema(example = "Sales") String role,
      @Schema(example = "PENDING") String status,
      Instant createdAt,
      Instant expiresAt,
      @Schema(description = "Dev mode only, once, at creation (else it is only in the email)")
          String token,
      @Schema(example = "/accept-invitation?token=…") String acceptUrl,
      @Schema(description = "The custom role offered (role Member), else null") Long customRoleId) {

    static InvitationDto of(Invitation i, Instant now, String token) {
      String status =
          i.acceptedAt() != null ? "ACCEPTED" : i.isPending(now) ? "PENDING" : "EXPIRED";
      return new InvitationDto(
          i.id(),
          i.email(),
          i.role().label(),
          status,
          i.createdAt(),
          i.expiresAt(),
          token,
          token == null ? null : "/accept-invitation?token=" + token,
          i.customRoleId());
    }
  }

  public record AcceptInvitationRequest(
      @Schema(required = true) String token,
      @Schema(example = "Nora New") String displayName,
      @Schema(example = "a-long-secret-passphrase", required = true) String password) {}

  public record AcceptedInvitation(long userId) {}
}
