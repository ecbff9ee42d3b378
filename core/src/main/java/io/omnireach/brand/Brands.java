package io.omnireach.brand;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stores the brand layers: a reseller's brand and policy (columns of {@code resellers}) and a
 * tenant's overrides (columns of {@code tenants}), plus uploaded logos and favicons ({@code
 * brand_assets}). The tenant layer never takes a field its reseller locks.
 */
public final class Brands {

  private static final String COLUMNS =
      String.join(
          ", ", Arrays.stream(BrandField.values()).map(BrandField::column).toArray(String[]::new));

  private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

  /** The brand layers a tenant resolves from. */
  record TenantLayers(Optional<ResellerBrand> reseller, Brand tenant) {}

  private final Transactions tx;

  public Brands(Transactions tx) {
    this.tx = tx;
  }

  // ---- reseller layer -------------------------------------------------------------------------

  /** The reseller's brand and policy; 404 when there is no such reseller. */
  public ResellerBrand reseller(long resellerId) {
    return tx.platform(c -> readReseller(c, resellerId, false));
  }

  /**
   * Changes a reseller's brand fields (PATCH: null keeps a field, an empty string clears it so the
   * platform default shows).
   */
  public ResellerBrand updateReseller(long resellerId, Brand patch, String actor) {
    return tx.platform(
        c -> {
          ResellerBrand current = readReseller(c, resellerId, true);
          Brand next =
              BrandRules.validateChanges(current.brand(), current.brand().patchedWith(patch));
          if (next.equals(current.brand())) {
            return current; // nothing to change, nothing to audit (the seed runs this often)
          }
          writeBrand(c, "resellers", resellerId, next);
          AuditLog.record(
              c, actor, null, "reseller.brand", "" + resellerId, changes(current.brand(), next));
          purgeUnreferencedAssets(c);
          return new ResellerBrand(resellerId, next, current.policy());
        });
  }

