package io.omnireach.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.meeting.CalendlySignature.Result;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CalendlySignatureTest {

  static final String KEY = "sign-me-with-this-key-0123456789";
  static final byte[] BODY =
      "{\"event\":\"invitee.created\",\"payload\":{\"email\":\"a@b.example\"}}"
          .getBytes(StandardCharsets.UTF_8);
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final Duration TOL = CalendlySignature.TOLERANCE;

  @Test
  void a_header_made_with_the_key_over_t_dot_body_is_valid() {
    String h = CalendlySignature.header(KEY, NOW.getEpochSecond(), BODY);
    assertThat(h).matches("t=\\d+,v1=[0-9a-f]{64}");
    assertThat(CalendlySignature.verify(h, BODY, KEY, NOW, TOL)).isEqualTo(Result.VALID);
    // spaces after the comma, as some proxies write headers
    assertThat(CalendlySignature.verify(h.replace(",", ", "), BODY, KEY, NOW, TOL))
        .isEqualTo(Result.VALID);
  }

  @Test
  void the_known_vector_matches_an_independent_hmac() throws Exception {
    // HMAC-SHA256("key", "1700000000.{}") computed with javax.crypto directly
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec("key".getBytes(StandardCharsets.UTF_8), "x"));
    String hex =
        java.util.HexFormat.of()
            .formatHex(mac.doFinal("1700000000.{}".getBytes(StandardCharsets.UTF_8)));
    assertThat(CalendlySignature.header("key", 1_700_000_000L, "{}".getBytes()))
        .isEqualTo("t=1700000000,v1=" + hex);
  }

  @Test
  void another_key_a_changed_body_or_a_changed_timestamp_is_a_mismatch() {
    long t = NOW.getEpochSecond();
    String h = CalendlySignature.header(KEY, t, BODY);
    assertThat(CalendlySignature.verify(h, BODY, "another-key-0123456789", NOW, TOL))
        .isEqualTo(Result.MISMATCH);
    byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("a@b", "x@b").getBytes();
    assertThat(CalendlySignature.verify(h, changed, KEY, NOW, TOL)).isEqualTo(Result.MISMATCH);
    String moved = h.replace("t=" + t, "t=" + (t - 1));
    assertThat(CalendlySignature.verify(moved, BODY, KEY, NOW, TOL)).isEqualTo(Result.MISMATCH);
  }

  @Test
  void a_signature_outside_the_window_either_way_is_stale_inside_it_valid() {
    long t = NOW.getEpochSecond();
    String old = CalendlySignature.header(KEY, t - 181, BODY);
    String edge = CalendlySignature.header(KEY, t - 180, BODY);
    String ahead = CalendlySignature.header(KEY, t + 181, BODY);
    assertThat(CalendlySignature.verify(old, BODY, KEY, NOW, TOL)).isEqualTo(Result.STALE);
    assertThat(CalendlySignature.verify(edge, BODY, KEY, NOW, TOL)).isEqualTo(Result.VALID);
    assertThat(CalendlySignature.verify(ahead, BODY, KEY, NOW, TOL)).isEqualTo(Result.STALE);
  }

  @Test
  void missing_or_malformed_headers_are_malformed() {
    String v1 = "0".repeat(64);
    for (String h :
        new String[] {
          null,
          "",
          "v1=" + v1,
          "t=123",
          "t=abc,v1=" + v1,
          "t=123,v1=xyz",
          "t=123,v1=" + "0".repeat(63),
          "t=123;v1=" + v1,
          "garbage"
        }) {
      assertThat(CalendlySignature.verify(h, BODY, KEY, NOW, TOL))
          .as(h)
          .isEqualTo(Result.MALFORMED);
    }
  }
}
