package io.omnireach.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BrandImagesTest {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

  @Test
  void the_type_comes_from_the_magic_bytes() {
    assertThat(BrandImages.check(BrandField.LOGO, PNG).mediaType()).isEqualTo("image/png");
    assertThat(
            BrandImages.check(
                    BrandField.LOGO, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0})
                .mediaType())
        .isEqualTo("image/jpeg");
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(BrandImages.check(BrandField.LOGO, webp).mediaType()).isEqualTo("image/webp");
    assertThat(BrandImages.check(BrandField.FAVICON, new byte[] {0, 0, 1, 0, 1, 0}).mediaType())
        .isEqualTo("image/x-icon");
    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
    assertThat(BrandImages.check(BrandField.LOGO, svg).mediaType()).isEqualTo("image/svg+xml");
  }

  @Test
  void anything_else_is_refused_whatever_it_claims_to_be() {
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> BrandImages.check(BrandField.LOGO, html))
        .hasMessageContaining("PNG, JPEG, WebP, ICO or SVG");
    byte[] gif = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> BrandImages.check(BrandField.FAVICON, gif))
        .hasFieldOrPropertyWithValue("field", "faviconUrl");
    assertThatThrownBy(() -> BrandImages.check(BrandField.LOGO, new byte[0]))
        .hasMessageContaining("empty");
  }

  @Test
  void oversized_files_are_refused_as_too_large() {
    byte[] big = new byte[BrandImages.MAX_FAVICON_BYTES + 1];
    System.arraycopy(PNG, 0, big, 0, PNG.length);
    assertThatThrownBy(() -> BrandImages.check(BrandField.FAVICON, big))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.PAYLOAD_TOO_LARGE))
        .hasMessageContaining("at most 128 KB");
    assertThat(BrandImages.check(BrandField.LOGO, big).mediaType()).isEqualTo("image/png");
  }
}
