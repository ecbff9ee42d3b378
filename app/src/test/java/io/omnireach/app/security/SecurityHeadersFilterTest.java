package io.omnireach.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

  @Test
  void the_policy_allows_only_this_origin_and_the_configured_framers() {
    String policy = SecurityHeadersFilter.policy(" https://portal.example.com ");
    assertThat(policy)
        .startsWith("default-src 'self';")
        .contains("script-src 'self' 'unsafe-inline' 'unsafe-eval';", "object-src 'none';")
        .endsWith("frame-ancestors https://portal.example.com");
    assertThat(policy).doesNotContain("*");
  }

  @Test
  void hsts_names_the_max_age_and_subdomains_only_when_asked() {
    assertThat(SecurityHeadersFilter.hsts(31536000, false)).isEqualTo("max-age=31536000");
    assertThat(SecurityHeadersFilter.hsts(600, true)).isEqualTo("max-age=600; includeSubDomains");
  }

  @Test
  void the_redirect_goes_to_the_https_port_with_path_and_query_and_spares_probes() {
    assertThat(SecurityHeadersFilter.httpsUrl("sales.example.com", 443, "/login", "tenant=acme"))
        .isEqualTo("https://sales.example.com/login?tenant=acme");
    assertThat(SecurityHeadersFilter.httpsUrl("localhost", 9443, "/api/v1/leads", null))
        .isEqualTo("https://localhost:9443/api/v1/leads");
    assertThat(SecurityHeadersFilter.httpsUrl("::1", 9443, "/", null))
        .isEqualTo("https://[::1]:9443/");
    assertThat(SecurityHeadersFilter.probe("/health/ready")).isTrue();
    assertThat(SecurityHeadersFilter.probe("/metrics")).isTrue();
    assertThat(SecurityHeadersFilter.probe("/healthy-leads")).isFalse();
    assertThat(SecurityHeadersFilter.probe("/login")).isFalse();
  }
}
