package io.omnireach.knowledge;

import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-embeds a tenant's knowledge chunks and lead history when its settings ask for another
 * embedding model, in steps a background job runs (see the app's ReembeddingJob):
 *
 * <ol>
 *   <li>begin: the new model's dimension is learnt from one call, and a column {@code
 *       embedding_next vector(N)} is added beside {@code embedding} on both tables;
 *   <li>each step embeds a batch of rows whose {@code embedding_next} is still null — the progress
 *       is the rows themselves, so a crash or restart goes on where it stopped, and rows written
 *       meanwhile (new documents, new history, made with the old model) are picked up too;
 *   <li>switch: the new column's HNSW (cosine) index is built first (searches go on meanwhile);
 *       then, with the tables locked against writes, the old column is dropped and the new one and
 *       its index take their names; from then on queries and new rows use the new model.
 * </ol>
 *
 * Until the switch, searches read the old column with the old model: they keep working.
 */
public final class Reembedding {

  /** pgvector's HNSW index takes vectors of at most this many dimensions. */
  static final int HNSW_MAX_DIMENSIONS = 2000;

  /** The tables with vectors, and what each embeds. */
  private static final List<String> TABLES = List.of("knowledge_chunks", "lead_history_chunks");

  private final Transactions tx;
  private final TenantEmbedders embedders;
  private final Clock clock;

  public Reembedding(Transactions tx, TenantEmbedders embedders, Clock clock) {
    this.tx = tx;
    this.embedders = embedders;
    this.clock = clock;
  }

  public EmbeddingState state(TenantRef tenant) {
    return tx.tenant(tenant, Reembedding::state);
  }

  private record Row(String table, long id, String text) {}

  private record Batch(List<Row> rows, Embedder embedder) {}

