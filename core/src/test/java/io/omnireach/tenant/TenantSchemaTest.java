package io.omnireach.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSchemaTest {

  @Test
  void a_slug_maps_to_a_schema_with_underscores() {
    assertThat(TenantSchema.schemaFor("acme-eu")).isEqualTo("tenant_acme_eu");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ab", "Acme", "1acme", "acme--eu", "acme-", "acme_eu", "a b c", "acme;drop"})
  void bad_slugs_are_refused_with_a_reason_naming_the_field(String slug) {
    assertThatThrownBy(() -> TenantSchema.requireValidSlug(slug))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("invalid")
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("slug");
  }

  @Test
  void reserved_slugs_are_refused() {
    assertThatThrownBy(() -> TenantSchema.requireValidSlug("platform"))
        .hasMessageContaining("reserved");
  }
}
