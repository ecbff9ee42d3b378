package io.omnireach.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompaniesTest {

  @Test
  void a_work_email_gives_its_registrable_domain() {
    assertThat(Companies.workDomain("Jane.Doe@Globex.COM")).isEqualTo("globex.com");
    assertThat(Companies.workDomain("jane@eu.mail.globex.com")).isEqualTo("globex.com");
    assertThat(Companies.workDomain("jane@shop.acme.co.uk")).isEqualTo("acme.co.uk");
    assertThat(Companies.workDomain("jane@acme.co.uk")).isEqualTo("acme.co.uk");
    assertThat(Companies.workDomain("jane@initech.com.au")).isEqualTo("initech.com.au");
    assertThat(Companies.workDomain("jane@www.globex.com.")).isEqualTo("globex.com");
    // a three-letter country-code-like label is not a second level: keep two labels
    assertThat(Companies.workDomain("jane@team.com.example")).isEqualTo("com.example");
    assertThat(Companies.workDomain("jane@bücher.de")).isEqualTo("xn--bcher-kva.de");
    assertThat(Companies.workDomain("jane@BÜCHER.de")).isEqualTo("xn--bcher-kva.de");
    // a DNS label holds at most 63 characters, plain or converted
    assertThat(Companies.workDomain("jane@" + "a".repeat(63) + ".com")).isNotNull();
    assertThat(Companies.workDomain("jane@" + "a".repeat(64) + ".com")).isNull();
    assertThat(Companies.workDomain("jane@" + "ü".repeat(64) + ".com")).isNull();
  }

  @Test
  void free_mail_and_unusable_addresses_give_no_domain() {
    assertThat(Companies.workDomain("someone@gmail.com")).isNull();
    assertThat(Companies.workDomain("someone@GoogleMail.com")).isNull();
    assertThat(Companies.workDomain("someone@yahoo.co.uk")).isNull();
    assertThat(Companies.workDomain("someone@localhost")).isNull();
    assertThat(Companies.workDomain("no-at-sign")).isNull();
    assertThat(Companies.workDomain(null)).isNull();
  }

  @Test
  void company_names_are_matched_without_case_accents_punctuation_or_legal_form() {
    assertThat(Companies.nameKey("Globex, Inc.")).isEqualTo("globex");
    assertThat(Companies.nameKey("GLOBEX Corporation")).isEqualTo("globex");
    assertThat(Companies.nameKey("  globex  ")).isEqualTo("globex");
    assertThat(Companies.nameKey("Société Générale S.A.")).isEqualTo("societe generale");
    assertThat(Companies.nameKey("Müller GmbH & Co. KG")).isEqualTo("muller");
    assertThat(Companies.nameKey("Johnson & Johnson")).isEqualTo("johnson and johnson");
    assertThat(Companies.nameKey("Ltd")).isEqualTo("ltd"); // a name is never emptied
    assertThat(Companies.nameKey(" ,. ")).isNull();
    assertThat(Companies.nameKey(null)).isNull();
  }

  @Test
  void the_key_prefers_the_work_domain_and_falls_back_to_the_name() {
    assertThat(Companies.of("jane@globex.com", "Globex Corporation"))
        .isEqualTo(new Companies.Key("globex.com", "Globex Corporation", "globex", true));
    // no company name: named after the domain
    assertThat(Companies.of("jane@globex.com", null))
        .isEqualTo(new Companies.Key("globex.com", "Globex", "globex", false));
    assertThat(Companies.of("jane@gmail.com", "Globex, Inc."))
        .isEqualTo(new Companies.Key(null, "Globex, Inc.", "globex", true));
    assertThat(Companies.of("jane@gmail.com", " ")).isNull();
    assertThat(Companies.of("jane@gmail.com", null)).isNull();
  }
}
