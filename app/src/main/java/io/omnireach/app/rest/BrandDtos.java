package io.omnireach.app.rest;

import io.omnireach.brand.Brand;
import io.omnireach.brand.BrandField;
import io.omnireach.brand.BrandPolicy;
import io.omnireach.brand.EffectiveBrand;
import io.omnireach.brand.ResellerBrand;
import io.omnireach.reseller.Reseller;
import io.omnireach.tenant.TenantOverview;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the reseller, branding and tenant-overview endpoints. */
public final class BrandDtos {

  private BrandDtos() {}

  @Schema(
      description =
          "A brand layer. In responses of the effective brand every field is resolved; in a PATCH a"
              + " null field is left as it is and an empty string clears it (back to inheriting);"
              + " in PUT /branding a null field inherits.")
  public record BrandDto(
      @Schema(example = "Northwind Reach") String productName,
      @Schema(
              example =
                  "/brand-assets/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.png")
          String logoUrl,
      @Schema(
              example =
                  "/brand-assets/2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae.ico")
          String faviconUrl,
      @Schema(example = "#1e3a8a") String primaryColor,
      @Schema(example = "#0f766e") String accentColor,
      @Schema(example = "support@northwind.example") String supportEmail,
      @Schema(example = "https://help.northwind.example") String supportUrl) {

    static BrandDto of(Brand b) {
      return new BrandDto(
          b.productName(),
          b.logoUrl(),
          b.faviconUrl(),
          b.primaryColor(),
          b.accentColor(),
          b.supportEmail(),
          b.supportUrl());
    }

    Brand toBrand() {
      return new Brand(
          productName, logoUrl, faviconUrl, primaryColor, accentColor, supportEmail, supportUrl);
    }
  }

  @Schema(description = "A reseller with its brand and the branding policy it sets for tenants")
  public record ResellerDto(
      long id,
      @Schema(example = "northwind") String slug,
      @Schema(example = "Northwind Partners") String name,
      @Schema(
              example = "ACTIVE",
              enumeration = {"ACTIVE", "SUSPENDED"})
          String status,
      @Schema(example = "WHITE_LABEL") String wholesalePlan,
      Instant createdAt,
      BrandDto brand,
      @Schema(description = "Whether 'Powered by OmniReach' shows; set by the Owner")
          boolean showPoweredBy,
      @Schema(
              description = "Brand fields the reseller's tenants may override",
              example = "[\"logoUrl\",\"primaryColor\"]")
          List<String> tenantOverridable) {

    static ResellerDto of(Reseller r, ResellerBrand brand) {
      return new ResellerDto(
          r.id(),
          r.slug(),
          r.name(),
          r.status().name(),
          r.wholesalePlan(),
          r.createdAt(),
          BrandDto.of(brand.brand()),
          brand.policy().showPoweredBy(),
          names(brand.policy().tenantOverridable()));
    }
  }

  @Schema(description = "A new reseller and its first user (who signs in with the Reseller role)")
  public record CreateResellerRequest(
      @Schema(example = "northwind", required = true) String slug,
      @Schema(example = "Northwind Partners", required = true) String name,
      @Schema(example = "WHITE_LABEL", description = "Plan code; default STANDARD")
          String wholesalePlan,
      BrandDto brand,
      @Schema(description = "Default true") Boolean showPoweredBy,
      @Schema(description = "Default [logoUrl, primaryColor]") List<String> tenantOverridable,
      @Schema(example = "rex@northwind.example", required = true) String userEmail,
      @Schema(example = "Rex Partner", required = true) String userName,
      @Schema(example = "a-long-secret-passphrase", required = true) String userPassword) {}

  @Schema(
      description =
          "Changes to a reseller; null fields are left as they are. A Reseller may change only its"
              + " own brand and tenantOverridable; name, wholesalePlan and showPoweredBy are the"
              + " Owner's.")
  public record UpdateResellerRequest(
      @Schema(example = "Northwind Partners Ltd") String name,
      @Schema(example = "WHITE_LABEL_PRO") String wholesalePlan,
      BrandDto brand,
      Boolean showPoweredBy,
      @Schema(example = "[\"logoUrl\",\"primaryColor\",\"supportEmail\"]")
          List<String> tenantOverridable) {}

