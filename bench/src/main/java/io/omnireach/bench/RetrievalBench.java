package io.omnireach.bench;

import io.omnireach.db.Migrations;
import io.omnireach.db.Transactions;
import io.omnireach.knowledge.DocumentFormat;
import io.omnireach.knowledge.KnowledgeBase;
import io.omnireach.knowledge.KnowledgeDocument;
import io.omnireach.knowledge.KnowledgeHit;
import io.omnireach.knowledge.KnowledgeStore;
import io.omnireach.knowledge.MiniLmEmbedder;
import io.omnireach.tenant.TenantRef;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Knowledge-base retrieval: top-10 over CHUNKS chunks of one tenant through the product's search
 * (HNSW index, {@link KnowledgeStore#search}) against an exact scan of the same table in the same
 * run — p50/p95 latency of both and recall@10 of HNSW against exact; then the knowledge indexing
 * path's rate (extract, chunk, embed, write: {@link KnowledgeBase#indexNow}) beside the raw
 * embedding rate of the in-process model on the same chunk texts.
 *
 * <p>The 100,000 stored vectors are built from real MiniLM embeddings of {@code CENTRES} generated
 * sales sentences: each is a random blend of three of them (weights drawn at random) plus a little
 * Gaussian noise, re-normalised — text that touches several topics, spread continuously over the
 * space real embeddings span. Embedding 100,000 texts would take the model most of an hour on two
 * cores; near-copies of a few sentences would instead make hundreds of near-equal distances, which
 * no approximate index (and no real corpus) looks like. The queries are embeddings of other
 * sentences, so they are not copies of stored vectors.
 *
 * <p>Run with {@code scripts/bench-retrieval.sh} (CHUNKS=N, default 100,000).
 */
public final class RetrievalBench {

  static final TenantRef TENANT = new TenantRef(1, "bench");
  private static final int CENTRES = Integer.getInteger("centres", 2_000);
  private static final int QUERIES = 200;
  private static final int K = 10;
  private static final double NOISE = 0.01;

  private static final String[] SUBJECTS = {
    "Our onboarding team",
    "The analytics module",
    "Acme's finance department",
    "The pilot project",
    "Globex procurement",
    "Our support desk",
    "The integration with Salesforce",
    "The pricing page",
    "Initech's security review",
    "The renewal contract",
    "Our data warehouse",
    "The mobile app",
    "Umbrella's logistics group",
    "The quarterly business review",
    "The API rate limit",
    "Our GDPR process",
    "The reseller programme",
    "Hooli's marketing team",
    "The SSO rollout",
    "The invoice workflow"
  };
  private static final String[] VERBS = {
    "reduced",
    "doubled",
    "delayed",
    "simplified",
    "audited",
    "automated",
    "replaced",
    "measured",
    "improved",
    "migrated",
    "questioned",
    "approved",
    "rejected",
    "priced",
    "scheduled"
  };
  private static final String[] OBJECTS = {
    "the time to first value", "cold outreach reply rates", "the cost per qualified meeting",
    "manual data entry", "the churn in the first quarter", "the number of open tickets",
    "lead routing across regions", "the discount approval chain", "deliverability to Outlook",
    "the handover from sales to success", "forecast accuracy", "contract turnaround time",
    "the backlog of security questionnaires", "seat utilisation", "the weekly pipeline report"
  };
  private static final String[] TAILS = {
    "last spring",
    "within two weeks",
    "after the workshop in Berlin",
    "for the EMEA region",
    "before the board meeting",
    "according to their COO",
    "in the second pilot",
    "once the budget was approved",
    "without extra headcount",
    "as the case study shows"
  };

  private RetrievalBench() {}

  public static void main(String[] args) throws Exception {
    Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
    int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    String db = "omnireach_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    WorkflowStepsBench.admin("create database " + db);
    try {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(WorkflowStepsBench.SERVER + db);
      ds.setUser(WorkflowStepsBench.USER);
      ds.setReWriteBatchedInserts(true);
      Migrations.migratePlatform(ds);
      Migrations.migrateTenant(ds, TENANT.schema());
      try (OneConnectionPool pool = new OneConnectionPool(ds)) {
        run(new Transactions(pool), chunks);
      }
    } finally {
      WorkflowStepsBench.admin("drop database if exists " + db + " with (force)");
    }
  }

  static void run(Transactions tx, int chunks) throws SQLException {
    MiniLmEmbedder embedder = new MiniLmEmbedder();
    Random random = new Random(42);
    embedder.embed("warm-up"); // loads the model (about a second), not measured

    // 1. the raw model on CENTRES sentences, then the product's indexing path on the same texts
    List<String> sentences = sentences(random, CENTRES);
    long t0 = System.nanoTime();
    List<float[]> centres = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i += 16) {
      centres.addAll(embedder.embedAll(sentences.subList(i, Math.min(sentences.size(), i + 16))));
    }
    double sentenceRate = sentences.size() / ((System.nanoTime() - t0) / 1e9);

    KnowledgeStore store = new KnowledgeStore(tx, Clock.systemUTC());
    KnowledgeBase kb =
        new KnowledgeBase(store, tx, embedder, (t, id) -> 0L, KnowledgeBase.DEFAULT_MAX_BYTES);
    byte[] text = String.join("\n\n", sentences).getBytes(StandardCharsets.UTF_8);
    long docId = store.create(TENANT, "bench.txt", DocumentFormat.TEXT, text, "bench");
    t0 = System.nanoTime();
    KnowledgeDocument indexed = kb.indexNow(TENANT, docId);
    double jobSeconds = (System.nanoTime() - t0) / 1e9;
    int indexedChunks = indexed.chunksDone();
    List<String> chunkTexts = chunkTexts(tx, docId);
    t0 = System.nanoTime();
    for (int i = 0; i < chunkTexts.size(); i += 16) {
      embedder.embedAll(chunkTexts.subList(i, Math.min(chunkTexts.size(), i + 16)));
    }
    double rawChunkRate = chunkTexts.size() / ((System.nanoTime() - t0) / 1e9);

    // 2. CHUNKS vectors around the real embeddings, bulk-loaded without the index, then the index
    // built as the migration defines it (building once is how a re-embedding would load too)
    long bulkDoc = store.create(TENANT, "bulk.txt", DocumentFormat.TEXT, new byte[] {'x'}, "bench");
    tx.tenant(
        TENANT,
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("update knowledge_documents set status = 'READY' where id = " + bulkDoc);
            s.execute("drop index knowledge_chunks_embedding");
          }
          return null;
        });
    t0 = System.nanoTime();
    for (int from = 0; from < chunks; from += 2_000) {
      int n = Math.min(2_000, chunks - from);
      List<String> texts = new ArrayList<>(n);
      List<float[]> vectors = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int centre = random.nextInt(centres.size());
        texts.add(sentences.get(centre) + " #" + (from + i));
        vectors.add(blend(centres, centre, random));
      }
      int first = from;
      tx.tenant(
          TENANT,
          c -> {
            KnowledgeStore.writeChunks(c, bulkDoc, first, texts, vectors);
            return null;
          });
    }
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    tx.tenant(
        TENANT,
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("set maintenance_work_mem = '512MB'");
            s.execute(
                "create index knowledge_chunks_embedding on knowledge_chunks"
                    + " using hnsw (embedding extensions.vector_cosine_ops)");
            s.execute("analyze knowledge_chunks");
          }
          return null;
        });
    double indexSeconds = (System.nanoTime() - t0) / 1e9;

    // 3. queries: embeddings of sentences not stored (other random combinations)
    List<float[]> queries = embedder.embedAll(sentences(new Random(7), QUERIES));
    for (int i = 0; i < 20; i++) { // warm-up of both plans, not measured
      store.search(TENANT, queries.get(i), K);
      exact(tx, queries.get(i));
    }
    long[] hnswNanos = new long[QUERIES];
    long[] exactNanos = new long[QUERIES];
    double recall = 0;
    for (int q = 0; q < QUERIES; q++) {
      long s0 = System.nanoTime();
      List<KnowledgeHit> approx = store.search(TENANT, queries.get(q), K);
      hnswNanos[q] = System.nanoTime() - s0;
      s0 = System.nanoTime();
      Set<Long> truth = exact(tx, queries.get(q));
      exactNanos[q] = System.nanoTime() - s0;
      long found = approx.stream().filter(h -> truth.contains(h.chunkId())).count();
      recall += (double) found / truth.size();
    }
    recall /= QUERIES;
    String plan = hnswPlan(tx, queries.get(0));

    System.out.printf(
        Locale.ROOT,
        "Knowledge retrieval, top-%d over %,d chunks (blends of %,d real MiniLM embeddings, noise"
            + " %.2f),"
            + " %d queries%n",
        K,
        chunks,
        CENTRES,
        NOISE,
        QUERIES);
    System.out.printf(
        Locale.ROOT,
        "  HNSW (product search):  p50 %6.2f ms   p95 %6.2f ms   (plan uses %s)%n",
        percentile(hnswNanos, 50),
        percentile(hnswNanos, 95),
        plan);
    System.out.printf(
        Locale.ROOT,
        "  exact scan, same table: p50 %6.2f ms   p95 %6.2f ms%n",
        percentile(exactNanos, 50),
        percentile(exactNanos, 95));
    System.out.printf(
        Locale.ROOT,
        "  recall@%d of HNSW vs exact: %.3f   (targets: p95 < 50 ms, recall >= 0.95)%n",
        K,
        recall);
    System.out.printf(
        Locale.ROOT,
        "  bulk load %,d chunks: %.1f s (%,.0f chunks/s); HNSW index build: %.1f s%n",
        chunks,
        loadSeconds,
        chunks / loadSeconds,
        indexSeconds);
    System.out.printf(
        Locale.ROOT,
        "Ingest: knowledge indexing path %,.0f chunks/s (%d chunks, %.1f s) vs the raw model on"
            + " the same chunk texts %,.0f chunks/s = %.0f %% (raw model on single sentences:"
            + " %,.0f/s)%n",
        indexedChunks / jobSeconds,
        indexedChunks,
        jobSeconds,
        rawChunkRate,
        100 * (indexedChunks / jobSeconds) / rawChunkRate,
        sentenceRate);
  }

  private static List<String> chunkTexts(Transactions tx, long documentId) {
    return tx.tenant(
        TENANT,
        c -> {
          List<String> texts = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select text from knowledge_chunks where document_id = ? order by ordinal")) {
            ps.setLong(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                texts.add(rs.getString(1));
              }
            }
          }
          return texts;
        });
  }

  /** The true top-k: every chunk's distance computed and sorted (index scans off). */
  private static Set<Long> exact(Transactions tx, float[] query) {
    return tx.tenant(
        TENANT,
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("set local enable_indexscan = off");
          }
          Set<Long> ids = new HashSet<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select id from knowledge_chunks"
                      + " order by embedding operator(extensions.<=>) ?::extensions.vector"
                      + " limit ?")) {
            ps.setString(1, vector(query));
            ps.setInt(2, K);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
          }
          return ids;
        });
  }

  /** Proof that the product's query ({@link KnowledgeStore#SEARCH}) uses the HNSW index. */
  private static String hnswPlan(Transactions tx, float[] query) {
    return tx.tenant(
        TENANT,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("explain " + KnowledgeStore.SEARCH)) {
            ps.setString(1, vector(query));
            ps.setInt(2, 40);
            ps.setInt(3, K);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
              }
            }
            return plan.toString().contains("knowledge_chunks_embedding")
                ? "the HNSW index"
                : "NO index:\n" + plan.toString().replaceAll("'\\[[^']*'", "'[…]'");
          }
        });
  }

  private static List<String> sentences(Random random, int n) {
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>(n);
    while (out.size() < n) {
      String s =
          pick(random, SUBJECTS)
              + " "
              + pick(random, VERBS)
              + " "
              + pick(random, OBJECTS)
              + " "
              + pick(random, TAILS)
              + ".";
      if (seen.add(s)) {
        out.add(s);
      }
    }
    return out;
  }

  private static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }

  /** {@code centre} blended with two other random centres, plus noise, unit length. */
  private static float[] blend(List<float[]> centres, int centre, Random random) {
    float[] a = centres.get(centre);
    float[] b = centres.get(random.nextInt(centres.size()));
    float[] c = centres.get(random.nextInt(centres.size()));
    double wa = 1 + random.nextDouble();
    double wb = random.nextDouble();
    double wc = random.nextDouble() * 0.5;
    float[] v = new float[a.length];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (wa * a[i] + wb * b[i] + wc * c[i] + random.nextGaussian() * NOISE);
      norm += v[i] * v[i];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < v.length; i++) {
      v[i] *= scale;
    }
    return v;
  }

  private static String vector(float[] v) {
    StringBuilder b = new StringBuilder(v.length * 10).append('[');
    for (int i = 0; i < v.length; i++) {
      b.append(i > 0 ? "," : "").append(v[i]);
    }
    return b.append(']').toString();
  }

  private static double percentile(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, i)] / 1e6;
  }
}
