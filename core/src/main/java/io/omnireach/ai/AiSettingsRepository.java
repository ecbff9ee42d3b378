package io.omnireach.ai;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * The {@code ai_settings} row of each tenant schema. The API key is encrypted with {@link
 * KeyCipher} before it is stored and decrypted only for a provider call.
 */
public final class AiSettingsRepository {

  static final int MAX_MODEL = 200;
  static final int MAX_KEY = 500;
  static final long MAX_BUDGET = 1_000_000_000L;

  private final Transactions tx;
  private final KeyCipher cipher;
  private final Clock clock;

  public AiSettingsRepository(Transactions tx, KeyCipher cipher, Clock clock) {
    this.tx = tx;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** The tenant's settings, or {@link AiSettings#DEFAULTS} when it never saved any. */
  public AiSettings get(TenantRef tenant) {
    return tx.tenant(tenant, c -> find(c, false).orElse(AiSettings.DEFAULTS));
  }

  /** The decrypted API key, empty when none is set (the offline generator is used then). */
  public Optional<String> apiKey(TenantRef tenant) {
    return tx.tenant(tenant, c -> apiKey(c, tenant));
  }

  /** As {@link #apiKey(TenantRef)} on a connection bound to the tenant's schema. */
  public Optional<String> apiKey(Connection c, TenantRef tenant) throws SQLException {
    byte[] sealed;
    try (PreparedStatement ps =
            c.prepareStatement("select api_key_encrypted from ai_settings where id = 1");
        ResultSet rs = ps.executeQuery()) {
      sealed = rs.next() ? rs.getBytes(1) : null;
    }
    return sealed == null ? Optional.empty() : Optional.of(cipher.decrypt(sealed, tenant.schema()));
  }

  /** As {@link #get} on a connection bound to the tenant's schema. */
  public AiSettings get(Connection c) throws SQLException {
    return find(c, false).orElse(AiSettings.DEFAULTS);
  }

  /** Applies the non-null parts; INVALID names the field at fault. Audited as ai.settings. */
  public AiSettings update(TenantRef tenant, AiSettingsUpdate change, String actor) {
    if (change == null) {
      throw DomainException.invalid(null, "Send the settings to change as a JSON object.");
    }
    return tx.tenant(
        tenant,
        c -> {
          AiSettings current = find(c, true).orElse(AiSettings.DEFAULTS);
          Provider provider =
              change.provider() == null
                  ? current.provider()
                  : Provider.parse(change.provider(), "provider");
          String model = model(change, current, provider);
          double temperature = temperature(change.temperature(), current.temperature());
          long budget = budget(change.monthlyTokenBudget(), current.monthlyTokenBudget());
          String embedding = embeddingModel(change.embeddingModel(), current.embeddingModel());
          String key = change.apiKey() == null ? null : change.apiKey().strip();
          if (key != null && key.length() > MAX_KEY) {
            throw DomainException.invalid("apiKey", "The API key is too long.");
          }
          if (key != null && key.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e)) {
            throw DomainException.invalid(
                "apiKey", "The API key contains spaces or odd characters.");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into ai_settings (id, provider, model, temperature, monthly_token_budget,"
                      + " updated_at, updated_by, embedding_model) values (1, ?, ?, ?, ?, ?, ?, ?)"
                      + " on conflict (id) do update set provider = excluded.provider,"
                      + " model = excluded.model, temperature = excluded.temperature,"
                      + " monthly_token_budget = excluded.monthly_token_budget,"
                      + " updated_at = excluded.updated_at, updated_by = excluded.updated_by,"
                      + " embedding_model = excluded.embedding_model")) {
            ps.setString(1, provider.name());
            ps.setString(2, model);
            ps.setBigDecimal(3, java.math.BigDecimal.valueOf(temperature));
            ps.setLong(4, budget);
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            ps.setString(6, actor);
            ps.setString(7, embedding);
            ps.executeUpdate();
          }
          String keyChange = "";
          if (key != null) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "update ai_settings set api_key_encrypted = ?, key_hint = ? where id = 1")) {
              ps.setBytes(1, key.isEmpty() ? null : cipher.encrypt(key, tenant.schema()));
              ps.setString(2, key.isEmpty() ? null : hint(key));
              ps.executeUpdate();
            }
            keyChange = key.isEmpty() ? ", key removed" : ", key replaced";
          }
          AuditLog.record(
              c,
              actor,
              tenant.slug(),
              "ai.settings.update",
              provider.id(),
              model
                  + ", temperature "
                  + temperature
                  + ", budget "
                  + budget
                  + (change.embeddingModel() == null
                      ? ""
                      : ", embeddings " + (embedding == null ? "in-process" : embedding))
                  + keyChange);
          return find(c, false).orElseThrow();
        });
  }

  private static String model(AiSettingsUpdate change, AiSettings current, Provider provider) {
    String model = change.model();
    if (model == null) {
      return change.provider() != null && provider != current.provider()
          ? provider.defaultModel()
          : current.model();
    }
    model = model.strip();
    if (model.isEmpty() || model.length() > MAX_MODEL) {
      throw DomainException.invalid("model", "Model must be 1 to " + MAX_MODEL + " characters.");
    }
    if (!model.matches("[A-Za-z0-9._:/@+-]+")) {
      throw DomainException.invalid(
          "model", "Model may contain letters, digits and . _ : / @ + - only.");
    }
    return model;
  }

  /** Null keeps, empty goes back to the in-process model, else a model name like {@link #model}. */
  private static String embeddingModel(String value, String current) {
    if (value == null) {
      return current;
    }
    String m = value.strip();
    if (m.isEmpty()) {
      return null;
    }
    if (m.length() > MAX_MODEL) {
      throw DomainException.invalid(
          "embeddingModel", "Embedding model must be at most " + MAX_MODEL + " characters.");
    }
    if (!m.matches("[A-Za-z0-9._:/@+-]+")) {
      throw DomainException.invalid(
          "embeddingModel", "Embedding model may contain letters, digits and . _ : / @ + - only.");
    }
    return m;
  }

  private static double temperature(Double value, double current) {
    if (value == null) {
      return current;
    }
    if (value.isNaN() || value < 0 || value > 2) {
      throw DomainException.invalid("temperature", "Temperature must be between 0 and 2.");
    }
    return Math.round(value * 100) / 100.0;
  }

  private static long budget(Long value, long current) {
    if (value == null) {
      return current;
    }
    if (value < 1 || value > MAX_BUDGET) {
      throw DomainException.invalid(
          "monthlyTokenBudget",
          "The monthly token budget must be between 1 and " + MAX_BUDGET + ".");
    }
    return value;
  }

  /** The last four characters, or fewer of a very short key, so a key is never shown whole. */
  static String hint(String key) {
    return key.length() >= 12
        ? key.substring(key.length() - 4)
        : key.substring(key.length() / 2 + 1);
  }

  private static Optional<AiSettings> find(Connection c, boolean forUpdate) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "select provider, model, key_hint, temperature, monthly_token_budget, updated_at,"
                    + " updated_by, embedding_model from ai_settings where id = 1"
                    + (forUpdate ? " for update" : ""));
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new AiSettings(
              Provider.valueOf(rs.getString("provider")),
              rs.getString("model"),
              rs.getString("key_hint"),
              rs.getBigDecimal("temperature").doubleValue(),
              rs.getLong("monthly_token_budget"),
              rs.getTimestamp("updated_at").toInstant(),
              rs.getString("updated_by"),
              rs.getString("embedding_model")));
    }
  }
}
