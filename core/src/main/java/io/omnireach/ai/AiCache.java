package io.omnireach.ai;

import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Generated drafts of one tenant by request hash, in the tenant's {@code ai_cache} table. The key
 * covers the tenant, the prompt template version, provider, model, temperature and the full prompt,
 * so any change to persona, lead or settings asks the model again. Other uses with their own
 * template version (reply classification) store their validated answer as a {@link Draft} too: the
 * JSON in {@code body}, the answer's headline in {@code subject}.
 */
public final class AiCache {

  private final Transactions tx;
  private final Clock clock;

  public AiCache(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public static String key(
      TenantRef tenant, Provider provider, String model, double temperature, Prompt prompt) {
    return key(tenant, PromptBuilder.TEMPLATE_VERSION, provider, model, temperature, prompt);
  }

  /** The key of a prompt written by another template ({@code templateVersion} names it). */
  public static String key(
      TenantRef tenant,
      String templateVersion,
      Provider provider,
      String model,
      double temperature,
      Prompt prompt) {
    String material =
        String.join(
            "\u0000",
            "tenant:" + tenant.id() + ":" + tenant.slug(),
            templateVersion,
            provider.id(),
            model,
            String.format(java.util.Locale.ROOT, "%.2f", temperature),
            prompt.system(),
            prompt.user());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(material.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<Draft> find(TenantRef tenant, String key) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select subject, body, rationale, generator, prompt_tokens, completion_tokens"
                      + " from ai_cache where cache_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Draft(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      true,
                      rs.getInt(5),
                      rs.getInt(6)));
            }
          }
        });
  }

  public void store(TenantRef tenant, String key, Draft draft) {
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into ai_cache (cache_key, subject, body, rationale, generator,"
                      + " prompt_tokens, completion_tokens, created_at)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (cache_key) do nothing")) {
            ps.setString(1, key);
            ps.setString(2, draft.subject());
            ps.setString(3, draft.body());
            ps.setString(4, draft.rationale());
            ps.setString(5, draft.generator());
            ps.setInt(6, draft.promptTokens());
            ps.setInt(7, draft.completionTokens());
            ps.setTimestamp(8, Timestamp.from(clock.instant()));
            return ps.executeUpdate();
          }
        });
  }
}
