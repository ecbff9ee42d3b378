package io.omnireach.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  final TrustedProxies ingress = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, 2001:db8::/32");

  @Test
  void without_trusted_proxies_the_header_is_never_believed() {
    assertThat(TrustedProxies.NONE.clientAddress("10.1.2.3", List.of("1.2.3.4")))
        .isEqualTo("10.1.2.3");
    assertThat(TrustedProxies.parse("  ").clientAddress("127.0.0.1", List.of("1.2.3.4")))
        .isEqualTo("127.0.0.1");
  }

  @Test
  void a_forged_header_from_an_untrusted_peer_is_ignored() {
    assertThat(ingress.clientAddress("198.51.100.9", List.of("10.0.0.1")))
        .isEqualTo("198.51.100.9");
  }

  @Test
  void behind_the_ingress_the_rightmost_untrusted_hop_is_the_client() {
    // The client forged "6.6.6.6"; the ingress appended the address it saw.
    assertThat(ingress.clientAddress("10.0.0.5", List.of("6.6.6.6, 203.0.113.4")))
        .isEqualTo("203.0.113.4");
    // Two trusted proxies in a row, and the header split over two lines.
    assertThat(ingress.clientAddress("10.0.0.5", List.of("203.0.113.4", "192.168.1.7")))
        .isEqualTo("203.0.113.4");
    assertThat(ingress.clientAddress("2001:db8::1", List.of("2001:db9::42")))
        .isEqualTo("2001:db9::42");
  }

  @Test
  void a_missing_or_unreadable_header_leaves_the_nearest_believable_address() {
    assertThat(ingress.clientAddress("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
    assertThat(ingress.clientAddress("10.0.0.5", List.of("evil.example.com, 10.0.0.6")))
        .isEqualTo("10.0.0.6");
  }

  @Test
  void cidr_prefixes_match_bit_exactly() {
    TrustedProxies p = TrustedProxies.parse("172.16.0.0/12");
    assertThat(p.isTrusted("172.31.255.255")).isTrue();
    assertThat(p.isTrusted("172.32.0.1")).isFalse();
    assertThat(p.isTrusted("::ffff:172.16.0.1")).isTrue();
    assertThat(p.isTrusted("not-an-address")).isFalse();
  }

  @Test
  void a_bad_setting_is_refused_with_the_offending_entry() {
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, proxy.internal"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proxy.internal");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
