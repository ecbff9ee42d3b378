package io.omnireach.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeetingLinkTest {

  @Test
  void the_link_prefills_name_and_email_and_names_the_lead_in_utm_content() {
    String link = MeetingLink.of("https://calendly.com/elena/30min", lead(42, "María López"));
    assertThat(link)
        .isEqualTo(
            "https://calendly.com/elena/30min?name=Mar%C3%ADa%20L%C3%B3pez"
                + "&email=maria%2Bsales%40northwind.example&utm_source=omnireach"
                + "&utm_content=lead-42");
    assertThat(MeetingLink.of("https://calendly.com/elena/30min?month=2026-12", lead(7, "A B")))
        .startsWith("https://calendly.com/elena/30min?month=2026-12&name=A%20B&");
    assertThat(MeetingLink.of(null, lead(1, "A B"))).isNull();
  }

  @Test
  void utm_content_maps_back_to_the_lead_and_nothing_else_does() {
    assertThat(MeetingLink.leadId("lead-42")).isEqualTo(42L);
    assertThat(MeetingLink.leadId("lead-")).isNull();
    assertThat(MeetingLink.leadId("lead-4x")).isNull();
    assertThat(MeetingLink.leadId("campaign-1")).isNull();
    assertThat(MeetingLink.leadId(null)).isNull();
  }

  @Test
  void the_merge_field_renders_the_link_or_its_fallback_and_is_a_known_field() {
    Lead lead = lead(42, "María López");
    String link = MeetingLink.of("https://calendly.com/elena/30min", lead);
    String text = "Hi {{lead.firstName}}, pick a time: {{meeting.link}}";
    assertThat(io.omnireach.workflow.MergeFields.render(text, lead, link))
        .isEqualTo("Hi María, pick a time: " + link);
    assertThat(io.omnireach.workflow.MergeFields.render("{{meeting.link|reply here}}", lead))
        .isEqualTo("reply here");
    assertThat(io.omnireach.workflow.MergeFields.unknown(text)).isEmpty();
  }

  static Lead lead(long id, String name) {
    String[] parts = name.split(" ");
    java.time.Instant now = java.time.Instant.parse("2026-12-01T10:00:00Z");
    return new Lead(
        id,
        parts[0],
        parts[1],
        "maria+sales@northwind.example",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        java.util.List.of(),
        null,
        Stage.NEW,
        0,
        0,
        java.util.Map.of(),
        false,
        java.util.Map.of(),
        now,
        now,
        "t",
        "t");
  }
}
