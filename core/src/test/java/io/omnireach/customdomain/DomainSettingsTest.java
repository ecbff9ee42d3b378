package io.omnireach.customdomain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainSettingsTest {

  @Test
  void the_public_host_the_base_domain_and_names_under_it_are_reserved() {
    DomainSettings settings =
        new DomainSettings("App.OmniReach.example", "omnireach.example", Set.of("Admin.Host"));
    assertThat(settings.reserved("app.omnireach.example")).isTrue();
    assertThat(settings.reserved("omnireach.example")).isTrue();
    assertThat(settings.reserved("acme.omnireach.example")).isTrue();
    assertThat(settings.reserved("localhost")).isTrue();
    assertThat(settings.reserved("admin.host")).isTrue();
    assertThat(settings.reserved("app.customer.com")).isFalse();
    assertThat(settings.reserved("evilomnireach.example")).isFalse();
  }

  @Test
  void without_a_base_domain_only_the_listed_hosts_are_reserved() {
    DomainSettings settings = new DomainSettings("localhost", null, Set.of());
    assertThat(settings.baseDomain()).isNull();
    assertThat(settings.platformHosts()).containsExactly("localhost");
    assertThat(settings.reserved("acme.localhost.example")).isFalse();
  }
}
