package io.omnireach.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.omnireach.common.DomainException;
import org.junit.jupiter.api.Test;

class BrandRulesTest {

  @Test
  void contrast_ratios_match_the_wcag_reference_values() {
    assertThat(BrandRules.contrastWithWhite("#000000")).isCloseTo(21.0, within(0.01));
    assertThat(BrandRules.contrastWithWhite("#ffffff")).isCloseTo(1.0, within(0.01));
    // #767676 is the classic lightest grey that passes AA on white (4.54:1)
    assertThat(BrandRules.contrastWithWhite("#767676")).isCloseTo(4.54, within(0.01));
    assertThat(BrandRules.contrastWithWhite("#777777")).isLessThan(4.5);
  }

  @Test
  void a_dark_enough_colour_passes_and_is_lower_cased() {
    assertThat(BrandRules.colour(BrandField.PRIMARY_COLOR, " #4F46E5 ")).isEqualTo("#4f46e5");
    assertThat(BrandRules.colour(BrandField.ACCENT_COLOR, "#767676")).isEqualTo("#767676");
    assertThat(BrandRules.colour(BrandField.ACCENT_COLOR, "")).isNull();
  }

  @Test
  void a_light_colour_is_refused_with_the_ratio_and_what_to_do() {
    assertThatThrownBy(() -> BrandRules.colour(BrandField.ACCENT_COLOR, "#0ea5e9"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
              assertThat(e.field()).isEqualTo("accentColor");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Accent colour #0ea5e9 is too light: white text on it has a contrast ratio"
                          + " of 2.77:1, WCAG AA needs at least 4.5:1. Choose a darker shade.");
            });
  }

  @Test
  void colours_that_are_not_six_digit_hex_are_refused() {
    for (String bad : new String[] {"red", "#fff", "#12345g", "4f46e5", "#4f46e5ff"}) {
      assertThatThrownBy(() -> BrandRules.colour(BrandField.PRIMARY_COLOR, bad))
          .hasMessageContaining("must be a hex colour like #4f46e5");
    }
  }

  @Test
  void urls_must_be_https_or_an_app_path_and_emails_must_look_like_emails() {
    assertThat(BrandRules.imageUrl(BrandField.LOGO, "/brand/acme.svg"))
        .isEqualTo("/brand/acme.svg");
    assertThat(BrandRules.imageUrl(BrandField.LOGO, "https://cdn.test/l.png"))
        .isEqualTo("https://cdn.test/l.png");
    for (String bad : new String[] {"http://cdn.test/l.png", "//evil.test/x", "javascript:x"}) {
      assertThatThrownBy(() -> BrandRules.imageUrl(BrandField.LOGO, bad))
          .hasFieldOrPropertyWithValue("field", "logoUrl");
    }
    assertThatThrownBy(() -> BrandRules.supportUrl("mailto:x@y.test"))
        .hasFieldOrPropertyWithValue("field", "supportUrl");
    assertThat(BrandRules.supportEmail(" Help@Acme.TEST ")).isEqualTo("help@acme.test");
    assertThatThrownBy(() -> BrandRules.supportEmail("nope"))
        .hasFieldOrPropertyWithValue("field", "supportEmail");
  }

  @Test
  void unchanged_fields_pass_even_when_stored_under_older_rules() {
    Brand stored = Brand.EMPTY.with(BrandField.PRIMARY_COLOR, "#0ea5e9");
    Brand next = BrandRules.validateChanges(stored, stored.with(BrandField.PRODUCT_NAME, "Acme"));
    assertThat(next.primaryColor()).isEqualTo("#0ea5e9");
    assertThatThrownBy(
            () ->
                BrandRules.validateChanges(
                    stored, stored.with(BrandField.PRIMARY_COLOR, "#38bdf8")))
        .hasFieldOrPropertyWithValue("field", "primaryColor");
  }
}