  /**
   * One step for the tenant: begin, embed up to {@code batch} rows, switch over, or cancel (the
   * settings went back to the model in use). Returns whether there is more to do. A failure (the
   * provider down, a wrong key) is recorded on the state, shown with the progress, and thrown; the
   * next step tries again.
   */
  public boolean step(TenantRef tenant, int batch) {
    try {
      return stepOrThrow(tenant, batch);
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      tx.tenant(
          tenant,
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement("update embedding_state set error = ?")) {
              ps.setString(1, why.length() <= 1000 ? why : why.substring(0, 1000));
              return ps.executeUpdate();
            }
          });
      throw e;
    }
  }

  /** Steps until current (tests; the app runs a few steps per sweep). Returns the steps run. */
  public int runToEnd(TenantRef tenant, int batch) {
    int steps = 0;
    while (step(tenant, batch)) {
      steps++;
    }
    return steps;
  }

  private boolean stepOrThrow(TenantRef tenant, int batch) {
    EmbeddingState s = state(tenant);
    EmbeddingSpec target = tx.tenant(tenant, embedders::target);
    if (s.status() == EmbeddingStatus.CURRENT) {
      if (s.model().equals(target.id())) {
        if (s.error() != null) { // a failed start of a model the settings no longer ask for
          tx.tenant(
              tenant,
              c -> {
                try (Statement st = c.createStatement()) {
                  return st.executeUpdate("update embedding_state set error = null");
                }
              });
        }
        return false;
      }
      begin(tenant, target);
      return true;
    }
    if (!s.targetModel().equals(target.id())) {
      if (s.model().equals(target.id())) {
        cancel(tenant);
        return false;
      }
      begin(tenant, target);
      return true;
    }
    Batch work =
        tx.tenant(
            tenant,
            c ->
                new Batch(
                    pending(c, batch),
                    embedders.of(c, tenant, EmbeddingSpec.parse(s.targetModel()))));
    if (work.rows().isEmpty()) {
      buildIndex(tenant);
      return !switchOver(tenant);
    }
    // the model runs outside any transaction
    List<float[]> vectors = work.embedder().embedAll(work.rows().stream().map(Row::text).toList());
    for (float[] v : vectors) {
      if (v.length != s.targetDimensions()) {
        throw new IllegalStateException(
            "The embedding model returned "
                + v.length
                + " dimensions instead of "
                + s.targetDimensions()
                + ".");
      }
    }
    tx.tenant(
        tenant,
        c -> {
          for (String table : TABLES) {
            // the table name is one of TABLES, never input
            try (PreparedStatement ps =
                c.prepareStatement(
                    "update "
                        + table
                        + " set embedding_next = ?::extensions.vector where id = ?")) {
              for (int i = 0; i < work.rows().size(); i++) {
                Row r = work.rows().get(i);
                if (r.table().equals(table)) {
                  ps.setString(1, KnowledgeStore.vector(vectors.get(i)));
                  ps.setLong(2, r.id());
                  ps.addBatch();
                }
              }
              ps.executeBatch();
            }
          }
          progress(c);
          return null;
        });
    return true;
  }

  /** Rows still without a new vector: knowledge chunks first, then lead history. */
  private static List<Row> pending(Connection c, int limit) throws SQLException {
    List<Row> out = new ArrayList<>();
    for (String table : TABLES) {
      if (out.size() >= limit) {
        break;
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "select id, text from "
                  + table
                  + " where embedding_next is null order by id limit "
                  + (limit - out.size()))) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Row(table, rs.getLong(1), rs.getString(2)));
          }
        }
      }
    }
    return out;
  }

  /** Learns the new model's dimension from one call, then adds the new columns. */
  private void begin(TenantRef tenant, EmbeddingSpec target) {
    Embedder embedder = tx.tenant(tenant, c -> embedders.of(c, tenant, target));
    int dimensions = embedder.dimensions();
    if (dimensions > HNSW_MAX_DIMENSIONS) {
      throw new IllegalStateException(
          target.id()
              + " makes vectors of "
              + dimensions
              + " dimensions; the HNSW index takes at most "
              + HNSW_MAX_DIMENSIONS
              + ". Choose another embedding model.");
    }
    tx.tenant(
        tenant,
        c -> {
          lock(c);
          try (Statement st = c.createStatement()) {
            for (String table : TABLES) {
              st.execute("alter table " + table + " drop column if exists embedding_next");
              st.execute(
                  "alter table "
                      + table
                      + " add column embedding_next extensions.vector("
                      + dimensions
                      + ")");
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update embedding_state set status = 'REINDEXING', target_model = ?,"
                      + " target_dimensions = ?, done = 0, error = null, started_at = ?")) {
            ps.setString(1, target.id());
            ps.setInt(2, dimensions);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.executeUpdate();
          }
          progress(c);
          return null;
        });
  }

  /**
   * Builds the new column's HNSW index before the switch, in a transaction of its own: {@code
   * create index} blocks writes for its duration but not searches, which the switch's exclusive
   * lock would (a build over 100,000 chunks takes a while). Rows added later join it as usual.
   */
  private void buildIndex(TenantRef tenant) {
    tx.tenant(
        tenant,
        c -> {
          try (Statement st = c.createStatement()) {
            return st.execute(
                "create index if not exists knowledge_chunks_embedding_next on knowledge_chunks"
                    + " using hnsw (embedding_next extensions.vector_cosine_ops)");
          }
        });
  }

  /**
   * Swaps the columns and takes over the new index, once no row lacks its new vector (checked under
   * the lock, so a row written meanwhile waits for the next step). Quick: no index is built here.
   * Returns whether it switched.
   */
  private boolean switchOver(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          lock(c);
          if (!pending(c, 1).isEmpty()) {
            return false;
          }
          try (Statement st = c.createStatement()) {
            for (String table : TABLES) {
              // dropping the column drops the old HNSW index on it
              st.execute("alter table " + table + " drop column embedding");
              st.execute("alter table " + table + " rename column embedding_next to embedding");
              st.execute("alter table " + table + " alter column embedding set not null");
            }
            st.execute(
                "alter index knowledge_chunks_embedding_next rename to knowledge_chunks_embedding");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update embedding_state set model = target_model, dimensions = target_dimensions,"
                      + " status = 'CURRENT', target_model = null, target_dimensions = null,"
                      + " done = total, error = null, switched_at = ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.executeUpdate();
          }
          return true;
        });
  }

  /** The settings went back to the model the vectors come from: the new columns go. */
  private void cancel(TenantRef tenant) {
    tx.tenant(
        tenant,
        c -> {
          lock(c);
          try (Statement st = c.createStatement()) {
            for (String table : TABLES) {
              st.execute("alter table " + table + " drop column if exists embedding_next");
            }
            st.execute(
                "update embedding_state set status = 'CURRENT', target_model = null,"
                    + " target_dimensions = null, error = null");
          }
          return null;
        });
  }

  /**
   * Writers wait (readers do not) while the columns change; two servers never step one tenant's
   * switch at once.
   */
  private static void lock(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("select 1 from embedding_state for update");
      st.execute("lock table knowledge_chunks, lead_history_chunks in exclusive mode");
    }
  }

  private static void progress(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "update embedding_state set total ="
              + " (select count(*) from knowledge_chunks) + (select count(*) from"
              + " lead_history_chunks), done = (select count(*) from knowledge_chunks where"
              + " embedding_next is not null) + (select count(*) from lead_history_chunks where"
              + " embedding_next is not null), error = null");
    }
  }

  static EmbeddingState state(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "select model, dimensions, status, target_model, target_dimensions, total, done,"
                    + " error, started_at, switched_at from embedding_state");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("embedding_state has no row");
      }
      Timestamp started = rs.getTimestamp(9);
      Timestamp switched = rs.getTimestamp(10);
      return new EmbeddingState(
          rs.getString(1),
          rs.getInt(2),
          EmbeddingStatus.valueOf(rs.getString(3)),
          rs.getString(4),
          (Integer) rs.getObject(5),
          rs.getInt(6),
          rs.getInt(7),
          rs.getString(8),
          started == null ? null : started.toInstant(),
          switched == null ? null : switched.toInstant());
    }
  }
}
