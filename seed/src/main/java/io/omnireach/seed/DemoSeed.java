package io.omnireach.seed;

import io.omnireach.brand.Brand;
import io.omnireach.brand.BrandField;
import io.omnireach.brand.Brands;
import io.omnireach.dashboard.ActivityFeed;
import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import io.omnireach.provisioning.NewTenant;
import io.omnireach.provisioning.Resellers;
import io.omnireach.provisioning.TenantProvisioning;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.user.PasswordHasher;
import io.omnireach.user.Role;
import io.omnireach.user.UserDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the demo reseller, tenants and users. Idempotent: running it again resets the demo
 * passwords and adds nothing twice. Dev mode only: these credentials are public.
 */
public final class DemoSeed {

  public static final String PASSWORD = "omnireach-demo";
  private static final String ACTOR = "seed";

  private record DemoUser(String email, String name, Role role, String tenant) {}

  private static final List<DemoUser> USERS =
      List.of(
          new DemoUser("owner@omnireach.demo", "Olivia Owner", Role.OWNER, null),
          new DemoUser("reseller@omnireach.demo", "Rex Reseller", Role.RESELLER, null),
          new DemoUser("admin@acme.demo", "Ada Admin", Role.ADMIN, "acme"),
          new DemoUser("sales@acme.demo", "Sam Sales", Role.SALES, "acme"),
          new DemoUser("viewer@acme.demo", "Vic Viewer", Role.VIEWER, "acme"),
          new DemoUser("finance@acme.demo", "Fay Finance", Role.FINANCE, "acme"),
          new DemoUser("admin@globex.demo", "Gina Globex", Role.ADMIN, "globex"));

  private final Transactions tx;
  private final Clock clock;

  public DemoSeed(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /** Loads everything; returns one line per thing created or refreshed. */
  public List<String> load() {
    List<String> log = new ArrayList<>();
    Migrations.migratePlatform(tx.dataSource());
    long resellerId = new Resellers(tx).ensure("demo", "Demo Reseller", ACTOR);
    brandDemoReseller(resellerId);
    log.add("reseller demo (brand Demo Reach)");
    TenantProvisioning provisioning = new TenantProvisioning(tx);
    TenantDirectory tenants = new TenantDirectory(tx);
    Tenant acme =
        ensureTenant(
            provisioning,
            tenants,
            new NewTenant(
                "acme", "Acme Demo", "/brand/acme.svg", "#4f46e5", resellerId, null, null, null),
            log);
    Tenant globex =
        ensureTenant(
            provisioning,
            tenants,
            new NewTenant(
                "globex",
                "Globex Corporation",
                "/brand/globex.svg",
                "#0f766e",
                resellerId,
                null,
                null,
                null),
            log);
    log.add("leads: " + new LeadSeed(tx, clock).load(acme.ref()) + " added to acme");
    for (DemoUser u : USERS) {
      Tenant tenant =
          "acme".equals(u.tenant()) ? acme : "globex".equals(u.tenant()) ? globex : null;
      ensureUser(u, tenant, resellerId);
      log.add("user " + u.email() + " (" + u.role().label() + ")");
    }
    log.addAll(new PersonaSeed(tx, clock).load(acme.ref()));
    log.addAll(new WorkflowSeed(tx, clock).load(acme.ref()));
    return log;
  }

  /** The Demo Reseller's brand; its tenants keep their own logo and colour (allowed overrides). */
  private void brandDemoReseller(long resellerId) {
    Brands brands = new Brands(tx);
    brands.updateReseller(
        resellerId,
        new Brand(
            "Demo Reach",
            null,
            null,
            "#1e3a8a",
            "#0f766e",
            "support@omnireach.demo",
            "https://omnireach.demo/help"),
        ACTOR);
    try (InputStream logo = DemoSeed.class.getResourceAsStream("/seed/brand/demo-reseller.svg")) {
      brands.uploadResellerImage(resellerId, BrandField.LOGO, logo.readAllBytes(), ACTOR);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Tenant ensureTenant(
      TenantProvisioning provisioning, TenantDirectory tenants, NewTenant spec, List<String> log) {
    Optional<Tenant> existing = tenants.bySlug(spec.slug());
    if (existing.isPresent()) {
      // keep the schema up to date with the template when the seed runs on an old database
      Migrations.migrateTenant(tx.dataSource(), existing.get().ref().schema());
      log.add("tenant " + spec.slug() + " (exists)");
      return existing.get();
    }
    Tenant created = provisioning.create(spec, ACTOR);
    new ActivityFeed(tx, clock)
        .record(created.ref(), "seed", "TENANT", created.displayName() + " workspace created");
    log.add("tenant " + spec.slug() + " (created)");
    return created;
  }

  private void ensureUser(DemoUser u, Tenant tenant, long resellerId) {
    Role platformRole = u.role().isTenantRole() ? null : u.role();
    Long reseller = u.role() == Role.RESELLER ? resellerId : null;
    tx.platform(
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement("select id from users where lower(email) = ?")) {
            ps.setString(1, u.email());
            try (ResultSet rs = ps.executeQuery()) {
              id = rs.next() ? rs.getLong(1) : 0;
            }
          }
          if (id == 0) {
            id = UserDirectory.createUser(c, u.email(), u.name(), PASSWORD, platformRole, reseller);
          } else {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "update users set password_hash = ?, platform_role = ?, reseller_id = ?"
                        + " where id = ?")) {
              ps.setString(1, PasswordHasher.hash(PASSWORD));
              ps.setString(2, platformRole == null ? null : platformRole.name());
              ps.setObject(3, reseller);
              ps.setLong(4, id);
              ps.executeUpdate();
            }
          }
          if (tenant != null) {
            UserDirectory.addMembership(c, id, tenant.id(), u.role());
          }
          return null;
        });
  }
}
