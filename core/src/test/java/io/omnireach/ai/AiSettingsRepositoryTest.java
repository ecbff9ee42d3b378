package io.omnireach.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import io.omnireach.db.Migrations;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AI settings: defaults, validation, a key that is encrypted at rest and shown only as a hint. */
class AiSettingsRepositoryTest {

  static final TenantRef ACME = new TenantRef(1, "acme");
  static final TenantRef GLOBEX = new TenantRef(2, "globex");
  static final TenantRef INITECH = new TenantRef(3, "initech");
  static final String KEY = "sk-or-v1-0123456789abcdefWXYZ";

  static TestDatabase db;
  static AiSettingsRepository settings;

  @BeforeAll
  static void freshDatabase() {
    db = TestDatabase.migrated();
    for (TenantRef t : List.of(ACME, GLOBEX, INITECH)) {
      Migrations.migrateTenant(db.dataSource(), t.schema());
    }
    settings =
        new AiSettingsRepository(
            db.transactions(), KeyCipher.fromBase64(KeyCipher.newMasterKey()), Clock.systemUTC());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void a_key_is_stored_encrypted_shown_as_a_hint_and_can_be_removed() {
    AiSettings saved =
        settings.update(
            ACME,
            new AiSettingsUpdate("mistral", "mistral-large-latest", " " + KEY + " ", 0.456, 5000L),
            "admin@acme.test");

    assertThat(saved.provider()).isEqualTo(Provider.MISTRAL);
    assertThat(saved.model()).isEqualTo("mistral-large-latest");
    assertThat(saved.temperature()).isEqualTo(0.46);
    assertThat(saved.monthlyTokenBudget()).isEqualTo(5000);
    assertThat(saved.keyHint()).isEqualTo("WXYZ");
    assertThat(saved.keyConfigured()).isTrue();
    assertThat(settings.apiKey(ACME)).contains(KEY);
    assertThat(new String(storedKey(ACME), StandardCharsets.ISO_8859_1))
        .doesNotContain("0123456789");

    AiSettings kept =
        settings.update(ACME, new AiSettingsUpdate(null, null, null, null, 9000L), "admin");
    assertThat(kept.keyHint()).isEqualTo("WXYZ");
    assertThat(kept.model()).isEqualTo("mistral-large-latest");

    AiSettings removed =
        settings.update(ACME, new AiSettingsUpdate(null, null, "", null, null), "admin");
    assertThat(removed.keyConfigured()).isFalse();
    assertThat(settings.apiKey(ACME)).isEmpty();
    assertThat(storedKey(ACME)).isNull();
  }

  @Test
  void a_tenant_without_settings_gets_the_defaults_and_sees_no_other_tenants_key() {
    settings.update(ACME, new AiSettingsUpdate(null, null, KEY, null, null), "admin");
    assertThat(settings.get(INITECH)).isEqualTo(AiSettings.DEFAULTS);
    assertThat(settings.apiKey(INITECH)).isEmpty();
  }

  @Test
  void changing_the_provider_alone_switches_to_its_default_model() {
    settings.update(
        GLOBEX, new AiSettingsUpdate("OPENROUTER", "openai/gpt-4o", null, null, null), "a");
    assertThat(
            settings
                .update(GLOBEX, new AiSettingsUpdate("MISTRAL", null, null, null, null), "a")
                .model())
        .isEqualTo("mistral-small-latest");
  }

  @Test
  void bad_values_name_their_field() {
    assertField(new AiSettingsUpdate("openai", null, null, null, null), "provider");
    assertField(new AiSettingsUpdate(null, "gpt 4; drop", null, null, null), "model");
    assertField(new AiSettingsUpdate(null, null, null, 2.5, null), "temperature");
    assertField(new AiSettingsUpdate(null, null, null, null, 0L), "monthlyTokenBudget");
    assertField(new AiSettingsUpdate(null, null, "sk key with spaces", null, null), "apiKey");
  }

  private static void assertField(AiSettingsUpdate update, String field) {
    assertThatThrownBy(() -> settings.update(GLOBEX, update, "admin"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
              assertThat(e.field()).isEqualTo(field);
            });
  }

  private static byte[] storedKey(TenantRef tenant) {
    return db.transactions()
        .tenant(
            tenant,
            c -> {
              try (PreparedStatement ps =
                      c.prepareStatement("select api_key_encrypted from ai_settings");
                  ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
              }
            });
  }
}
