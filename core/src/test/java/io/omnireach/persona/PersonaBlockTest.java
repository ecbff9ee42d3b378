package io.omnireach.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnireach.common.DomainException;
import io.omnireach.common.DomainException.Kind;
import io.omnireach.db.Migrations;
import io.omnireach.persona.PersonaDraft.ToneDraft;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Export/import of personas as self-describing JSON blocks, on a real database. */
class PersonaBlockTest {

  static final TenantRef ACME = new TenantRef(1, "acme");
  static final TenantRef GLOBEX = new TenantRef(2, "globex");
  static final ObjectMapper JSON = new ObjectMapper();

  static TestDatabase db;
  static PersonaRepository personas;

  @BeforeAll
  static void freshDatabaseWithTwoTenants() {
    db = TestDatabase.migrated();
    for (TenantRef t : List.of(ACME, GLOBEX)) {
      Migrations.migrateTenant(db.dataSource(), t.schema());
    }
    personas =
        new PersonaRepository(
            db.transactions(), Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void an_exported_block_is_self_describing_and_imports_into_another_tenant() throws Exception {
    Persona original =
        personas.create(
            ACME,
            new PersonaDraft(
                "Block Bea",
                "Account Executive",
                new ToneDraft(20, 70, 40),
                List.of("Logistics"),
                List.of("Saves hours every week."),
                List.of("Hi {{first_name}}, quick question.", "Dear Ms Smith,\nThanks."),
                "Best,\nBea",
                Channel.LINKEDIN,
                "de"),
            "admin@acme.demo");

    String block = PersonaBlock.export(original);
    JsonNode json = JSON.readTree(block);
    assertThat(json.get("kind").asText()).isEqualTo("persona");
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.get("name").asText()).isEqualTo("Block Bea");
    assertThat(json.get("samples")).hasSize(2);
    assertThat(json.get("voice").get("formality").asInt()).isEqualTo(20);
    assertThat(json.has("id")).as("ids stay in their tenant").isFalse();

    Persona imported = personas.importBlock(GLOBEX, block, "admin@globex.demo");
    assertThat(imported.name()).isEqualTo("Block Bea");
    assertThat(imported.role()).isEqualTo("Account Executive");
    assertThat(imported.tone()).isEqualTo(new Tone(20, 70, 40));
    assertThat(imported.industryFocus()).containsExactly("Logistics");
    assertThat(imported.valuePropositions()).containsExactly("Saves hours every week.");
    assertThat(imported.writingSamples()).isEqualTo(original.writingSamples());
    assertThat(imported.signature()).isEqualTo("Best,\nBea");
    assertThat(imported.defaultChannel()).isEqualTo(Channel.LINKEDIN);
    assertThat(imported.language()).isEqualTo("de");
  }

  @Test
  void a_name_clash_imports_as_name_2_then_3() {
    Persona original = personas.create(ACME, PersonaDraft.named("Twin Tom"), "a");
    String block = PersonaBlock.export(original);
    assertThat(personas.importBlock(ACME, block, "a").name()).isEqualTo("Twin Tom (2)");
    assertThat(personas.importBlock(ACME, block.replace("Twin Tom", "twin tom"), "a").name())
        .isEqualTo("twin tom (3)");
    assertThat(PersonaBlock.numbered("x".repeat(80), 2)).hasSize(80).endsWith("x (2)");
  }

  @Test
  void a_bad_block_is_refused_naming_the_field() {
    assertField("not json", null);
    assertField("[]", null);
    assertField("{\"schemaVersion\":1,\"name\":\"A\"}", "kind");
    assertField("{\"kind\":\"workflow\",\"schemaVersion\":1,\"name\":\"A\"}", "kind");
    assertField("{\"kind\":\"persona\",\"name\":\"A\"}", "schemaVersion");
    assertField("{\"kind\":\"persona\",\"schemaVersion\":2,\"name\":\"A\"}", "schemaVersion");
    assertField("{\"kind\":\"persona\",\"schemaVersion\":1}", "name");
    assertField("{\"kind\":\"persona\",\"schemaVersion\":1,\"name\":7}", "name");
    assertField(
        "{\"kind\":\"persona\",\"schemaVersion\":1,\"name\":\"A\",\"samples\":\"x\"}", "samples");
    assertField(
        "{\"kind\":\"persona\",\"schemaVersion\":1,\"name\":\"A\",\"samples\":["
            + "\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}",
        "samples");
    assertField(
        "{\"kind\":\"persona\",\"schemaVersion\":1,\"name\":\"A\",\"voice\":{\"warmth\":101}}",
        "voice.warmth");
    assertField(
        "{\"kind\":\"persona\",\"schemaVersion\":1,\"name\":\"A\",\"voice\":{\"detail\":\"x\"}}",
        "voice.detail");
    assertField(
        "{\"kind\":\"persona\",\"schemaVersion\":1,\"name\":\"A\",\"defaultChannel\":\"fax\"}",
        "defaultChannel");
    assertThat(personas.list(ACME)).extracting(Persona::name).doesNotContain("A");
  }

  private static void assertField(String json, String field) {
    assertThatThrownBy(() -> personas.importBlock(ACME, json, "a"))
        .as(json)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.INVALID);
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).isNotBlank();
            });
  }
}
