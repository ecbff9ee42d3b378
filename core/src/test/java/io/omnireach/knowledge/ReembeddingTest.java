package io.omnireach.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.ai.AiSettingsRepository;
import io.omnireach.ai.AiSettingsUpdate;
import io.omnireach.ai.ChatModels;
import io.omnireach.ai.KeyCipher;
import io.omnireach.ai.Provider;
import io.omnireach.common.DomainException;
import io.omnireach.db.Migrations;
import io.omnireach.lead.LeadDraft;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.LeadRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.EmbeddingsFake;
import io.omnireach.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Provider embeddings and the re-embedding when a tenant's model changes, on PostgreSQL with
 * pgvector: the real langchain4j Mistral and OpenAI clients against a local fake of both embeddings
 * endpoints (each with another dimension). The in-process model's vectors are re-made step by step
 * beside the old ones (searches keep working), the column and HNSW index switch to the new
 * dimension, new documents and history use the new model, and back again; another tenant keeps its
 * own model.
 */
class ReembeddingTest {

  static final int MISTRAL_DIMS = 64;
  static final int OPENAI_DIMS = 96;
  static final TenantRef T = new TenantRef(1, "reembed");
  static final TenantRef OTHER = new TenantRef(2, "reembed-other");
  static final Clock clock = Clock.systemUTC();

  static TestDatabase db;
  static EmbeddingsFake fake;
  static AiSettingsRepository settings;
  static TenantEmbedders embedders;
  static KnowledgeBase kb;
  static Reembedding reembedding;

  @BeforeAll
  static void start() {
    db = TestDatabase.migrated();
    Migrations.migrateTenant(db.dataSource(), T.schema());
    Migrations.migrateTenant(db.dataSource(), OTHER.schema());
    fake =
        new EmbeddingsFake(
            Map.of(
                EmbeddingsFake.MISTRAL_PATH, MISTRAL_DIMS, EmbeddingsFake.OPENAI_PATH, OPENAI_DIMS),
            Set.of("down-embed"));
    settings =
        new AiSettingsRepository(
            db.transactions(), KeyCipher.fromBase64(KeyCipher.newMasterKey()), clock);
    ChatModels models =
        new ChatModels(
            Map.of(
                Provider.MISTRAL, fake.baseUrl() + "/v1",
                Provider.OPENROUTER, fake.baseUrl() + "/api/v1"),
            Duration.ofSeconds(5),
            false);
    embedders = new TenantEmbedders(settings, models, new MiniLmEmbedder());
    kb =
        new KnowledgeBase(
            new KnowledgeStore(db.transactions(), clock),
            db.transactions(),
            embedders,
            (tenant, id) -> id,
            64 * 1024);
    reembedding = new Reembedding(db.transactions(), embedders, clock);
  }

  @AfterAll
  static void stop() {
    fake.close();
    db.close();
  }

  static KnowledgeDocument index(TenantRef t, String name, String text) {
    KnowledgeDocument d = kb.upload(t, name, null, text.getBytes(StandardCharsets.UTF_8), "test");
    return kb.indexNow(t, d.id());
  }

