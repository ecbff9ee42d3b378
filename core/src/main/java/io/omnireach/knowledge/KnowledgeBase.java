package io.omnireach.knowledge;

import io.omnireach.ai.Passage;
import io.omnireach.ai.PassageSource;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.lead.Lead;
import io.omnireach.persona.Persona;
import io.omnireach.tenant.TenantRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knowledge base of a tenant: upload (checked, stored, indexed by a job), list, delete, search,
 * and the passages a draft is written from. Indexing is extract → split → embed → store; the job
 * runs it in checkpointed chunks through {@link #prepare} and {@link #embedAndWrite}.
 */
public final class KnowledgeBase implements PassageSource {

  public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
  public static final int MAX_SEARCH_LIMIT = 50;

  /**
   * Passages a draft gets at most, and how close a passage must be when the lead's company is not
   * named in it (cosine similarity of all-MiniLM-L6-v2).
   */
  static final int DRAFT_PASSAGES = 3;

  static final double MIN_DRAFT_SCORE = 0.35;

  private final KnowledgeStore store;
  private final Transactions tx;
  private final Embedders embedders;
  private final KnowledgeLauncher launcher;
  private final LeadHistory history;
  private final int maxBytes;
  private final TextExtractor extractor = new TextExtractor();
  private final Chunker chunker = new Chunker();

  /** One model for every tenant (tests, the benchmark). */
  public KnowledgeBase(
      KnowledgeStore store,
      Transactions tx,
      Embedder embedder,
      KnowledgeLauncher launcher,
      int maxBytes) {
    this(store, tx, Embedders.fixed(embedder), launcher, maxBytes);
  }

  /** Each tenant's vectors made and queried with its active model ({@link TenantEmbedders}). */
  public KnowledgeBase(
      KnowledgeStore store,
      Transactions tx,
      Embedders embedders,
      KnowledgeLauncher launcher,
      int maxBytes) {
    this.store = store;
    this.tx = tx;
    this.embedders = embedders;
    this.launcher = launcher;
    this.history = new LeadHistory(tx, embedders);
    this.maxBytes = maxBytes;
  }

  /** The tenant's active embedder (in a short transaction of its own). */
  Embedder embedder(TenantRef tenant) {
    return tx.tenant(tenant, c -> embedders.active(c, tenant));
  }

  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Checks and stores an upload, then starts its indexing job. {@code content} may hold one byte
   * more than the limit (enough to refuse it): 400 empty, 413 too large, 415 not a known format.
   */
  public KnowledgeDocument upload(
      TenantRef tenant, String filename, String contentType, byte[] content, String actor) {
    String name = filename == null || filename.isBlank() ? "" : filename.strip();
    if (name.length() > 255) {
      name = name.substring(name.length() - 255);
    }
    if (content == null || content.length == 0) {
      throw DomainException.invalid("file", "The uploaded file is empty.");
    }
    if (content.length > maxBytes) {
      throw new DomainException(
          DomainException.Kind.PAYLOAD_TOO_LARGE,
          "file",
          "The file is larger than " + (maxBytes / (1024 * 1024)) + " MB.");
    }
    DocumentFormat format =
        DocumentFormat.of(name, contentType)
            .orElseThrow(
                () ->
                    new DomainException(
                        DomainException.Kind.UNSUPPORTED_MEDIA_TYPE,
                        "file",
                        "Upload PDF, DOCX, HTML, Markdown or text files (.pdf, .docx, .html, .md,"
                            + " .txt)."));
    if (name.isEmpty()) {
      name = "document" + format.name().toLowerCase(java.util.Locale.ROOT);
    }
    long id = store.create(tenant, name, format, content, actor);
    launcher.start(tenant, id);
    return store.get(tenant, id);
  }

  public List<KnowledgeDocument> list(TenantRef tenant) {
    return store.list(tenant);
  }

  public KnowledgeDocument get(TenantRef tenant, long id) {
    return store.get(tenant, id);
  }

  public void delete(TenantRef tenant, long id, String actor) {
    store.delete(tenant, id, actor);
  }

  public List<KnowledgeHit> search(TenantRef tenant, String query, Integer limit) {
    if (query == null || query.isBlank()) {
      throw DomainException.invalid("query", "query is required.");
    }
    if (query.length() > 2000) {
      throw DomainException.invalid("query", "query is at most 2000 characters.");
    }
    int n = limit == null ? 5 : limit;
    if (n < 1 || n > MAX_SEARCH_LIMIT) {
      throw DomainException.invalid("limit", "limit is between 1 and " + MAX_SEARCH_LIMIT + ".");
    }
    return store.search(tenant, embedder(tenant).embed(query.strip()), n);
  }

  /**
   * The document's text in chunks, counted on the document. An unreadable or empty document is
   * marked FAILED with the reason and {@link TextExtractor.UnreadableDocument} is thrown.
   */
  public List<String> prepare(TenantRef tenant, long id) {
    try {
      return tx.tenant(tenant, c -> chunksOf(c, id));
    } catch (TextExtractor.UnreadableDocument e) {
      store.failed(tenant, id, e.getMessage());
      throw e;
    }
  }

  /**
   * As {@link #prepare} inside the container's transaction (the job's reader): the reason of an
   * unreadable document is only thrown, since this transaction rolls back with the failure.
   */
  public List<String> prepareJoined(TenantRef tenant, long id) {
    return tx.joined(tenant, c -> chunksOf(c, id));
  }

  private List<String> chunksOf(java.sql.Connection c, long id) throws java.sql.SQLException {
    KnowledgeDocument doc = KnowledgeStore.getJoined(c, id);
    String text =
        extractor.extract(
            DocumentFormat.ofMediaType(doc.mediaType()), KnowledgeStore.contentJoined(c, id));
    List<String> chunks = chunker.split(text);
    if (chunks.isEmpty()) {
      throw new TextExtractor.UnreadableDocument(
          "No text found in the document (a scanned PDF or an empty file?).", null);
    }
    KnowledgeStore.plannedJoined(c, id, chunks.size());
    return chunks;
  }

  /**
   * Embeds chunks {@code first…} of a document with the tenant's active model and stores them in
   * the caller's transaction.
   */
  public void embedAndWrite(
      TenantRef tenant, java.sql.Connection c, long id, int first, List<String> texts)
      throws java.sql.SQLException {
    KnowledgeStore.writeChunks(c, id, first, texts, embedders.active(c, tenant).embedAll(texts));
  }

  /** Indexes a document in this thread, start to end (tests; the app runs the job). */
  public KnowledgeDocument indexNow(TenantRef tenant, long id) {
    store.started(tenant, id, 0);
    try {
      List<String> chunks = prepare(tenant, id);
      for (int i = 0; i < chunks.size(); i += 16) {
        List<String> batch = chunks.subList(i, Math.min(chunks.size(), i + 16));
        int first = i;
        tx.tenant(
            tenant,
            c -> {
              embedAndWrite(tenant, c, id, first, batch);
              return null;
            });
      }
      store.finished(tenant, id, true, null);
    } catch (TextExtractor.UnreadableDocument e) {
      store.finished(tenant, id, false, e.getMessage());
    }
    return store.get(tenant, id);
  }

  /** The lead history that drafts draw on beside the documents (its sweep runs in the app). */
  public LeadHistory history() {
    return history;
  }

  /**
   * Passages for a draft: up to three document chunks (those naming the lead's company first, then
   * chunks close to the lead and persona: company, title, industry, the persona's value
   * propositions, the brief), then up to two of the lead's history (its latest message, and the
   * closest). Nothing is embedded when there is neither a READY document nor any history.
   */
  @Override
  public List<Passage> find(TenantRef tenant, Lead lead, Persona persona, String brief) {
    boolean documents = store.anyReady(tenant);
    boolean past = history.any(tenant, lead.id());
    if (!documents && !past) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    add(parts, lead.company());
    add(parts, lead.title());
    add(parts, lead.industry());
    if (persona != null) {
      persona.valuePropositions().stream().limit(2).forEach(v -> add(parts, v));
    }
    add(parts, brief);
    if (parts.isEmpty()) {
      parts.add(lead.firstName() == null ? "our last conversation" : lead.firstName());
    }
    float[] query = embedder(tenant).embed(String.join(". ", parts));
    List<Passage> out = new ArrayList<>();
    if (documents) {
      out.addAll(documentPassages(tenant, lead, query));
    }
    if (past) {
      out.addAll(history.find(tenant, lead.id(), query));
    }
    return out;
  }

  private List<Passage> documentPassages(TenantRef tenant, Lead lead, float[] query) {
    Map<Long, KnowledgeHit> chosen = new LinkedHashMap<>();
    String company = lead.company() == null ? "" : lead.company().strip();
    if (company.length() >= 2) {
      for (KnowledgeHit h : store.mentioning(tenant, company, query, DRAFT_PASSAGES)) {
        chosen.put(h.chunkId(), h);
      }
    }
    for (KnowledgeHit h : store.search(tenant, query, DRAFT_PASSAGES)) {
      if (chosen.size() < DRAFT_PASSAGES && h.score() >= MIN_DRAFT_SCORE) {
        chosen.putIfAbsent(h.chunkId(), h);
      }
    }
    return chosen.values().stream()
        .map(h -> new Passage(Passage.DOCUMENT, h.documentId(), h.title(), h.chunkId(), h.text()))
        .toList();
  }

  private static void add(List<String> parts, String s) {
    if (s != null && !s.isBlank()) {
      parts.add(s.strip());
    }
  }
}
