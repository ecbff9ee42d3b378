package io.omnireach.provisioning;

import io.omnireach.audit.AuditLog;
import io.omnireach.brand.Brand;
import io.omnireach.brand.BrandPolicy;
import io.omnireach.brand.BrandRules;
import io.omnireach.brand.Brands;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.reseller.Reseller;
import io.omnireach.reseller.ResellerDirectory;
import io.omnireach.reseller.ResellerStatus;
import io.omnireach.tenant.TenantSchema;
import io.omnireach.user.Role;
import io.omnireach.user.UserDirectory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reseller lifecycle: create (with its first Reseller user and brand), rename, change the wholesale
 * plan, suspend and resume. A suspended reseller's users and its tenants' users cannot sign in.
 */
public final class Resellers {

  public static final String DEFAULT_PLAN = "STANDARD";
  private static final Pattern PLAN = Pattern.compile("^[A-Z][A-Z0-9_]{1,29}$");

  private final Transactions tx;
  private final ResellerDirectory directory;

  public Resellers(Transactions tx) {
    this.tx = tx;
    this.directory = new ResellerDirectory(tx);
  }

  /** Creates the reseller or returns the existing one with that slug (demo seed). */
  public long ensure(String slug, String name, String actor) {
    TenantSchema.requireValidSlug(slug);
    return tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into resellers (slug, name) values (?, ?)"
                      + " on conflict (slug) do update set name = excluded.name returning id,"
                      + " (xmax = 0) as inserted")) {
            ps.setString(1, slug);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              if (rs.getBoolean(2)) {
                AuditLog.record(c, actor, null, "reseller.create", slug, name);
              }
              return rs.getLong(1);
            }
          }
        });
  }

  /**
   * Opens a reseller with its first user, brand and brand policy in one transaction; 409 when the
   * slug or the user's email is taken, 400 for a brand that breaks the rules (nothing is stored).
   */
  public Reseller create(NewReseller request, String actor) {
    String slug = TenantSchema.requireValidSlug(request.slug());
    String name = name(request.name());
    String plan = request.wholesalePlan() == null ? DEFAULT_PLAN : plan(request.wholesalePlan());
    if (request.userEmail() == null || request.userEmail().isBlank()) {
      throw DomainException.invalid("userEmail", "The reseller's first user's email is required.");
    }
    Brand brand = BrandRules.validate(request.brand() == null ? Brand.EMPTY : request.brand());
    BrandPolicy policy = request.policy() == null ? BrandPolicy.RESELLER_DEFAULT : request.policy();
    long id =
        tx.platform(
            c -> {
              long resellerId = insert(c, slug, name, plan);
              UserDirectory.createUser(
                  c,
                  request.userEmail(),
                  request.userName(),
                  request.userPassword(),
                  Role.RESELLER,
                  resellerId);
              Brands.write(c, resellerId, brand, policy);
              AuditLog.record(c, actor, null, "reseller.create", slug, name);
              return resellerId;
            });
    return directory.require(id);
  }

  /** Renames the reseller and/or changes its wholesale plan; null keeps a value. */
  public Reseller update(long id, String name, String wholesalePlan, String actor) {
    Reseller current = directory.require(id);
    String nextName = name == null ? current.name() : name(name);
    String nextPlan = wholesalePlan == null ? current.wholesalePlan() : plan(wholesalePlan);
    tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update resellers set name = ?, wholesale_plan = ?, updated_at = now()"
                      + " where id = ?")) {
            ps.setString(1, nextName);
            ps.setString(2, nextPlan);
            ps.setLong(3, id);
            ps.executeUpdate();
          }
          AuditLog.record(
              c, actor, null, "reseller.update", current.slug(), nextName + " / " + nextPlan);
          return null;
        });
    return directory.require(id);
  }

  public Reseller suspend(long id, String actor) {
    return changeStatus(id, ResellerStatus.SUSPENDED, "reseller.suspend", actor);
  }

  public Reseller resume(long id, String actor) {
    return changeStatus(id, ResellerStatus.ACTIVE, "reseller.resume", actor);
  }

  private Reseller changeStatus(long id, ResellerStatus status, String action, String actor) {
    Reseller current = directory.require(id);
    tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update resellers set status = ?, updated_at = now() where id = ?")) {
            ps.setString(1, status.name());
            ps.setLong(2, id);
            ps.executeUpdate();
          }
          AuditLog.record(c, actor, null, action, current.slug(), null);
          return null;
        });
    return directory.require(id);
  }

  private static long insert(Connection c, String slug, String name, String plan)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into resellers (slug, name, wholesale_plan) values (?, ?, ?) returning id")) {
      ps.setString(1, slug);
      ps.setString(2, name);
      ps.setString(3, plan);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw DomainException.conflict("slug", "Reseller slug '" + slug + "' is already taken.");
      }
      throw e;
    }
  }

  /** Throws the 400 that {@link #update} would give for this name; null (keep) passes. */
  public static void checkName(String value) {
    if (value != null) {
      name(value);
    }
  }

  /** Throws the 400 that {@link #update} would give for this plan; null (keep) passes. */
  public static void checkPlan(String value) {
    if (value != null) {
      plan(value);
    }
  }

  static String name(String value) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid("name", "Name is required.");
    }
    if (value.trim().length() > 80) {
      throw DomainException.invalid("name", "Name must have at most 80 characters.");
    }
    return value.trim();
  }

  /** A plan code such as STANDARD or WHITE_LABEL_PRO (upper-cased). */
  static String plan(String value) {
    String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    if (!PLAN.matcher(v).matches()) {
      throw DomainException.invalid(
          "wholesalePlan",
          "Wholesale plan must be a code of 2-30 letters, digits or underscores, like STANDARD.");
    }
    return v;
  }
}