  static List<Integer> dims(TenantRef t, String table) {
    return db.transactions()
        .tenant(
            t,
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs =
                      s.executeQuery(
                          "select distinct extensions.vector_dims(embedding) from " + table)) {
                List<Integer> out = new ArrayList<>();
                while (rs.next()) {
                  out.add(rs.getInt(1));
                }
                return out;
              }
            });
  }

  static String columnType(TenantRef t) {
    return db.transactions()
        .tenant(
            t,
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs =
                      s.executeQuery(
                          "select format_type(atttypid, atttypmod) from pg_attribute where"
                              + " attrelid = 'knowledge_chunks'::regclass and attname ="
                              + " 'embedding'")) {
                rs.next();
                return rs.getString(1);
              }
            });
  }

  static boolean hnswIndex(TenantRef t) {
    return db.transactions()
        .tenant(
            t,
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs =
                      s.executeQuery(
                          "select indexdef from pg_indexes where schemaname = current_schema()"
                              + " and indexname = 'knowledge_chunks_embedding'")) {
                return rs.next() && rs.getString(1).contains("hnsw");
              }
            });
  }

  /** A message we sent the lead, for the history sweep to embed. */
  static void sent(long leadId, String sentAt, String subject, String body) {
    db.transactions()
        .tenant(
            T,
            c -> {
              try (var ps =
                  c.prepareStatement(
                      "insert into messages (lead_id, idempotency_key, message_id, to_address,"
                          + " subject, body, status, sent_at) values (?, gen_random_uuid()::text,"
                          + " gen_random_uuid()::text, 'peter@initech.example', ?, ?, 'SENT',"
                          + " ?::timestamptz)")) {
                ps.setLong(1, leadId);
                ps.setString(2, subject);
                ps.setString(3, body);
                ps.setString(4, sentAt);
                return ps.executeUpdate();
              }
            });
  }

  static String topHit(String query) {
    return kb.search(T, query, 1).get(0).text();
  }

  @Test
  void switching_the_model_re_embeds_everything_at_the_new_dimension_and_search_follows() {
    index(
        T,
        "facts.txt",
        ("Payment terms: invoices are due within thirty days, paid by bank transfer.\n\n"
                + "x ".repeat(420)
                + "\n\nThe support team answers tickets within four hours on weekdays.\n\n"
                + "y ".repeat(420)
                + "\n\nOur headquarters are in Zurich, Switzerland, next to the lake.")
            .strip());
    LeadRepository leads = new LeadRepository(db.transactions(), clock);
    long lead =
        leads
            .create(
                T,
                new LeadDraft()
                    .set(LeadField.FIRST_NAME, "Peter")
                    .set(LeadField.EMAIL, "peter@initech.example"),
                "test")
            .id();
    sent(lead, "2026-03-02T09:00:00Z", "Quick idea", "We cut report time in half.");
    assertThat(kb.history().embedPending(T, 10)).isEqualTo(1);
    assertThat(reembedding.state(T).model()).isEqualTo("local:all-minilm-l6-v2");
    assertThat(reembedding.state(T).dimensions()).isEqualTo(384);
    int mark = fake.requests().size(); // the fake is shared with the other test
    assertThat(reembedding.step(T, 2)).isFalse(); // nothing to do
    assertThat(fake.requests()).hasSize(mark);

    // Mistral's embeddings: the first step learns the dimension and adds the new columns
    settings.update(
        T,
        new AiSettingsUpdate("MISTRAL", null, "mk-secret-9876", null, null, "mistral-embed"),
        "t");
    assertThat(reembedding.step(T, 2)).isTrue();
    EmbeddingState begun = reembedding.state(T);
    assertThat(begun.status()).isEqualTo(EmbeddingStatus.REINDEXING);
    assertThat(begun.targetModel()).isEqualTo("mistral:mistral-embed");
    assertThat(begun.targetDimensions()).isEqualTo(MISTRAL_DIMS);
    assertThat(begun.total()).isGreaterThanOrEqualTo(4); // 3+ chunks and the message
    assertThat(begun.done()).isZero();
    assertThat(fake.requests()).hasSize(mark + 1);
    EmbeddingsFake.Request probe = fake.requests().get(mark);
    assertThat(probe.path()).isEqualTo(EmbeddingsFake.MISTRAL_PATH);
    assertThat(probe.authorization()).isEqualTo("Bearer mk-secret-9876");
    assertThat(probe.body().get("model").asText()).isEqualTo("mistral-embed");

    // a batch: progress, and searches still answer from the old vectors with the old model
    assertThat(reembedding.step(T, 2)).isTrue();
    assertThat(reembedding.state(T).done()).isEqualTo(2);
    assertThat(reembedding.state(T).progress()).isBetween(0.0, 1.0);
    int calls = fake.requests().size();
    assertThat(topHit("How fast does support reply to a ticket?"))
        .contains("support team answers tickets");
    assertThat(fake.requests()).hasSize(calls);
    assertThat(columnType(T)).isEqualTo("extensions.vector(384)");

    // after a restart (a new instance), it goes on from the rows already done
    Reembedding afterRestart = new Reembedding(db.transactions(), embedders, clock);
    assertThat(afterRestart.runToEnd(T, 2)).isPositive();
    EmbeddingState switched = reembedding.state(T);
    assertThat(switched.status()).isEqualTo(EmbeddingStatus.CURRENT);
    assertThat(switched.model()).isEqualTo("mistral:mistral-embed");
    assertThat(switched.dimensions()).isEqualTo(MISTRAL_DIMS);
    assertThat(switched.done()).isEqualTo(switched.total());
    assertThat(switched.switchedAt()).isNotNull();
    assertThat(columnType(T)).isEqualTo("extensions.vector(" + MISTRAL_DIMS + ")");
    assertThat(dims(T, "knowledge_chunks")).containsExactly(MISTRAL_DIMS);
    assertThat(dims(T, "lead_history_chunks")).containsExactly(MISTRAL_DIMS);
    assertThat(hnswIndex(T)).isTrue();

    // the query is embedded by Mistral now, and finds the chunk that shares its words
    assertThat(topHit("support team tickets weekdays")).contains("support team answers tickets");
    EmbeddingsFake.Request query = fake.requests().get(fake.requests().size() - 1);
    assertThat(query.path()).isEqualTo(EmbeddingsFake.MISTRAL_PATH);
    assertThat(query.body().get("input").get(0).asText())
        .isEqualTo("support team tickets weekdays");
    // new documents and history are embedded by the new model
    KnowledgeDocument later =
        index(T, "later.txt", "Globex renews its contract in June; the budget owner is the CFO.");
    assertThat(later.status()).isEqualTo(KnowledgeStatus.READY);
    assertThat(topHit("Globex contract renews June")).contains("Globex renews");
    sent(lead, "2026-03-05T09:00:00Z", "Numbers", "Here are the numbers you asked for.");
    assertThat(kb.history().embedPending(T, 10)).isEqualTo(1);
    assertThat(dims(T, "lead_history_chunks")).containsExactly(MISTRAL_DIMS);

    // an OpenAI-compatible endpoint (OpenRouter) with another dimension
    settings.update(
        T,
        new AiSettingsUpdate(
            "OPENROUTER", null, "sk-or-v1-abcd1234", null, null, "openai/text-embedding-3-small"),
        "t");
    assertThat(reembedding.runToEnd(T, 16)).isPositive();
    assertThat(reembedding.state(T).model()).isEqualTo("openrouter:openai/text-embedding-3-small");
    assertThat(dims(T, "knowledge_chunks")).containsExactly(OPENAI_DIMS);
    EmbeddingsFake.Request openai = fake.requests(EmbeddingsFake.OPENAI_PATH).get(0);
    assertThat(openai.authorization()).isEqualTo("Bearer sk-or-v1-abcd1234");
    assertThat(openai.body().get("model").asText()).isEqualTo("openai/text-embedding-3-small");
    assertThat(topHit("headquarters Zurich Switzerland lake"))
        .contains("headquarters are in Zurich");

    // back to the in-process model
    settings.update(T, new AiSettingsUpdate(null, null, null, null, null, ""), "t");
    assertThat(reembedding.runToEnd(T, 16)).isPositive();
    assertThat(reembedding.state(T).model()).isEqualTo("local:all-minilm-l6-v2");
    assertThat(columnType(T)).isEqualTo("extensions.vector(384)");
    assertThat(topHit("How fast does support reply to a ticket?"))
        .contains("support team answers tickets");

    // the other tenant never moved
    assertThat(reembedding.state(OTHER).model()).isEqualTo("local:all-minilm-l6-v2");
    assertThat(reembedding.step(OTHER, 16)).isFalse();
  }

  @Test
  void a_provider_failure_is_recorded_and_searches_keep_the_model_in_use() {
    TenantRef t = new TenantRef(3, "reembed-down");
    Migrations.migrateTenant(db.dataSource(), t.schema());
    KnowledgeDocument d = index(t, "one.txt", "The canteen serves pasta on Fridays.");
    assertThat(d.status()).isEqualTo(KnowledgeStatus.READY);
    settings.update(
        t, new AiSettingsUpdate("MISTRAL", null, "mk-down-0000", null, null, "down-embed"), "t");
    assertThatThrownBy(() -> reembedding.step(t, 16)).isInstanceOf(RuntimeException.class);
    EmbeddingState failed = reembedding.state(t);
    assertThat(failed.status()).isEqualTo(EmbeddingStatus.CURRENT);
    assertThat(failed.error())
        .isEqualTo("The embedding provider failed (HTTP 503: model overloaded).");
    assertThat(kb.search(t, "What is for lunch on Friday?", 1).get(0).text()).contains("pasta");
    // the settings go back: nothing to do, the error is cleared
    settings.update(t, new AiSettingsUpdate(null, null, null, null, null, ""), "t");
    assertThat(reembedding.step(t, 16)).isFalse();
    assertThat(reembedding.state(t).error()).isNull();
    // without a key the provider's model is not used at all
    settings.update(t, new AiSettingsUpdate(null, null, "", null, null, "mistral-embed"), "t");
    assertThat(reembedding.step(t, 16)).isFalse();
    assertThatThrownBy(
            () ->
                settings.update(
                    t, new AiSettingsUpdate(null, null, null, null, null, "bad model!"), "t"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("embeddingModel"));
  }
}
