package io.omnireach.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class InflateLimitFilterTest {

  static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void a_body_within_the_cap_is_inflated_whole() throws Exception {
    byte[] json = "{\"email\":\"a@b.test\"}".getBytes();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip(json)))) {
      assertThat(InflateLimitFilter.readAtMost(in, json.length)).isEqualTo(json);
    }
  }

  @Test
  void inflation_stops_as_soon_as_the_cap_is_passed() throws Exception {
    byte[] bomb = gzip(new byte[8 << 20]); // 8 MiB of zeros, a few KiB compressed
    assertThat(bomb.length).isLessThan(64 << 10);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bomb))) {
      assertThat(InflateLimitFilter.readAtMost(in, 1 << 20)).isNull();
    }
  }
}
