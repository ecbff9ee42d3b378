package io.omnireach.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.auth.Authenticator;
import io.omnireach.auth.LoginThrottle;
import io.omnireach.brand.Brand;
import io.omnireach.brand.BrandField;
import io.omnireach.brand.BrandResolver;
import io.omnireach.brand.Brands;
import io.omnireach.common.DomainException;
import io.omnireach.dashboard.ActivityFeed;
import io.omnireach.reseller.Reseller;
import io.omnireach.reseller.ResellerDirectory;
import io.omnireach.reseller.ResellerStatus;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.testing.TestDatabase;
import io.omnireach.user.Role;
import io.omnireach.user.UserDirectory;
import java.time.Clock;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResellersTest {

  static TestDatabase db;
  static Resellers resellers;
  static TenantProvisioning provisioning;
  static Authenticator authenticator;

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated();
    resellers = new Resellers(db.transactions());
    provisioning = new TenantProvisioning(db.transactions());
    Clock clock = Clock.systemUTC();
    authenticator =
        new Authenticator(
            new UserDirectory(db.transactions()),
            new ActivityFeed(db.transactions(), clock),
            LoginThrottle.standard(clock),
            clock,
            outcome -> {},
            new ResellerDirectory(db.transactions()),
            new io.omnireach.audit.AuditLog(db.transactions()));
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static NewReseller reseller(String slug, String email, Brand brand) {
    return new NewReseller(
        slug,
        "Reseller " + slug,
        "white_label",
        brand,
        null,
        email,
        "First Reseller",
        "long-enough-pw");
  }

  @Test
  void a_new_reseller_gets_its_plan_brand_and_a_first_user_who_signs_in_as_reseller() {
    Reseller r =
        resellers.create(
            reseller(
                "northwind",
                "rex@northwind.test",
                Brand.EMPTY.with(BrandField.PRODUCT_NAME, "Northwind Reach")),
            "owner@test");
    assertThat(r.status()).isEqualTo(ResellerStatus.ACTIVE);
    assertThat(r.wholesalePlan()).isEqualTo("WHITE_LABEL");
    assertThat(new BrandResolver(db.transactions()).forReseller(r.id()).brand().productName())
        .isEqualTo("Northwind Reach");
    var user = authenticator.authenticate("rex@northwind.test", "long-enough-pw", null, "10.0.0.1");
    assertThat(user.roles()).containsExactly(Role.RESELLER);
    assertThat(user.resellerId()).isEqualTo(r.id());
  }

  @Test
  void a_refused_brand_or_a_taken_slug_stores_nothing() {
    assertThatThrownBy(
            () ->
                resellers.create(
                    reseller(
                        "pale",
                        "p@pale.test",
                        Brand.EMPTY.with(BrandField.PRIMARY_COLOR, "#fde68a")),
                    "owner@test"))
        .hasFieldOrPropertyWithValue("field", "primaryColor")
        .hasMessageContaining("too light");
    assertThat(new ResellerDirectory(db.transactions()).bySlug("pale")).isEmpty();
    assertThat(new UserDirectory(db.transactions()).credentials("p@pale.test")).isEmpty();

    resellers.create(reseller("twice", "a@twice.test", null), "owner@test");
    assertThatThrownBy(
            () -> resellers.create(reseller("twice", "b@twice.test", null), "owner@test"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
    assertThat(new UserDirectory(db.transactions()).credentials("b@twice.test")).isEmpty();
  }

  @Test
  void suspending_a_reseller_stops_its_users_and_its_tenants_users_until_it_is_resumed() {
    Reseller r = resellers.create(reseller("umbra", "rex@umbra.test", null), "owner@test");
    Tenant t =
        provisioning.create(
            new NewTenant(
                "umbra-co",
                "Umbra Co",
                null,
                null,
                r.id(),
                "ada@umbra-co.test",
                "Ada",
                "long-enough-pw"),
            "rex@umbra.test");
    assertThat(
            authenticator
                .authenticate("ada@umbra-co.test", "long-enough-pw", null, "10.0.0.2")
                .tenant()
                .slug())
        .isEqualTo(t.slug());

    assertThat(resellers.suspend(r.id(), "owner@test").status())
        .isEqualTo(ResellerStatus.SUSPENDED);
    for (String email : new String[] {"rex@umbra.test", "ada@umbra-co.test"}) {
      assertThatThrownBy(
              () -> authenticator.authenticate(email, "long-enough-pw", null, "10.0.0.2"))
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN))
          .hasMessageContaining("reseller is suspended");
    }

    resellers.resume(r.id(), "owner@test");
    assertThat(
            authenticator
                .authenticate("ada@umbra-co.test", "long-enough-pw", null, "10.0.0.2")
                .tenant())
        .isNotNull();
  }

  @Test
  void a_tenant_created_with_a_colour_its_reseller_locks_is_refused_and_leaves_nothing() {
    Reseller r = resellers.create(reseller("lockco", "rex@lockco.test", null), "owner@test");
    new Brands(db.transactions())
        .updatePolicy(r.id(), null, EnumSet.noneOf(BrandField.class), "owner@test");
    assertThatThrownBy(
            () ->
                provisioning.create(
                    new NewTenant(
                        "lock-t",
                        "Lock T",
                        null,
                        "#1e3a8a",
                        r.id(),
                        "a@lock-t.test",
                        "A",
                        "long-enough-pw"),
                    "rex@lockco.test"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
    assertThat(new TenantDirectory(db.transactions()).bySlug("lock-t")).isEmpty();
  }

  @Test
  void renaming_and_changing_the_wholesale_plan_keep_what_is_not_given() {
    Reseller r = resellers.create(reseller("renamer", "rex@renamer.test", null), "owner@test");
    Reseller renamed = resellers.update(r.id(), "Renamer Ltd", null, "owner@test");
    assertThat(renamed.name()).isEqualTo("Renamer Ltd");
    assertThat(renamed.wholesalePlan()).isEqualTo("WHITE_LABEL");
    assertThatThrownBy(() -> resellers.update(r.id(), null, "gold plan!", "owner@test"))
        .hasFieldOrPropertyWithValue("field", "wholesalePlan");
  }
}
