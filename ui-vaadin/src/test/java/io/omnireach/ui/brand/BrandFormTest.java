package io.omnireach.ui.brand;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.brand.Brand;
import io.omnireach.brand.BrandField;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** What the brand form hands to the brand service when saved. */
class BrandFormTest {

  static final Brand INHERITED =
      new Brand("Demo Reach", "/brand/demo.svg", null, "#1e3a8a", "#0f766e", "help@demo", null);

  static BrandForm form(Brand own, EnumSet<BrandField> editable) {
    return new BrandForm(
        own,
        INHERITED,
        editable,
        (field, bytes) -> {
          throw new AssertionError("no upload in this test");
        },
        message -> {});
  }

  @Test
  void untouched_fields_keep_inheriting_and_own_values_stay() {
    Brand own = new Brand("Acme Outreach", null, null, "#9d174d", null, null, null);
    Brand changes =
        form(
                own,
                EnumSet.of(
                    BrandField.PRODUCT_NAME,
                    BrandField.PRIMARY_COLOR,
                    BrandField.ACCENT_COLOR,
                    BrandField.SUPPORT_EMAIL,
                    BrandField.SUPPORT_URL))
            .changes();
    assertThat(changes.productName()).isEqualTo("Acme Outreach");
    assertThat(changes.primaryColor()).isEqualTo("#9d174d");
    // equal to the inherited colour: sent as "" so the layer keeps following its parent
    assertThat(changes.accentColor()).isEmpty();
    assertThat(changes.supportEmail()).isEmpty();
    assertThat(changes.supportUrl()).isEmpty();
  }

  @Test
  void fields_the_reseller_locks_are_never_sent() {
    Brand changes = form(Brand.EMPTY, EnumSet.of(BrandField.PRIMARY_COLOR)).changes();
    assertThat(changes.productName()).isNull();
    assertThat(changes.accentColor()).isNull();
    assertThat(changes.supportEmail()).isNull();
    assertThat(changes.supportUrl()).isNull();
    assertThat(changes.logoUrl()).isNull();
    assertThat(changes.primaryColor()).isEmpty();
  }
}