  @Schema(description = "Changes to a tenant; null fields are left as they are")
  public record UpdateTenantRequest(
      @Schema(example = "Initech Europe") String displayName,
      @Schema(
              example = "SCALE",
              enumeration = {"FREE", "TEAM", "SCALE"})
          String plan,
      @Schema(description = "The tenant's brand overrides (PATCH semantics)") BrandDto branding) {}

  @Schema(description = "A tenant with what an operator's console shows about it")
  public record TenantOverviewDto(
      long id,
      @Schema(example = "initech") String slug,
      @Schema(example = "Initech") String displayName,
      @Schema(example = "ACTIVE") String status,
      Long resellerId,
      @Schema(description = "The tenant's own logo and colour overrides (null: inherited)")
          Dtos.Branding branding,
      Instant createdAt,
      @Schema(example = "TEAM") String plan,
      @Schema(example = "7", description = "Members plus open invitations") int seatsUsed,
      @Schema(example = "25") Integer seatLimit,
      @Schema(description = "Last sign-in of any member; null when nobody has signed in")
          Instant lastActivityAt,
      @Schema(
              example = "1234",
              description =
                  "Emails of the tenant's outbox that reached SENT since the first of this month"
                      + " (UTC)")
          long emailsSentThisMonth) {

    static TenantOverviewDto of(TenantOverview o, Integer seatLimit) {
      Dtos.TenantDto t = Dtos.TenantDto.of(o.tenant());
      return new TenantOverviewDto(
          t.id(),
          t.slug(),
          t.displayName(),
          t.status(),
          t.resellerId(),
          t.branding(),
          t.createdAt(),
          o.plan(),
          o.seatsUsed(),
          seatLimit,
          o.lastActivityAt(),
          o.emailsSentThisMonth());
    }
  }

  @Schema(description = "A tenant's effective brand, its own overrides and what it may change")
  public record BrandingDto(
      @Schema(description = "What the tenant shows") BrandDto brand,
      @Schema(
              description = "Where each field comes from: PLATFORM, RESELLER or TENANT",
              example = "{\"productName\":\"RESELLER\",\"primaryColor\":\"TENANT\"}")
          Map<String, String> sources,
      @Schema(description = "The tenant's own overrides (null: inherited)") BrandDto overrides,
      @Schema(example = "[\"logoUrl\",\"primaryColor\"]") List<String> overridable,
      @Schema(example = "[\"productName\",\"faviconUrl\",\"accentColor\"]") List<String> locked,
      boolean showPoweredBy) {

    static BrandingDto of(EffectiveBrand effective, Brand overrides) {
      Map<String, String> sources = new LinkedHashMap<>();
      effective.sources().forEach((f, s) -> sources.put(f.jsonName(), s.name()));
      Set<BrandField> locked = EnumSet.allOf(BrandField.class);
      locked.removeAll(effective.tenantOverridable());
      return new BrandingDto(
          BrandDto.of(effective.brand()),
          sources,
          BrandDto.of(overrides),
          names(effective.tenantOverridable()),
          names(locked),
          effective.showPoweredBy());
    }
  }

  static List<String> names(Collection<BrandField> fields) {
    return fields.stream().sorted().map(BrandField::jsonName).toList();
  }

  /** Parses field names; null stays null (keep the current setting). */
  static Set<BrandField> fields(List<String> names) {
    if (names == null) {
      return null;
    }
    Set<BrandField> set = EnumSet.noneOf(BrandField.class);
    names.forEach(n -> set.add(BrandField.parse(n)));
    return set;
  }

  static BrandPolicy policy(Boolean showPoweredBy, List<String> tenantOverridable) {
    if (showPoweredBy == null && tenantOverridable == null) {
      return null;
    }
    return new BrandPolicy(
        showPoweredBy == null ? BrandPolicy.RESELLER_DEFAULT.showPoweredBy() : showPoweredBy,
        tenantOverridable == null
            ? BrandPolicy.RESELLER_DEFAULT.tenantOverridable()
            : fields(tenantOverridable));
  }
}
