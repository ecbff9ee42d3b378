package io.omnireach.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.tenant.TenantSchema;
import org.junit.jupiter.api.Test;

class NewTenantWizardTest {

  @Test
  void a_slug_is_suggested_from_the_name_in_the_form_tenants_accept() {
    assertThat(NewTenantWizard.slugFrom("Initech Ltd.")).isEqualTo("initech-ltd");
    assertThat(NewTenantWizard.slugFrom("Société Générale")).isEqualTo("societe-generale");
    assertThat(NewTenantWizard.slugFrom("  42 Bakers & Sons  ")).isEqualTo("bakers-sons");
    String longName = NewTenantWizard.slugFrom("The Very Long Company Name Of Northern Europe");
    assertThat(longName).hasSizeLessThanOrEqualTo(30).doesNotEndWith("-");
    assertThat(TenantSchema.requireValidSlug(longName)).isEqualTo(longName);
  }

  @Test
  void a_name_without_letters_suggests_nothing() {
    assertThat(NewTenantWizard.slugFrom("1234")).isEmpty();
    assertThat(NewTenantWizard.slugFrom(null)).isEmpty();
  }

  @Test
  void resellers_are_shown_by_their_initials() {
    assertThat(ResellersView.initials("Northwind Cloud")).isEqualTo("NC");
    assertThat(ResellersView.initials("fabrikam")).isEqualTo("F");
  }
}
