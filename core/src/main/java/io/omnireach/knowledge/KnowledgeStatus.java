package io.omnireach.knowledge;

/** Where a document is on its way into the knowledge base. */
public enum KnowledgeStatus {
  /** Stored, its indexing job not started yet. */
  PENDING,
  /** The job extracts, chunks and embeds it. */
  INDEXING,
  /** All chunks are searchable. */
  READY,
  /** Extraction or embedding failed; {@code error} says why. */
  FAILED
}
