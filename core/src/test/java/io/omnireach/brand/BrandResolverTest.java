package io.omnireach.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import io.omnireach.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The resolver and the brand store on a real PostgreSQL database. */
class BrandResolverTest {

  static TestDatabase db;
  static Brands brands;
  static BrandResolver resolver;

  @BeforeAll
  static void database() {
    db = TestDatabase.migrated();
    brands = new Brands(db.transactions());
    resolver = new BrandResolver(brands);
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void layers_resolve_platform_then_reseller_then_only_the_allowed_tenant_overrides() {
    ResellerBrand reseller =
        new ResellerBrand(
            1,
            new Brand("Outreach Pro", null, null, "#1e3a8a", null, "help@pro.test", null),
            new BrandPolicy(false, EnumSet.of(BrandField.LOGO, BrandField.ACCENT_COLOR)));
    Brand tenant = new Brand("Ignored Name", "/t.png", null, "#000000", "#7c2d12", null, null);

    EffectiveBrand effective = BrandResolver.resolve(Optional.of(reseller), tenant);

    assertThat(effective.brand())
        .isEqualTo(
            new Brand(
                "Outreach Pro",
                "/t.png",
                null,
                "#1e3a8a",
                "#7c2d12",
                "help@pro.test",
                Brand.PLATFORM_DEFAULT.supportUrl()));
    assertThat(effective.sources())
        .containsEntry(BrandField.PRODUCT_NAME, BrandSource.RESELLER)
        .containsEntry(BrandField.LOGO, BrandSource.TENANT)
        .containsEntry(BrandField.PRIMARY_COLOR, BrandSource.RESELLER)
        .containsEntry(BrandField.ACCENT_COLOR, BrandSource.TENANT)
        .containsEntry(BrandField.SUPPORT_URL, BrandSource.PLATFORM);
    assertThat(effective.showPoweredBy()).isFalse();
    assertThat(effective.tenantOverridable())
        .containsExactly(BrandField.LOGO, BrandField.ACCENT_COLOR);
  }

  @Test
  void a_tenant_without_a_reseller_may_override_everything_and_shows_powered_by() {
    EffectiveBrand effective =
        BrandResolver.resolve(Optional.empty(), Brand.EMPTY.with(BrandField.PRODUCT_NAME, "Solo"));
    assertThat(effective.brand().productName()).isEqualTo("Solo");
    assertThat(effective.brand().primaryColor()).isEqualTo(Brand.PLATFORM_DEFAULT.primaryColor());
    assertThat(effective.showPoweredBy()).isTrue();
    assertThat(effective.tenantOverridable()).containsExactly(BrandField.values());
  }

  @Test
  void a_stored_reseller_brand_and_tenant_overrides_resolve_from_the_database() throws Exception {
    long resellerId =
        insert("insert into platform.resellers (slug, name) values ('rs-one', 'R1') returning id");
    long tenantId = tenant("t-one", resellerId);
    brands.updateReseller(
        resellerId,
        Brand.EMPTY
            .with(BrandField.PRODUCT_NAME, "SalesCloud")
            .with(BrandField.PRIMARY_COLOR, "#14532D"),
        "owner");
    brands.updateTenant(tenantId, Brand.EMPTY.with(BrandField.PRIMARY_COLOR, "#7f1d1d"), "admin");

    EffectiveBrand effective = resolver.forTenant(tenantId);
    assertThat(effective.brand().productName()).isEqualTo("SalesCloud");
    assertThat(effective.brand().primaryColor()).isEqualTo("#7f1d1d");
    assertThat(resolver.forTenantSlug("t-one")).contains(effective);
    assertThat(resolver.forTenantSlug("no-such")).isEmpty();
    assertThat(resolver.forReseller(resellerId).brand().primaryColor()).isEqualTo("#14532d");

    // the reseller takes primary colour back: the stored override stays but no longer shows
    brands.updatePolicy(resellerId, null, EnumSet.of(BrandField.LOGO), "owner");
    assertThat(resolver.forTenant(tenantId).brand().primaryColor()).isEqualTo("#14532d");
    assertThat(brands.tenantOverrides(tenantId).primaryColor()).isEqualTo("#7f1d1d");
  }

  @Test
  void a_tenant_cannot_change_a_locked_field_but_may_send_it_back_unchanged() throws Exception {
    long resellerId =
        insert("insert into platform.resellers (slug, name) values ('rs-lock', 'RL') returning id");
    long tenantId = tenant("t-lock", resellerId);
    brands.updateTenant(tenantId, Brand.EMPTY.with(BrandField.PRIMARY_COLOR, "#1e3a8a"), "admin");
    brands.updatePolicy(resellerId, null, EnumSet.of(BrandField.LOGO), "owner");

    assertThatThrownBy(
            () ->
                brands.updateTenant(
                    tenantId, Brand.EMPTY.with(BrandField.ACCENT_COLOR, "#1e3a8a"), "admin"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
              assertThat(e.field()).isEqualTo("accentColor");
            });
    Brand roundTrip = brands.tenantOverrides(tenantId).with(BrandField.LOGO, "/brand/t.svg");
    assertThat(brands.replaceTenantOverrides(tenantId, roundTrip, "admin").logoUrl())
        .isEqualTo("/brand/t.svg");
    // PUT without the locked colour would clear it: that is a change, so it is refused too
    assertThatThrownBy(
            () ->
                brands.replaceTenantOverrides(
                    tenantId, Brand.EMPTY.with(BrandField.LOGO, "/x.svg"), "admin"))
        .hasFieldOrPropertyWithValue("field", "primaryColor");
    assertThat(brands.tenantOverrides(tenantId).logoUrl()).isEqualTo("/brand/t.svg");
  }

  @Test
  void an_uploaded_logo_gets_a_content_addressed_url_and_old_uploads_are_purged() throws Exception {
    long resellerId =
        insert("insert into platform.resellers (slug, name) values ('rs-img', 'RI') returning id");
    byte[] first = BrandImagesTest.PNG;
    byte[] second = java.util.Arrays.copyOf(BrandImagesTest.PNG, 20);
    String url1 =
        brands.uploadResellerImage(resellerId, BrandField.LOGO, first, "owner").brand().logoUrl();
    assertThat(url1).matches("/brand-assets/[0-9a-f]{64}\\.png");
    String sha1 = url1.substring("/brand-assets/".length(), url1.length() - 4);
    assertThat(brands.asset(sha1)).hasValueSatisfying(a -> assertThat(a.bytes()).isEqualTo(first));

    String url2 =
        brands.uploadResellerImage(resellerId, BrandField.LOGO, second, "owner").brand().logoUrl();
    assertThat(url2).isNotEqualTo(url1);
    assertThat(brands.asset(sha1)).isEmpty();
    assertThat(brands.asset("../../etc/passwd")).isEmpty();
  }

  private static long tenant(String slug, long resellerId) throws Exception {
    return insert(
        "insert into platform.tenants (slug, display_name, reseller_id, status) values ('"
            + slug
            + "', '"
            + slug
            + "', "
            + resellerId
            + ", 'ACTIVE') returning id");
  }

  private static long insert(String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
