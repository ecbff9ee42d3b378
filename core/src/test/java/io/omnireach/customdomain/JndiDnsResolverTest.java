package io.omnireach.customdomain;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.testing.FakeDnsZone;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JndiDnsResolverTest {

  static FakeDnsZone zone;
  static JndiDnsResolver dns;

  @BeforeAll
  static void start() throws Exception {
    zone = new FakeDnsZone(0);
    dns = new JndiDnsResolver(zone.address());
  }

  @AfterAll
  static void stop() {
    zone.close();
  }

  @Test
  void txt_values_are_read_whole_even_with_spaces_and_over_255_characters() throws Exception {
    String longValue = "v=".repeat(200);
    zone.txt("_x.zone.example", "abc123")
        .txt("_x.zone.example", "two words")
        .txt("_x.zone.example", longValue);
    assertThat(dns.txt("_x.zone.example"))
        .containsExactlyInAnyOrder("abc123", "two words", longValue);
  }

  @Test
  void an_unknown_name_has_no_txt_values() throws Exception {
    assertThat(dns.txt("nothing.zone.example")).isEmpty();
  }

  @Test
  void addresses_follow_cnames() throws Exception {
    zone.cname("www.zone.example", "edge.zone.example");
    zone.address("edge.zone.example", InetAddress.getByName("192.0.2.10"));
    zone.address("edge.zone.example", InetAddress.getByName("2001:db8::1"));
    assertThat(dns.addresses("www.zone.example"))
        .containsExactlyInAnyOrder(
            InetAddress.getByName("192.0.2.10"), InetAddress.getByName("2001:db8::1"));
    assertThat(dns.addresses("none.zone.example")).isEmpty();
  }

  @Test
  void a_dns_server_that_does_not_answer_is_a_failure_with_a_readable_message() throws Exception {
    FakeDnsZone silent = new FakeDnsZone(0);
    String address = silent.address();
    silent.close();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new JndiDnsResolver(address).txt("_x.zone.example"))
        .isInstanceOf(VerificationFailure.class)
        .hasMessageStartingWith("DNS look-up of _x.zone.example failed");
  }
}
