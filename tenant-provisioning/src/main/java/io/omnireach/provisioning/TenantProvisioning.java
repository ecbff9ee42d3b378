package io.omnireach.provisioning;

import io.omnireach.audit.AuditLog;
import io.omnireach.brand.Brand;
import io.omnireach.brand.BrandField;
import io.omnireach.brand.BrandRules;
import io.omnireach.brand.Brands;
import io.omnireach.common.DomainException;
import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantSchema;
import io.omnireach.tenant.TenantStatus;
import io.omnireach.user.Role;
import io.omnireach.user.UserDirectory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Opens, suspends and deletes tenants. Creation is done in steps that can each be retried: the
 * tenant row is written as PROVISIONING, the schema is created and migrated, the first admin is
 * added, and only then does the tenant become ACTIVE (and able to sign in).
 */
public final class TenantProvisioning {

  private static final Logger LOG = Logger.getLogger(TenantProvisioning.class.getName());
  private static final AtomicBoolean CITUS_ABSENCE_LOGGED = new AtomicBoolean();

  private final Transactions tx;
  private final TenantDirectory tenants;
  private final Consumer<String> erasedFiles;
  private final Brands brands;
  private PlanChangeListener planChanges = (c, tenantId, from, to, at, actor) -> {};

  public TenantProvisioning(Transactions tx) {
    this(tx, slug -> {});
  }

  /**
   * @param erasedFiles deletes what a tenant keeps outside the database (by slug), e.g. its CSV
   *     uploads still waiting for an import; called when the tenant is deleted
   */
  public TenantProvisioning(Transactions tx, Consumer<String> erasedFiles) {
    this.tx = tx;
    this.tenants = new TenantDirectory(tx);
    this.erasedFiles = erasedFiles;
    this.brands = new Brands(tx);
  }

