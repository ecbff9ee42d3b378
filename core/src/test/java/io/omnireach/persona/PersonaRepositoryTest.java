package io.omnireach.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.common.DomainException.Kind;
import io.omnireach.db.Migrations;
import io.omnireach.persona.PersonaDraft.ToneDraft;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Personas are validated, unique by name within a tenant, partially updatable and isolated. */
class PersonaRepositoryTest {

  static final TenantRef ACME = new TenantRef(1, "acme");
  static final TenantRef GLOBEX = new TenantRef(2, "globex");
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  static TestDatabase db;
  static PersonaRepository personas;

  @BeforeAll
  static void freshDatabaseWithTwoTenants() {
    db = TestDatabase.migrated();
    for (TenantRef t : List.of(ACME, GLOBEX)) {
      Migrations.migrateTenant(db.dataSource(), t.schema());
    }
    // ids are per schema: keep globex's apart, so reaching acme's id from globex means a leak
    db.transactions()
        .tenant(
            GLOBEX,
            c -> {
              try (Statement s = c.createStatement()) {
                return s.execute("alter sequence personas_id_seq restart 1000000");
              }
            });
    personas = new PersonaRepository(db.transactions(), Clock.fixed(T0, ZoneOffset.UTC));
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  static PersonaDraft full(String name) {
    return new PersonaDraft(
        "  " + name + " ",
        "Account Executive",
        new ToneDraft(20, 70, 40),
        List.of("Logistics", " Retail ", "logistics", ""),
        List.of("Saves hours every week.", "  "),
        List.of("Hi {{first_name}}, quick question about {{company}}."),
        "Best,\nElena",
        Channel.LINKEDIN,
        "DE");
  }

  @Test
  void a_persona_is_created_normalised_read_listed_and_deleted() {
    Persona created = personas.create(ACME, full("Crud Carla"), "admin@acme.demo");

    assertThat(created.id()).isPositive();
    assertThat(created.name()).isEqualTo("Crud Carla");
    assertThat(created.role()).isEqualTo("Account Executive");
    assertThat(created.tone()).isEqualTo(new Tone(20, 70, 40));
    assertThat(created.industryFocus()).containsExactly("Logistics", "Retail");
    assertThat(created.valuePropositions()).containsExactly("Saves hours every week.");
    assertThat(created.writingSamples())
        .containsExactly("Hi {{first_name}}, quick question about {{company}}.");
    assertThat(created.signature()).isEqualTo("Best,\nElena");
    assertThat(created.defaultChannel()).isEqualTo(Channel.LINKEDIN);
    assertThat(created.language()).isEqualTo("de");
    assertThat(created.createdAt()).isEqualTo(T0).isEqualTo(created.updatedAt());

    assertThat(personas.get(ACME, created.id())).isEqualTo(created);
    assertThat(personas.list(ACME)).contains(created);

    personas.delete(ACME, created.id(), "admin@acme.demo");
    assertThat(personas.list(ACME)).doesNotContain(created);
    assertKind(() -> personas.get(ACME, created.id()), Kind.NOT_FOUND);
    assertKind(() -> personas.delete(ACME, created.id(), "x"), Kind.NOT_FOUND);
    assertKind(
        () -> personas.update(ACME, created.id(), PersonaDraft.named("X"), "x"), Kind.NOT_FOUND);
  }

  @Test
  void a_persona_with_only_a_name_gets_sensible_defaults() {
    Persona p = personas.create(ACME, PersonaDraft.named("Minimal Max"), "admin@acme.demo");
    assertThat(p.tone()).isEqualTo(Tone.BALANCED);
    assertThat(p.defaultChannel()).isEqualTo(Channel.EMAIL);
    assertThat(p.language()).isEqualTo("en");
    assertThat(p.role()).isNull();
    assertThat(p.signature()).isNull();
    assertThat(p.industryFocus()).isEmpty();
    assertThat(p.valuePropositions()).isEmpty();
    assertThat(p.writingSamples()).isEmpty();
  }

  @Test
  void invalid_input_is_refused_naming_the_field() {
    assertField(PersonaDraft.named(null), "name");
    assertField(PersonaDraft.named("   "), "name");
    assertField(PersonaDraft.named("x".repeat(81)), "name");
    assertField(withTone(new ToneDraft(-1, 50, 50)), "tone.formality");
    assertField(withTone(new ToneDraft(50, 101, 50)), "tone.detail");
    assertField(withTone(new ToneDraft(50, 50, 200)), "tone.warmth");
    assertField(
        new PersonaDraft("Lang", null, null, null, null, null, null, null, "eng"), "language");
    assertField(
        new PersonaDraft("Lang", null, null, null, null, null, null, null, "e1"), "language");
    assertField(
        new PersonaDraft(
            "Samples",
            null,
            null,
            null,
            null,
            Collections.nCopies(11, "A sample."),
            null,
            null,
            null),
        "writingSamples");
    assertField(
        new PersonaDraft(
            "Long sample", null, null, null, null, List.of("x".repeat(4001)), null, null, null),
        "writingSamples");
    assertField(
        new PersonaDraft(
            "Props", null, null, null, Collections.nCopies(11, "A prop."), null, null, null, null),
        "valuePropositions");
    assertField(
        new PersonaDraft(
            "Industries", null, null, List.of("y".repeat(61)), null, null, null, null, null),
        "industryFocus");
    assertField(
        new PersonaDraft("Role", "r".repeat(121), null, null, null, null, null, null, null),
        "role");
    assertField(
        new PersonaDraft("Signature", null, null, null, null, null, "s".repeat(1001), null, null),
        "signature");
    assertThatThrownBy(() -> Channel.parse("defaultChannel", "fax"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("defaultChannel"));
    assertThat(Channel.parse("defaultChannel", " linkedin ")).isEqualTo(Channel.LINKEDIN);

    assertThat(personas.list(ACME)).extracting(Persona::name).doesNotContain("Lang", "Samples");
  }

  @Test
  void ten_writing_samples_of_4000_characters_are_accepted() {
    Persona p =
        personas.create(
            ACME,
            new PersonaDraft(
                "Prolific Pat",
                null,
                null,
                null,
                null,
                Collections.nCopies(10, "w".repeat(4000)),
                null,
                null,
                null),
            "admin@acme.demo");
    assertThat(p.writingSamples()).hasSize(10).allSatisfy(s -> assertThat(s).hasSize(4000));
  }

  @Test
  void a_name_is_unique_within_a_tenant_regardless_of_case() {
    Persona first = personas.create(ACME, PersonaDraft.named("Twin Tina"), "admin@acme.demo");
    assertConflictOnName(() -> personas.create(ACME, PersonaDraft.named("TWIN tina"), "x"));
    Persona other = personas.create(ACME, PersonaDraft.named("Other Otto"), "admin@acme.demo");
    assertConflictOnName(
        () -> personas.update(ACME, other.id(), PersonaDraft.named("twin tina"), "x"));
    assertThat(personas.get(ACME, other.id()).name()).isEqualTo("Other Otto");
    // renaming to its own name in another case is fine
    assertThat(personas.update(ACME, first.id(), PersonaDraft.named("Twin TINA"), "x").name())
        .isEqualTo("Twin TINA");
  }

  @Test
  void a_partial_update_changes_only_what_it_names() {
    Clock later = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
    PersonaRepository repo = new PersonaRepository(db.transactions(), later);
    Persona before = personas.create(ACME, full("Partial Paula"), "admin@acme.demo");

    Persona after =
        repo.update(
            ACME,
            before.id(),
            new PersonaDraft(
                null, null, new ToneDraft(null, 10, null), null, null, null, "", null, null),
            "sales@acme.demo");

    assertThat(after.tone()).isEqualTo(new Tone(20, 10, 40));
    assertThat(after.signature()).isNull();
    assertThat(after)
        .usingRecursiveComparison()
        .ignoringFields("tone", "signature", "updatedAt")
        .isEqualTo(before);
    assertThat(after.updatedAt()).isEqualTo(T0.plusSeconds(3600));
    assertThat(after.createdAt()).isEqualTo(T0);

    Persona cleared =
        repo.update(
            ACME,
            before.id(),
            new PersonaDraft(null, null, null, List.of(), null, null, null, Channel.CALL, null),
            "sales@acme.demo");
    assertThat(cleared.industryFocus()).isEmpty();
    assertThat(cleared.defaultChannel()).isEqualTo(Channel.CALL);
    assertThat(cleared.valuePropositions()).isEqualTo(before.valuePropositions());

    assertKind(
        () ->
            repo.update(
                ACME,
                before.id(),
                new PersonaDraft(
                    null, null, new ToneDraft(null, null, 101), null, null, null, null, null, null),
                "x"),
        Kind.INVALID);
    assertThat(personas.get(ACME, before.id()).tone().warmth()).isEqualTo(40);
  }

  @Test
  void each_tenant_sees_and_touches_only_its_own_personas() {
    Persona acme = personas.create(ACME, PersonaDraft.named("Shared Name"), "admin@acme.demo");
    Persona globex =
        personas.create(GLOBEX, PersonaDraft.named("Shared Name"), "admin@globex.demo");
    Persona acmeOnly = personas.create(ACME, PersonaDraft.named("Acme Only"), "admin@acme.demo");

    assertThat(personas.list(GLOBEX)).extracting(Persona::name).doesNotContain("Acme Only");
    assertThat(personas.list(GLOBEX))
        .filteredOn(p -> p.name().equals("Shared Name"))
        .containsExactly(globex);
    assertKind(() -> personas.get(GLOBEX, acmeOnly.id()), Kind.NOT_FOUND);
    assertKind(
        () -> personas.update(GLOBEX, acmeOnly.id(), PersonaDraft.named("Stolen"), "x"),
        Kind.NOT_FOUND);
    assertKind(() -> personas.delete(GLOBEX, acmeOnly.id(), "x"), Kind.NOT_FOUND);
    personas.delete(GLOBEX, globex.id(), "admin@globex.demo");
    assertThat(personas.get(ACME, acme.id()).name()).isEqualTo("Shared Name");
    assertThat(personas.get(ACME, acmeOnly.id()).name()).isEqualTo("Acme Only");
  }

  @Test
  void every_write_is_audited_for_its_tenant() {
    AuditLog audit = new AuditLog(db.transactions());
    Persona p = personas.create(GLOBEX, PersonaDraft.named("Audited Ava"), "admin@globex.demo");
    personas.update(GLOBEX, p.id(), PersonaDraft.named("Audited Ava 2"), "admin@globex.demo");
    personas.delete(GLOBEX, p.id(), "admin@globex.demo");
    assertThat(audit.recent("globex", 50))
        .filteredOn(e -> e.target().equals("" + p.id()) && e.action().startsWith("persona."))
        .extracting(e -> e.action() + " " + e.detail() + " by " + e.actor())
        .containsExactly(
            "persona.delete Audited Ava 2 by admin@globex.demo",
            "persona.update Audited Ava 2 by admin@globex.demo",
            "persona.create Audited Ava by admin@globex.demo");
  }

  private static PersonaDraft withTone(ToneDraft tone) {
    return new PersonaDraft("Toned", null, tone, null, null, null, null, null, null);
  }

  private static void assertField(PersonaDraft draft, String field) {
    assertThatThrownBy(() -> personas.create(ACME, draft, "admin@acme.demo"))
        .as("field %s", field)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.INVALID);
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).isNotBlank();
            });
  }

  private static void assertConflictOnName(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
              assertThat(e.field()).isEqualTo("name");
            });
  }

  private static void assertKind(ThrowingCallable call, Kind kind) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }
}
