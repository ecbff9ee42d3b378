package io.omnireach.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.persona.Channel;
import io.omnireach.persona.Persona;
import io.omnireach.persona.PersonaDraft;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.persona.Tone;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo personas land in acme once, as personas.json describes them, and only there. */
class PersonaSeedTest {

  static TestDatabase db;
  static PersonaRepository personas;
  static TenantRef acme;
  static TenantRef globex;

  @BeforeAll
  static void seededTwice() {
    db = TestDatabase.create();
    new DemoSeed(db.transactions(), Clock.systemUTC()).load();
    new DemoSeed(db.transactions(), Clock.systemUTC()).load();
    personas = new PersonaRepository(db.transactions(), Clock.systemUTC());
    TenantDirectory tenants = new TenantDirectory(db.transactions());
    acme = tenants.bySlug("acme").orElseThrow().ref();
    globex = tenants.bySlug("globex").orElseThrow().ref();
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void seeding_twice_creates_the_three_demo_personas_once_in_acme_only() {
    assertThat(personas.list(acme))
        .extracting(Persona::name)
        .containsExactly("Enterprise AE", "Founder-to-Founder", "Friendly SDR");
    assertThat(personas.list(globex)).isEmpty();
  }

  @Test
  void a_seeded_persona_carries_everything_the_file_says() {
    Persona ae = byName("Enterprise AE");
    assertThat(ae.role()).isEqualTo("Enterprise Account Executive");
    assertThat(ae.tone()).isEqualTo(new Tone(10, 85, 50));
    assertThat(ae.industryFocus()).containsExactly("Logistics", "Manufacturing", "Healthcare");
    assertThat(ae.valuePropositions()).hasSize(3);
    assertThat(ae.writingSamples()).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("Dear"));
    assertThat(ae.signature()).startsWith("Kind regards,\n\nElena Marsh");
    assertThat(ae.defaultChannel()).isEqualTo(Channel.EMAIL);
    assertThat(ae.language()).isEqualTo("en");
    assertThat(PersonaSeed.read()).hasSize(3);
  }

  @Test
  void the_seed_keeps_what_people_changed_and_restores_what_they_deleted() {
    Persona sdr = byName("Friendly SDR");
    personas.update(
        acme,
        sdr.id(),
        new PersonaDraft(null, "Senior SDR", null, null, null, null, null, null, null),
        "admin@acme.demo");
    Persona founder = byName("Founder-to-Founder");
    personas.delete(acme, founder.id(), "admin@acme.demo");

    List<String> log = new PersonaSeed(db.transactions(), Clock.systemUTC()).load(acme);

    assertThat(log)
        .containsExactly(
            "persona Friendly SDR in acme (exists)",
            "persona Enterprise AE in acme (exists)",
            "persona Founder-to-Founder in acme (created)");
    assertThat(byName("Friendly SDR").role()).isEqualTo("Senior SDR");
    assertThat(personas.list(acme)).hasSize(3);
  }

  private static Persona byName(String name) {
    return personas.list(acme).stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