  /**
   * Changes the reseller's brand policy; a null argument keeps that setting. Whether "Powered by
   * OmniReach" shows is part of the reseller's plan: callers let only the Owner change it.
   */
  public ResellerBrand updatePolicy(
      long resellerId, Boolean showPoweredBy, Set<BrandField> tenantOverridable, String actor) {
    return tx.platform(
        c -> {
          ResellerBrand current = readReseller(c, resellerId, true);
          BrandPolicy next =
              new BrandPolicy(
                  showPoweredBy == null ? current.policy().showPoweredBy() : showPoweredBy,
                  tenantOverridable == null
                      ? current.policy().tenantOverridable()
                      : tenantOverridable);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update resellers set show_powered_by = ?, tenant_overridable = ?,"
                      + " updated_at = now() where id = ?")) {
            ps.setBoolean(1, next.showPoweredBy());
            ps.setArray(2, fieldArray(c, next.tenantOverridable()));
            ps.setLong(3, resellerId);
            ps.executeUpdate();
          }
          AuditLog.record(
              c,
              actor,
              null,
              "reseller.brand-policy",
              "" + resellerId,
              "poweredBy=" + next.showPoweredBy() + " overridable=" + next.tenantOverridable());
          return new ResellerBrand(resellerId, current.brand(), next);
        });
  }

  /** Stores an uploaded logo or favicon and makes it the reseller's; returns its URL. */
  public ResellerBrand uploadResellerImage(
      long resellerId, BrandField field, byte[] bytes, String actor) {
    BrandImages.Checked image = BrandImages.check(field, bytes);
    return tx.platform(
        c -> {
          ResellerBrand current = readReseller(c, resellerId, true);
          String url = storeAsset(c, image);
          Brand next = current.brand().with(field, url);
          if (next.equals(current.brand())) {
            return current;
          }
          writeBrand(c, "resellers", resellerId, next);
          AuditLog.record(
              c, actor, null, "reseller.brand", "" + resellerId, field.jsonName() + "=" + url);
          purgeUnreferencedAssets(c);
          return new ResellerBrand(resellerId, next, current.policy());
        });
  }

  /** Writes a reseller's whole brand and policy inside the caller's transaction (creation). */
  public static void write(Connection c, long resellerId, Brand brand, BrandPolicy policy)
      throws SQLException {
    writeBrand(c, "platform.resellers", resellerId, brand);
    try (PreparedStatement ps =
        c.prepareStatement(
            "update platform.resellers set show_powered_by = ?, tenant_overridable = ?"
                + " where id = ?")) {
      ps.setBoolean(1, policy.showPoweredBy());
      ps.setArray(2, fieldArray(c, policy.tenantOverridable()));
      ps.setLong(3, resellerId);
      ps.executeUpdate();
    }
  }

  // ---- tenant layer ---------------------------------------------------------------------------

  /** The tenant's own overrides (fields it does not set are null); 404 when unknown. */
  public Brand tenantOverrides(long tenantId) {
    return tx.platform(c -> readTenant(c, tenantId, false).tenant());
  }

  /**
   * PATCH of the tenant's overrides (null keeps, empty clears). Changing a field the tenant's
   * reseller locks is refused with 403 naming the field.
   */
  public Brand updateTenant(long tenantId, Brand patch, String actor) {
    return tx.platform(
        c -> {
          TenantLayers layers = readTenant(c, tenantId, true);
          return writeTenant(c, tenantId, layers, layers.tenant().patchedWith(patch), actor);
        });
  }

  /**
   * PUT of the tenant's overrides: fields left null inherit. Changing a locked field is refused
   * (403); a locked field sent unchanged is accepted, so a GET-modify-PUT round trip works.
   */
  public Brand replaceTenantOverrides(long tenantId, Brand overrides, String actor) {
    return tx.platform(
        c -> {
          TenantLayers layers = readTenant(c, tenantId, true);
          return writeTenant(c, tenantId, layers, overrides, actor);
        });
  }

  /** Stores an uploaded logo or favicon as the tenant's override (if the reseller allows it). */
  public Brand uploadTenantImage(long tenantId, BrandField field, byte[] bytes, String actor) {
    BrandImages.Checked image = BrandImages.check(field, bytes);
    return tx.platform(
        c -> {
          TenantLayers layers = readTenant(c, tenantId, true);
          requireOverridable(layers, field);
          String url = storeAsset(c, image);
          return writeTenant(c, tenantId, layers, layers.tenant().with(field, url), actor);
        });
  }

  // ---- assets ---------------------------------------------------------------------------------

  /** An uploaded image by its hash (the file name without extension); empty when unknown. */
  public Optional<BrandAsset> asset(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      return Optional.empty();
    }
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select media_type, bytes from brand_assets where sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new BrandAsset(sha256, rs.getString(1), rs.getBytes(2)))
                  : Optional.empty();
            }
          }
        });
  }

  /**
   * Deletes uploaded images no brand uses any more (after a change, or a deleted tenant), inside
   * the caller's transaction.
   */
  public static int purgeUnreferencedAssets(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "delete from platform.brand_assets a where not exists (select 1 from ("
                + " select logo_url u from platform.resellers union all"
                + " select favicon_url from platform.resellers union all"
                + " select logo_url from platform.tenants union all"
                + " select favicon_url from platform.tenants) r"
                + " where r.u like '"
                + BrandAsset.PATH_PREFIX
                + "' || a.sha256 || '.%')")) {
      return ps.executeUpdate();
    }
  }

  // ---- used by the resolver -------------------------------------------------------------------

  TenantLayers tenantLayers(long tenantId) {
    return tx.platform(c -> readTenant(c, tenantId, false));
  }

  Optional<Long> tenantIdBySlug(String slug) {
    return tx.platform(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("select id from tenants where slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
          }
        });
  }

  // ---- internals ------------------------------------------------------------------------------

  private Brand writeTenant(
      Connection c, long tenantId, TenantLayers layers, Brand requested, String actor)
      throws SQLException {
    Brand current = layers.tenant();
    Brand next = BrandRules.validateChanges(current, requested);
    if (next.equals(current)) {
      return current;
    }
    for (BrandField f : BrandField.values()) {
      if (!Objects.equals(current.get(f), next.get(f))) {
        requireOverridable(layers, f);
      }
    }
    writeBrand(c, "tenants", tenantId, next);
    AuditLog.record(
        c, actor, slugOf(c, tenantId), "tenant.brand", "" + tenantId, changes(current, next));
    purgeUnreferencedAssets(c);
    return next;
  }

  private static void requireOverridable(TenantLayers layers, BrandField field) {
    BrandPolicy policy = layers.reseller().map(ResellerBrand::policy).orElse(BrandPolicy.PLATFORM);
    if (!policy.allows(field)) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN,
          field.jsonName(),
          "The reseller does not let tenants change '"
              + field.jsonName()
              + "'; it can be changed in the reseller's brand, or the reseller can allow it.");
    }
  }

  private static ResellerBrand readReseller(Connection c, long resellerId, boolean forUpdate)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select "
                + COLUMNS
                + ", show_powered_by, tenant_overridable from resellers where id = ?"
                + (forUpdate ? " for update" : ""))) {
      ps.setLong(1, resellerId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No reseller " + resellerId + ".");
        }
        return new ResellerBrand(resellerId, mapBrand(rs), mapPolicy(rs));
      }
    }
  }

  private static TenantLayers readTenant(Connection c, long tenantId, boolean forUpdate)
      throws SQLException {
    Brand tenant;
    Long resellerId;
    try (PreparedStatement ps =
        c.prepareStatement(
            "select "
                + COLUMNS
                + ", reseller_id from tenants where id = ?"
                + (forUpdate ? " for update" : ""))) {
      ps.setLong(1, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No tenant " + tenantId + ".");
        }
        tenant = mapBrand(rs);
        resellerId = rs.getObject("reseller_id", Long.class);
      }
    }
    Optional<ResellerBrand> reseller =
        resellerId == null ? Optional.empty() : Optional.of(readReseller(c, resellerId, false));
    return new TenantLayers(reseller, tenant);
  }

  private static void writeBrand(Connection c, String table, long id, Brand brand)
      throws SQLException {
    StringBuilder sql = new StringBuilder("update ").append(table).append(" set ");
    for (BrandField f : BrandField.values()) {
      sql.append(f.column()).append(" = ?, ");
    }
    sql.append("updated_at = now() where id = ?");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      for (BrandField f : BrandField.values()) {
        ps.setString(i++, brand.get(f));
      }
      ps.setLong(i, id);
      ps.executeUpdate();
    }
  }

  private static String storeAsset(Connection c, BrandImages.Checked image) throws SQLException {
    BrandAsset asset = new BrandAsset(sha256(image.bytes()), image.mediaType(), image.bytes());
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into brand_assets (sha256, media_type, bytes) values (?, ?, ?)"
                + " on conflict (sha256) do nothing")) {
      ps.setString(1, asset.sha256());
      ps.setString(2, asset.mediaType());
      ps.setBytes(3, asset.bytes());
      ps.executeUpdate();
    }
    return asset.url();
  }

  static Brand mapBrand(ResultSet rs) throws SQLException {
    Map<BrandField, String> values = new EnumMap<>(BrandField.class);
    for (BrandField f : BrandField.values()) {
      values.put(f, rs.getString(f.column()));
    }
    return Brand.of(values);
  }

  private static BrandPolicy mapPolicy(ResultSet rs) throws SQLException {
    Set<BrandField> fields = EnumSet.noneOf(BrandField.class);
    Array array = rs.getArray("tenant_overridable");
    if (array != null) {
      for (Object name : (Object[]) array.getArray()) {
        fields.add(BrandField.valueOf((String) name));
      }
    }
    return new BrandPolicy(rs.getBoolean("show_powered_by"), fields);
  }

  static Array fieldArray(Connection c, Set<BrandField> fields) throws SQLException {
    return c.createArrayOf("text", fields.stream().map(BrandField::name).toArray());
  }

  private static String slugOf(Connection c, long tenantId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select slug from tenants where id = ?")) {
      ps.setLong(1, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static String changes(Brand before, Brand after) {
    List<String> changed = new ArrayList<>();
    for (BrandField f : BrandField.values()) {
      if (!Objects.equals(before.get(f), after.get(f))) {
        changed.add(f.jsonName() + "=" + (after.get(f) == null ? "(inherit)" : after.get(f)));
      }
    }
    return changed.isEmpty() ? "no change" : String.join(", ", changed);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
