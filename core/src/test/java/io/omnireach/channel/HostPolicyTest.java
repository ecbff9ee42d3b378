package io.omnireach.channel;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The production SSRF guard (private hosts not allowed) on literal addresses: no DNS involved. */
class HostPolicyTest {

  private final HostPolicy strict = new HostPolicy(false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "10.1.2.3",
        "169.254.169.254",
        "[::1]",
        "::ffff:127.0.0.1", // IPv4-mapped
        "[::ffff:10.0.0.5]",
        "::ffff:169.254.169.254",
        "::127.0.0.1", // IPv4-compatible (deprecated, still routed by some stacks)
        "::10.0.0.5",
        "::ffff:0:127.0.0.1", // SIIT IPv4-translated
        "64:ff9b::127.0.0.1", // NAT64 well-known prefix
        "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254 (cloud metadata)
        "64:ff9b:1::10.0.0.5", // NAT64 local-use prefix (RFC 8215)
        "2002:7f00:1::", // 6to4 of 127.0.0.1
        "2002:a9fe:a9fe::1", // 6to4 of 169.254.169.254
        "2002:c0a8:0001::", // 6to4 of 192.168.0.1
        "2001:0:4136:e378:8000:63bf:80ff:fffe", // Teredo: client 127.0.0.1 (obfuscated)
        "::", // unspecified
        "fd00::1", // unique local
      })
  void internal_addresses_are_refused_in_every_ipv6_form_that_embeds_ipv4(String host) {
    assertThatThrownBy(() -> strict.check("host", host))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("internal address");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.215.14",
        "::ffff:93.184.215.14",
        "64:ff9b::93.184.215.14",
        "2002:5db8:d70e::1",
        "2606:4700:4700::1111"
      })
  void public_addresses_pass_also_when_embedded_in_ipv6(String host) {
    assertThatCode(() -> strict.check("host", host)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"::ffff:127.0.0.1", "64:ff9b::127.0.0.1", "2002:7f00:1::"})
  void the_operator_may_allow_private_hosts(String host) {
    assertThatCode(() -> new HostPolicy(true).check("host", host)).doesNotThrowAnyException();
  }
}
