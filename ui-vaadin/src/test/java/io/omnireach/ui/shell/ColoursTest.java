package io.omnireach.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColoursTest {

  @Test
  void contrast_follows_wcag_from_black_on_white_to_equal_colours() {
    assertThat(Colours.contrast("#000000", "#ffffff")).isCloseTo(21.0, within());
    assertThat(Colours.contrast("#ffffff", "#000000")).isCloseTo(21.0, within());
    assertThat(Colours.contrast("#6d28d9", "#6d28d9")).isCloseTo(1.0, within());
  }

  @Test
  void a_dark_brand_colour_gets_a_lighter_tint_that_reads_on_the_dark_surface() {
    String navy = "#1e1b4b";
    assertThat(Colours.contrast(navy, Branding.DARK_SURFACE)).isLessThan(4.5);
    String tint = Colours.readableOn(navy, Branding.DARK_SURFACE);
    assertThat(Colours.contrast(tint, Branding.DARK_SURFACE)).isGreaterThanOrEqualTo(4.5);
    assertThat(Colours.luminance(tint)).isGreaterThan(Colours.luminance(navy));
  }

  @Test
  void a_colour_already_readable_on_dark_backgrounds_is_kept() {
    assertThat(Colours.readableOn("#fbbf24", Branding.DARK_SURFACE)).isEqualTo("#fbbf24");
  }

  @Test
  void only_six_digit_hex_colours_are_colours() {
    assertThat(Colours.isHex("#0F766e")).isTrue();
    assertThat(Colours.isHex("#fff")).isFalse();
    assertThat(Colours.isHex("red")).isFalse();
    assertThat(Colours.isHex(null)).isFalse();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.01);
  }
}
