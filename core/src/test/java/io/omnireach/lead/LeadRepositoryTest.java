package io.omnireach.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import io.omnireach.db.Migrations;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LeadRepositoryTest {

  static TestDatabase db;
  static LeadRepository leads;
  static final TenantRef ACME = new TenantRef(1, "acme");
  static final TenantRef GLOBEX = new TenantRef(2, "globex");

  @BeforeAll
  static void twoTenants() {
    db = TestDatabase.migrated();
    Migrations.migrateTenant(db.dataSource(), ACME.schema());
    Migrations.migrateTenant(db.dataSource(), GLOBEX.schema());
    leads = new LeadRepository(db.transactions(), Clock.systemUTC());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static LeadDraft draft(String email) {
    return new LeadDraft()
        .set(LeadField.FIRST_NAME, "Maria")
        .set(LeadField.LAST_NAME, "Garcia")
        .set(LeadField.EMAIL, email)
        .set(LeadField.PHONE, "+1 (415) 555-0123")
        .set(LeadField.COMPANY, "Northwind")
        .set(LeadField.TIMEZONE, "America/Los_Angeles")
        .set(LeadField.COUNTRY, "us")
        .set(LeadField.WEBSITE, "northwind.example")
        .tags(List.of("webinar", "priority", "webinar"))
        .customFields(Map.of("crmId", "0031x"));
  }

  @Test
  void a_lead_is_stored_normalised_and_read_back() {
    Lead lead = leads.create(ACME, draft("Maria.Garcia@Northwind.example"), "sales@acme.test");
    assertThat(lead.email()).isEqualTo("maria.garcia@northwind.example");
    assertThat(lead.phone()).isEqualTo("+14155550123");
    assertThat(lead.country()).isEqualTo("US");
    assertThat(lead.website()).isEqualTo("https://northwind.example");
    assertThat(lead.tags()).containsExactly("webinar", "priority");
    assertThat(lead.stage()).isEqualTo(Stage.NEW);
    assertThat(lead.customFields()).containsEntry("crmId", "0031x");
    assertThat(leads.get(ACME, lead.id())).isEqualTo(lead);
  }

  @Test
  void a_duplicate_email_in_any_case_is_a_conflict_but_another_tenant_may_have_it() {
    leads.create(ACME, draft("dup@x.example"), "t");
    assertThatThrownBy(() -> leads.create(ACME, draft("DUP@x.example"), "t"))
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.CONFLICT);
    assertThat(leads.create(GLOBEX, draft("dup@x.example"), "t").email())
        .isEqualTo("dup@x.example");
  }

  @Test
  void invalid_fields_are_refused_with_the_field_named() {
    assertThatThrownBy(
            () -> leads.create(ACME, draft("ok@x.example").set(LeadField.PHONE, "555-12"), "t"))
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("phone");
    assertThatThrownBy(
            () ->
                leads.create(
                    ACME, draft("ok@x.example").set(LeadField.TIMEZONE, "Mars/Olympus"), "t"))
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("timezone");
    assertThatThrownBy(() -> leads.create(ACME, draft("not-an-email"), "t"))
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("email");
    assertThatThrownBy(
            () -> leads.create(ACME, draft("ok@x.example").set(LeadField.STAGE, "dreaming"), "t"))
        .hasMessageContaining("Stage must be one of");
  }

  @Test
  void a_lead_needs_one_way_to_reach_them_and_phone_only_leads_are_unique_by_phone() {
    TenantRef t = new TenantRef(4, "reach");
    Migrations.migrateTenant(db.dataSource(), t.schema());
    Lead phoneOnly =
        leads.create(
            t,
            new LeadDraft()
                .set(LeadField.FIRST_NAME, "Kofi")
                .set(LeadField.PHONE, "+1 415 555 0177"),
            "t");
    assertThat(phoneOnly.email()).isNull();
    assertThat(phoneOnly.phone()).isEqualTo("+14155550177");
    Lead linkedinOnly =
        leads.create(t, new LeadDraft().set(LeadField.LINKEDIN_URL, "linkedin.com/in/ola"), "t");
    assertThat(linkedinOnly.fullName()).isEqualTo("https://linkedin.com/in/ola");

    assertThatThrownBy(() -> leads.create(t, new LeadDraft().set(LeadField.COMPANY, "X"), "t"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
              assertThat(e.field()).isEqualTo("email");
              assertThat(e.getMessage()).isEqualTo(LeadRules.UNREACHABLE);
            });
    // the same phone again without email is a duplicate; with an email it is another person
    assertThatThrownBy(
            () -> leads.create(t, new LeadDraft().set(LeadField.PHONE, "+14155550177"), "t"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
              assertThat(e.field()).isEqualTo("phone");
            });
    assertThat(
            leads
                .create(
                    t,
                    new LeadDraft()
                        .set(LeadField.PHONE, "+14155550177")
                        .set(LeadField.EMAIL, "desk@x.example"),
                    "t")
                .email())
        .isEqualTo("desk@x.example");

    // clearing the last way to reach a lead is refused and changes nothing
    assertThatThrownBy(
            () -> leads.update(t, phoneOnly.id(), new LeadDraft().set(LeadField.PHONE, null), "t"))
        .hasMessage(LeadRules.UNREACHABLE);
    assertThat(leads.get(t, phoneOnly.id()).phone()).isEqualTo("+14155550177");
    // an email may be removed while a phone remains
    Lead withEmail = leads.create(t, draft("drop@x.example"), "t");
    assertThat(
            leads
                .update(t, withEmail.id(), new LeadDraft().set(LeadField.EMAIL, null), "t")
                .email())
        .isNull();

    // sorting by email pages through leads without one
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    do {
      LeadPage page = leads.page(t, LeadQuery.of(null, null, null, null, null, "email"), cursor, 2);
      page.items().forEach(l -> seen.add(l.id()));
      cursor = page.nextCursor();
    } while (cursor != null);
    assertThat(seen).hasSize(4).doesNotHaveDuplicates();
  }

  @Test
  void an_update_changes_only_the_given_fields() {
    Lead lead = leads.create(ACME, draft("patch@x.example"), "t");
    Lead changed =
        leads.update(
            ACME,
            lead.id(),
            new LeadDraft().set(LeadField.STAGE, "meeting").set(LeadField.COMPANY, null),
            "u");
    assertThat(changed.stage()).isEqualTo(Stage.MEETING);
    assertThat(changed.company()).isNull();
    assertThat(changed.firstName()).isEqualTo("Maria");
    assertThat(changed.updatedBy()).isEqualTo("u");
  }

  @Test
  void pages_follow_the_cursor_without_gaps_or_repeats_in_every_sort_order() {
    TenantRef t = new TenantRef(3, "paging");
    Migrations.migrateTenant(db.dataSource(), t.schema());
    for (int i = 0; i < 53; i++) {
      leads.create(
          t,
          new LeadDraft()
              .set(LeadField.EMAIL, "p" + i + "@x.example")
              .set(LeadField.LAST_NAME, i % 3 == 0 ? null : "Name" + (i % 7))
              .set(LeadField.SCORE, "" + (i % 5)),
          "t");
    }
    for (String sort :
        List.of("", "-createdAt", "lastName", "-lastName", "score", "-score", "email")) {
      LeadQuery q = LeadQuery.of(null, null, null, null, null, sort);
      Set<Long> seen = new HashSet<>();
      List<Long> order = new ArrayList<>();
      String cursor = null;
      do {
        LeadPage page = leads.page(t, q, cursor, 10);
        page.items().forEach(l -> order.add(l.id()));
        page.items().forEach(l -> assertThat(seen.add(l.id())).as("repeat in " + sort).isTrue());
        cursor = page.nextCursor();
      } while (cursor != null);
      assertThat(seen).as(sort).hasSize(53);
      assertThat(order)
          .as(sort)
          .containsExactlyElementsOf(leads.slice(t, q, 0, 100).stream().map(Lead::id).toList());
    }
  }

  @Test
  void filters_narrow_the_list_and_the_count() {
    TenantRef t = new TenantRef(4, "filters");
    Migrations.migrateTenant(db.dataSource(), t.schema());
    leads.create(
        t, draft("a@f.example").set(LeadField.INDUSTRY, "SaaS").set(LeadField.STAGE, "won"), "t");
    leads.create(
        t,
        draft("b@f.example").set(LeadField.INDUSTRY, "Retail").set(LeadField.COMPANY, "Zeta 100%"),
        "t");
    leads.create(t, draft("c@f.example").tags(List.of("vip")), "t");
    assertThat(leads.count(t, LeadQuery.all().withStage(Stage.WON))).isEqualTo(1);
    assertThat(leads.count(t, LeadQuery.all().withIndustry("saas"))).isEqualTo(1);
    assertThat(leads.count(t, LeadQuery.all().withTag("vip"))).isEqualTo(1);
    assertThat(leads.count(t, LeadQuery.all().withText("100%"))).isEqualTo(1);
    assertThat(leads.count(t, LeadQuery.all().withText("maria"))).isEqualTo(3);
    assertThat(leads.count(t, LeadQuery.all().withText("%"))).isEqualTo(1);
  }

  @Test
  void bulk_changes_and_deletes_touch_only_the_given_leads_of_the_tenant() {
    TenantRef t = new TenantRef(5, "bulk");
    Migrations.migrateTenant(db.dataSource(), t.schema());
    long a = leads.create(t, draft("1@b.example"), "t").id();
    long b = leads.create(t, draft("2@b.example"), "t").id();
    long other = leads.create(GLOBEX, draft("3@b.example"), "t").id();
    assertThat(leads.bulkUpdate(t, List.of(a, b), Stage.CONTACTED, List.of("q4"), null, "t"))
        .isEqualTo(2);
    assertThat(leads.get(t, a).tags()).contains("q4", "webinar");
    assertThat(leads.get(t, a).stage()).isEqualTo(Stage.CONTACTED);
    // ids are per tenant schema: the same number in another tenant is another lead
    assertThat(leads.bulkDelete(t, List.of(a, 999_999L), "t")).isEqualTo(1);
    assertThat(leads.get(GLOBEX, other).email()).isEqualTo("3@b.example");
    assertThatThrownBy(() -> leads.get(t, a)).hasMessageContaining("No lead");
  }
}
