package io.omnireach.customdomain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {

  @ParameterizedTest
  @CsvSource({
    "app.customer.com, app.customer.com",
    "  App.Customer.COM.  , app.customer.com",
    "customer.io, customer.io",
    "münchen.example, xn--mnchen-3ya.example",
    "a-1.b-2.example, a-1.b-2.example"
  })
  void a_custom_domain_is_stored_in_lower_case_ascii_without_the_trailing_dot(
      String input, String expected) {
    assertThat(HostNames.customDomain("host", input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "customer",
        "customer.",
        "10.0.0.1",
        "127.0.0.1",
        "[::1]",
        "::1",
        "app.customer.com:8443",
        "https://app.customer.com",
        "app.customer.com/login",
        "*.customer.com",
        "-app.customer.com",
        "app-.customer.com",
        "app..customer.com",
        "app_1.customer.com",
        "app customer.com",
        "localhost",
        "app.localhost"
      })
  void what_is_not_a_public_dns_name_is_refused_with_the_field_named(String input) {
    assertThatThrownBy(() -> HostNames.customDomain("host", input))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
              assertThat(e.field()).isEqualTo("host");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a.example",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example"
      })
  void labels_up_to_63_characters_are_accepted(String input) {
    assertThat(HostNames.customDomain("host", input)).isEqualTo(input);
  }

  @org.junit.jupiter.api.Test
  void over_long_labels_and_names_are_refused() {
    String longLabel = "a".repeat(64) + ".example";
    String longName = "abcdefghi.".repeat(25) + "example"; // 257 characters
    assertThatThrownBy(() -> HostNames.customDomain("host", longLabel))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> HostNames.customDomain("host", longName))
        .isInstanceOf(DomainException.class);
    assertThat(HostNames.customDomain("host", "abcdefghi.".repeat(24) + "example")).hasSize(247);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "app.customer.com, app.customer.com",
        "APP.Customer.com:443, app.customer.com",
        "app.customer.com., app.customer.com",
        "localhost:9080, localhost",
        "[::1]:9080, NULL",
        "::1, NULL",
        "evil.example/x, NULL",
        "NULL, NULL",
        "'', NULL"
      })
  void a_host_header_is_reduced_to_its_lower_case_host_or_nothing(String header, String host) {
    assertThat(HostNames.fromHeader(header)).isEqualTo(host);
  }
}
