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
}
