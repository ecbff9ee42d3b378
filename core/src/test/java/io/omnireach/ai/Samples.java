package io.omnireach.ai;

import io.omnireach.lead.Lead;
import io.omnireach.lead.Stage;
import io.omnireach.persona.Channel;
import io.omnireach.persona.Persona;
import io.omnireach.persona.Tone;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A lead and a persona built in memory for the generator tests. */
final class Samples {

  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private Samples() {}

  static Lead lead(String first, String company, String title, String industry) {
    return new Lead(
        7,
        first,
        "Lovelace",
        first.toLowerCase() + "@example.com",
        null,
        company,
        title,
        industry,
        "51-200",
        "UK",
        null,
        null,
        null,
        List.of(),
        null,
        Stage.NEW,
        40,
        0,
        Map.of(),
        false,
        Map.of(),
        T0,
        T0,
        "test",
        "test");
  }

  static Lead ada() {
    return lead("Ada", "Analytical Engines Ltd", "Head of Operations", "Logistics");
  }

  static Persona persona(Tone tone) {
    return new Persona(
        3,
        "Friendly SDR",
        "Sales Development Representative",
        tone,
        List.of("Logistics"),
        List.of("Cuts manual data entry by half.", "Set up in one afternoon.", "SOC 2 audited."),
        List.of("Hi {{first_name}}, quick one."),
        null,
        Channel.EMAIL,
        "en",
        T0,
        T0);
  }
}
