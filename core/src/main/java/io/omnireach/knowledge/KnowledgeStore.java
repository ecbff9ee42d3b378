package io.omnireach.knowledge;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
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
 * Documents and chunks of one tenant's knowledge base in its schema. Vectors are bound as pgvector
 * text ({@code [0.1,0.2,…]}) and compared with the cosine distance operator of the {@code
 * extensions} schema, which the HNSW index serves.
 */
public final class KnowledgeStore {

  /** Cosine distance, schema-qualified: tenant transactions see only their own schema. */
  static final String COSINE = "operator(extensions.<=>)";

  private static final String COLUMNS =
      "id, filename, media_type, size_bytes, status, error, chunks_total, chunks_done,"
          + " execution_id, created_by, created_at, indexed_at";

  private final Transactions tx;
  private final Clock clock;

  public KnowledgeStore(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public long create(
      TenantRef tenant, String filename, DocumentFormat format, byte[] content, String actor) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into knowledge_documents (filename, media_type, size_bytes, content,"
                      + " created_by, created_at) values (?, ?, ?, ?, ?, ?) returning id")) {
            ps.setString(1, filename);
            ps.setString(2, format.mediaType());
            ps.setInt(3, content.length);
            ps.setBytes(4, content);
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  public List<KnowledgeDocument> list(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select "
                          + COLUMNS
                          + " from knowledge_documents order by id desc limit 500");
              ResultSet rs = ps.executeQuery()) {
            List<KnowledgeDocument> out = new ArrayList<>();
            while (rs.next()) {
              out.add(document(rs));
            }
            return out;
          }
        });
  }

  /** NOT_FOUND for ids of another tenant too (the schema holds only this tenant's rows). */
  public KnowledgeDocument get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> getJoined(c, id));
  }

  static KnowledgeDocument getJoined(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select " + COLUMNS + " from knowledge_documents where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("Knowledge document " + id + " not found.");
        }
        return document(rs);
      }
    }
  }

  static byte[] contentJoined(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select content from knowledge_documents where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("Knowledge document " + id + " not found.");
        }
        return rs.getBytes(1);
      }
    }
  }

  static void plannedJoined(Connection c, long id, int chunks) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("update knowledge_documents set chunks_total = ? where id = ?")) {
      ps.setInt(1, chunks);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  /** Deletes the document, audited; its chunks go with it (foreign key on delete cascade). */
  public void delete(TenantRef tenant, long id, String actor) {
    boolean deleted =
        tx.tenant(
            tenant,
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "delete from knowledge_documents where id = ? returning filename")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                  if (!rs.next()) {
                    return false;
                  }
                  AuditLog.record(
                      c,
                      actor,
                      tenant.slug(),
                      "knowledge.delete",
                      id + " " + rs.getString(1),
                      null);
                  return true;
                }
              }
            });
    if (!deleted) {
      throw DomainException.notFound("Knowledge document " + id + " not found.");
    }
  }

  /** The job began (or resumed): INDEXING, with its execution id. False if deleted meanwhile. */
  public boolean started(TenantRef tenant, long id, long executionId) {
    return update(
            tenant,
            "update knowledge_documents set status = 'INDEXING', error = null, execution_id = ?"
                + " where id = ?",
            executionId,
            id)
        > 0;
  }

  public void finished(TenantRef tenant, long id, boolean ok, String error) {
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update knowledge_documents set status = ?, error = ?, indexed_at = ?"
                      + " where id = ? and status <> 'FAILED'")) {
            ps.setString(1, (ok ? KnowledgeStatus.READY : KnowledgeStatus.FAILED).name());
            ps.setString(2, ok ? null : cap(error));
            ps.setTimestamp(3, ok ? Timestamp.from(clock.instant()) : null);
            ps.setLong(4, id);
            return ps.executeUpdate();
          }
        });
  }

  /** Marks the document FAILED with the reason, ahead of the job's own end. */
  public void failed(TenantRef tenant, long id, String error) {
    tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update knowledge_documents set status = 'FAILED', error = ? where id = ?")) {
            ps.setString(1, cap(error));
            ps.setLong(2, id);
            return ps.executeUpdate();
          }
        });
  }

  /**
   * Writes chunks and the progress counter in the caller's transaction (the job's chunk
   * transaction, so they commit with its checkpoint). A re-run of the same ordinals is a no-op.
   */
  public static void writeChunks(
      Connection c, long documentId, int firstOrdinal, List<String> texts, List<float[]> vectors)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into knowledge_chunks (document_id, ordinal, text, embedding)"
                + " values (?, ?, ?, ?::extensions.vector)"
                + " on conflict (document_id, ordinal) do nothing")) {
      for (int i = 0; i < texts.size(); i++) {
        ps.setLong(1, documentId);
        ps.setInt(2, firstOrdinal + i);
        ps.setString(3, texts.get(i));
        ps.setString(4, vector(vectors.get(i)));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update knowledge_documents set chunks_done ="
                + " (select count(*) from knowledge_chunks where document_id = ?) where id = ?")) {
      ps.setLong(1, documentId);
      ps.setLong(2, documentId);
      ps.executeUpdate();
    }
  }

  /**
   * The search's query (parameters: query vector, candidates, limit); the benchmark explains it.
   */
  public static final String SEARCH =
      "select k.id, k.document_id, d.filename, k.ordinal, k.text, 1 - k.distance as score"
          + " from (select id, document_id, ordinal, text, embedding "
          + COSINE
          + " ?::extensions.vector as distance from knowledge_chunks"
          + " order by distance limit ?) k"
          + " join knowledge_documents d on d.id = k.document_id"
          + " where d.status = 'READY' order by k.distance limit ?";

  /**
   * Nearest chunks of READY documents by cosine distance, through the HNSW index. The index scan
   * runs on the chunks alone (a join in the same query level makes the planner prefer an exact scan
   * and sort, 100x slower at 100,000 chunks), over a few more candidates than asked for, so that
   * chunks of documents still indexing can be dropped afterwards; {@code hnsw.ef_search} is raised
   * to the candidate count, since an HNSW scan returns at most that many rows.
   * scripts/bench-retrieval.sh measures latency and recall against an exact scan.
   */
  public List<KnowledgeHit> search(TenantRef tenant, float[] query, int limit) {
    int candidates = Math.max(limit * 4, 40);
    return tx.tenant(
        tenant,
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("set local hnsw.ef_search = " + Math.max(100, candidates));
          }
          try (PreparedStatement ps = c.prepareStatement(SEARCH)) {
            ps.setString(1, vector(query));
            ps.setInt(2, candidates);
            ps.setInt(3, limit);
            return hits(ps);
          }
        });
  }

  /** Chunks of READY documents that name {@code term} (a company), best vector match first. */
  public List<KnowledgeHit> mentioning(TenantRef tenant, String term, float[] query, int limit) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select k.id, k.document_id, d.filename, k.ordinal, k.text,"
                      + " 1 - (k.embedding "
                      + COSINE
                      + " ?::extensions.vector) as score"
                      + " from knowledge_chunks k join knowledge_documents d on d.id = k.document_id"
                      + " where d.status = 'READY'"
                      + " and (k.text ilike ? escape '\\' or d.filename ilike ? escape '\\')"
                      + " order by score desc limit ?")) {
            String like =
                "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            ps.setString(1, vector(query));
            ps.setString(2, like);
            ps.setString(3, like);
            ps.setInt(4, limit);
            return hits(ps);
          }
        });
  }

  /** Whether any document is READY: drafts skip embedding a query when there is none. */
  public boolean anyReady(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "select exists (select 1 from knowledge_documents where status = 'READY')");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
          }
        });
  }

  /** Documents whose job has not finished (PENDING or INDEXING), for resuming after a crash. */
  public List<KnowledgeDocument> unfinished(TenantRef tenant) {
    return list(tenant).stream()
        .filter(
            d -> d.status() == KnowledgeStatus.PENDING || d.status() == KnowledgeStatus.INDEXING)
        .toList();
  }

  static String vector(float[] v) {
    StringBuilder b = new StringBuilder(v.length * 10).append('[');
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(v[i]);
    }
    return b.append(']').toString();
  }

  private static List<KnowledgeHit> hits(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<KnowledgeHit> out = new ArrayList<>();
      while (rs.next()) {
        out.add(
            new KnowledgeHit(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getString(5),
                rs.getDouble(6)));
      }
      return out;
    }
  }

  private int update(TenantRef tenant, String sql, long a, long b) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, a);
            ps.setLong(2, b);
            return ps.executeUpdate();
          }
        });
  }

  private static String cap(String error) {
    if (error == null) {
      return null;
    }
    return error.length() <= 1000 ? error : error.substring(0, 1000);
  }

  private static KnowledgeDocument document(ResultSet rs) throws SQLException {
    Timestamp indexed = rs.getTimestamp(12);
    return new KnowledgeDocument(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getInt(4),
        KnowledgeStatus.valueOf(rs.getString(5)),
        rs.getString(6),
        (Integer) rs.getObject(7),
        rs.getInt(8),
        (Long) rs.getObject(9),
        rs.getString(10),
        rs.getTimestamp(11).toInstant(),
        indexed == null ? null : indexed.toInstant());
  }
}
