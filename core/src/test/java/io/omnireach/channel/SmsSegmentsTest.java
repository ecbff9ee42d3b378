package io.omnireach.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.channel.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

  @Test
  void gsm7_fits_160_in_one_segment_and_153_per_part_beyond() {
    assertThat(SmsSegments.count("a".repeat(160)))
        .isEqualTo(new SmsSegments(Encoding.GSM_7, 160, 1));
    assertThat(SmsSegments.count("a".repeat(161)).segments()).isEqualTo(2);
    assertThat(SmsSegments.count("a".repeat(306)).segments()).isEqualTo(2);
    assertThat(SmsSegments.count("a".repeat(307)).segments()).isEqualTo(3);
    assertThat(SmsSegments.count("Hi Ana, ¿qué tal? Café at 10, £5 Ñ").encoding())
        .isEqualTo(Encoding.GSM_7);
  }

  @Test
  void extension_characters_take_two_septets() {
    // 158 letters + € (2 septets) = 160: one segment; one more character makes two
    assertThat(SmsSegments.count("a".repeat(158) + "€").segments()).isEqualTo(1);
    assertThat(SmsSegments.count("a".repeat(159) + "€").segments()).isEqualTo(2);
    assertThat(SmsSegments.count("[x]").units()).isEqualTo(5);
  }

  @Test
  void anything_outside_gsm7_switches_the_whole_text_to_ucs2() {
    assertThat(SmsSegments.count("Привет")).isEqualTo(new SmsSegments(Encoding.UCS_2, 6, 1));
    assertThat(SmsSegments.count("a".repeat(69) + "ç").segments())
        .as("ç is not GSM-7 (only Ç is)")
        .isEqualTo(1);
    assertThat(SmsSegments.count("a".repeat(70) + "ç").segments()).isEqualTo(2);
    // an emoji is two UTF-16 units
    assertThat(SmsSegments.count("👋" + "a".repeat(68)).units()).isEqualTo(70);
    assertThat(SmsSegments.count("a".repeat(134) + "😀").segments()).isEqualTo(3);
  }
}
