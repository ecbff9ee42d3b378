package io.omnireach.knowledge;

import io.omnireach.ai.AiSettings;
import io.omnireach.ai.AiSettingsRepository;
import io.omnireach.ai.ChatModels;
import io.omnireach.tenant.TenantRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's embedders: the in-process all-MiniLM-L6-v2 by default; the provider's embedding
 * model named in its AI settings while an API key is set. {@link #active} is the model its stored
 * vectors come from ({@code embedding_state}); {@link #target} the one its settings ask for —
 * {@link Reembedding} moves the vectors from one to the other.
 */
public final class TenantEmbedders implements Embedders {

  private final AiSettingsRepository settings;
  private final ChatModels models;
  private final Embedder local;

  /** Provider clients by model and key digest: one per tenant key, never the key itself. */
  private final Map<String, Embedder> clients = new ConcurrentHashMap<>();

  public TenantEmbedders(AiSettingsRepository settings, ChatModels models, Embedder local) {
    this.settings = settings;
    this.models = models;
    this.local = local;
  }

  @Override
  public Embedder active(Connection c, TenantRef tenant) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select model from embedding_state");
        ResultSet rs = ps.executeQuery()) {
      EmbeddingSpec spec = rs.next() ? EmbeddingSpec.parse(rs.getString(1)) : EmbeddingSpec.LOCAL;
      return of(c, tenant, spec);
    }
  }

  /** The model the tenant's settings ask for: the provider's while a key is set, else local. */
  public EmbeddingSpec target(Connection c) throws SQLException {
    AiSettings s = settings.get(c);
    return s.embeddingModel() == null || !s.keyConfigured()
        ? EmbeddingSpec.LOCAL
        : new EmbeddingSpec(s.provider(), s.embeddingModel());
  }

  /** The embedder of a model, with the tenant's key for a provider's. */
  public Embedder of(Connection c, TenantRef tenant, EmbeddingSpec spec) throws SQLException {
    if (spec.local()) {
      return local;
    }
    String key =
        settings
            .apiKey(c, tenant)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The embedding model "
                            + spec.id()
                            + " needs the provider's API key: set it in Settings → AI."));
    return clients.computeIfAbsent(
        spec.id() + "#" + digest(key),
        k -> new ProviderEmbedder(models.embeddings(spec.provider(), spec.model(), key)));
  }

  private static String digest(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
