package io.omnireach.ui.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadDraft;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.LeadRules;
import io.omnireach.lead.Stage;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadFormModelTest {

  @Test
  void a_new_lead_leaves_out_empty_fields_so_defaults_apply() {
    LeadFormModel m = new LeadFormModel();
    m.setEmail(" grace@navy.example ");
    m.setFirstName("Grace");
    m.setPhone("  ");
    m.setTags(new LinkedHashSet<>(List.of("vip")));
    LeadDraft d = m.toDraft(true);
    assertThat(d.get(LeadField.EMAIL)).isEqualTo("grace@navy.example");
    assertThat(d.get(LeadField.FIRST_NAME)).isEqualTo("Grace");
    assertThat(d.has(LeadField.PHONE)).isFalse();
    assertThat(d.get(LeadField.STAGE)).isEqualTo("new");
    assertThat(d.get(LeadField.SCORE)).isEqualTo("0");
    assertThat(d.tags()).containsExactly("vip");
    assertThat(LeadRules.check(d, true).ok()).isTrue();
  }

  @Test
  void an_edited_lead_sends_emptied_fields_as_null_so_they_are_cleared() {
    LeadFormModel m = LeadFormModel.of(lead());
    assertThat(m.getCompany()).isEqualTo("Northwind");
    assertThat(m.getTags()).containsExactly("webinar", "q3");
    m.setCompany("");
    m.setOwnerId(null);
    m.setTags(Set.of());
    LeadDraft d = m.toDraft(false);
    assertThat(d.has(LeadField.COMPANY)).isTrue();
    assertThat(d.get(LeadField.COMPANY)).isNull();
    assertThat(d.has(LeadField.OWNER_ID)).isTrue();
    assertThat(d.get(LeadField.OWNER_ID)).isNull();
    assertThat(d.get(LeadField.STAGE)).isEqualTo("meeting");
    assertThat(d.get(LeadField.DO_NOT_CONTACT)).isEqualTo("true");
    assertThat(d.tags()).isEmpty();
  }

  @Test
  void core_rules_judge_what_bean_validation_lets_through() {
    LeadFormModel m = LeadFormModel.of(lead());
    m.setPhone("555-12");
    assertThat(LeadRules.check(m.toDraft(false), false).errors())
        .extracting(LeadRules.FieldError::field)
        .containsExactly("phone");
  }

  private static Lead lead() {
    Instant t = Instant.parse("2026-01-02T03:04:05Z");
    return new Lead(
        7,
        "María",
        "García",
        "maria@northwind.example",
        "+14155550123",
        "Northwind",
        "VP Ops",
        "Logistics",
        "51-200",
        "US",
        "America/Los_Angeles",
        null,
        null,
        List.of("webinar", "q3"),
        3L,
        Stage.MEETING,
        70,
        0,
        Map.of(),
        true,
        Map.of(),
        t,
        t,
        "a@x",
        "a@x");
  }
}