  public Tenant create(NewTenant request, String actor) {
    String slug = TenantSchema.requireValidSlug(request.slug());
    String displayName = displayName(request.displayName());
    // null colour or logo: inherit the reseller's (or the platform's)
    Brand brand =
        BrandRules.validate(
            Brand.EMPTY
                .with(BrandField.LOGO, request.logoUrl())
                .with(BrandField.PRIMARY_COLOR, request.primaryColor()));
    long tenantId =
        tx.platform(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "insert into tenants (slug, display_name, reseller_id, status)"
                          + " values (?, ?, ?, 'PROVISIONING')",
                      Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, slug);
                ps.setString(2, displayName);
                ps.setObject(3, request.resellerId());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                  keys.next();
                  return keys.getLong(1);
                }
              } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                  throw DomainException.conflict("slug", "Slug '" + slug + "' is already taken.");
                }
                if ("23503".equals(e.getSQLState())) {
                  throw DomainException.invalid(
                      "resellerId", "Reseller " + request.resellerId() + " does not exist.");
                }
                throw e;
              }
            });
    try {
      if (!brand.equals(Brand.EMPTY)) {
        brands.updateTenant(tenantId, brand, actor); // refuses fields the reseller locks
      }
      String schema = TenantSchema.schemaFor(slug);
      Migrations.migrateTenant(tx.dataSource(), schema);
      distributeOnCitus(schema);
      tx.platform(
          c -> {
            if (request.adminEmail() != null) {
              long adminId =
                  UserDirectory.createUser(
                      c,
                      request.adminEmail(),
                      request.adminName(),
                      request.adminPassword(),
                      null,
                      null);
              UserDirectory.addMembership(c, adminId, tenantId, Role.ADMIN);
            }
            setStatus(c, tenantId, TenantStatus.ACTIVE);
            AuditLog.record(c, actor, slug, "tenant.create", slug, displayName);
            return null;
          });
    } catch (RuntimeException e) {
      // Undo the half-made tenant so the slug can be used again; keep the original error.
      try {
        dropTenant(slug, tenantId);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return tenants.bySlug(slug).orElseThrow();
  }

  public Tenant suspend(String slug, String actor) {
    return changeStatus(slug, TenantStatus.SUSPENDED, "tenant.suspend", actor);
  }

  public Tenant resume(String slug, String actor) {
    return changeStatus(slug, TenantStatus.ACTIVE, "tenant.resume", actor);
  }

  /**
   * Drops the tenant's schema and rows and deletes its files (GDPR erasure of the whole tenant);
   * audit entry kept.
   */
  public void delete(String slug, String actor) {
    Tenant tenant = require(slug);
    dropTenant(slug, tenant.id());
    erasedFiles.accept(slug);
    tx.platform(
        c -> {
          AuditLog.record(c, actor, slug, "tenant.delete", slug, tenant.displayName());
          return null;
        });
  }

  /** Told of a plan change inside the transaction that makes it (billing prorates from it). */
  @FunctionalInterface
  public interface PlanChangeListener {
    void changed(Connection c, long tenantId, String from, String to, Instant at, String actor)
        throws SQLException;
  }

  /** Billing's listener; by default nobody listens. */
  public TenantProvisioning onPlanChange(PlanChangeListener listener) {
    this.planChanges = listener;
    return this;
  }

  /**
   * Moves the tenant to another plan (a code the caller has checked against the billing plans, e.g.
   * TEAM); its seat limit follows, and billing prorates the month from the moment of the change.
   */
  public Tenant changePlan(String slug, String plan, String actor) {
    return setPlan(slug, plan, actor, true);
  }

  /** Puts a tenant just created on the plan it starts with: not a change, nothing to prorate. */
  public Tenant startOn(String slug, String plan, String actor) {
    return setPlan(slug, plan, actor, false);
  }

  private Tenant setPlan(String slug, String plan, String actor, boolean change) {
    if (plan == null || !plan.matches("[A-Z][A-Z0-9_]{1,29}")) {
      throw DomainException.invalid("plan", "Plan must be a plan code like TEAM.");
    }
    Tenant tenant = require(slug);
    tx.platform(
        c -> {
          String before;
          try (PreparedStatement ps =
              c.prepareStatement("select plan from tenants where id = ? for update")) {
            ps.setLong(1, tenant.id());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              before = rs.getString(1);
            }
          }
          if (before.equals(plan)) {
            return null;
          }
          try (PreparedStatement ps =
              c.prepareStatement("update tenants set plan = ?, updated_at = now() where id = ?")) {
            ps.setString(1, plan);
            ps.setLong(2, tenant.id());
            ps.executeUpdate();
          }
          AuditLog.record(c, actor, slug, "tenant.plan", slug, plan);
          if (change) {
            planChanges.changed(c, tenant.id(), before, plan, Instant.now(), actor);
          }
          return null;
        });
    return require(slug);
  }

  /** Renames the tenant (its display name). */
  public Tenant rename(String slug, String newDisplayName, String actor) {
    String name = displayName(newDisplayName);
    Tenant tenant = require(slug);
    tx.platform(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update tenants set display_name = ?, updated_at = now() where id = ?")) {
            ps.setString(1, name);
            ps.setLong(2, tenant.id());
            ps.executeUpdate();
          }
          AuditLog.record(c, actor, slug, "tenant.rename", slug, name);
          return null;
        });
    return require(slug);
  }

  public Tenant require(String slug) {
    return tenants
        .bySlug(slug)
        .orElseThrow(() -> DomainException.notFound("No tenant '" + slug + "'."));
  }

  private Tenant changeStatus(String slug, TenantStatus status, String action, String actor) {
    Tenant tenant = require(slug);
    tx.platform(
        c -> {
          setStatus(c, tenant.id(), status);
          AuditLog.record(c, actor, slug, action, slug, null);
          return null;
        });
    return require(slug);
  }

  private void dropTenant(String slug, long tenantId) {
    tx.platform(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + TenantSchema.schemaFor(slug) + " cascade");
          }
          try (PreparedStatement ps = c.prepareStatement("delete from tenants where id = ?")) {
            ps.setLong(1, tenantId);
            ps.executeUpdate();
          }
          Brands.purgeUnreferencedAssets(c);
          return null;
        });
  }

  /** The trimmed display name, or the 400 that create and rename give for it. */
  public static String displayName(String value) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid("displayName", "Display name is required.");
    }
    if (value.trim().length() > 80) {
      throw DomainException.invalid("displayName", "Display name must have at most 80 characters.");
    }
    return value.trim();
  }

  private static void setStatus(Connection c, long tenantId, TenantStatus status)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("update tenants set status = ?, updated_at = now() where id = ?")) {
      ps.setString(1, status.name());
      ps.setLong(2, tenantId);
      ps.executeUpdate();
    }
  }

  /** Schema-based sharding when the citus extension exists; otherwise a one-time log line. */
  private void distributeOnCitus(String schema) {
    tx.platform(
        c -> {
          boolean citus;
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("select 1 from pg_extension where extname = 'citus'")) {
            citus = rs.next();
          }
          if (!citus) {
            if (CITUS_ABSENCE_LOGGED.compareAndSet(false, true)) {
              LOG.info("citus extension not installed: tenant schemas stay on this node.");
            }
            return null;
          }
          try (PreparedStatement ps = c.prepareStatement("select citus_schema_distribute(?)")) {
            ps.setString(1, schema);
            ps.execute();
          }
          LOG.info("Distributed schema " + schema + " with Citus.");
          return null;
        });
  }
}
