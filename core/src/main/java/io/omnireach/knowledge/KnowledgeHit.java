package io.omnireach.knowledge;

/** A chunk found by a search; score is the cosine similarity (1 = same direction). */
public record KnowledgeHit(
    long chunkId, long documentId, String title, int ordinal, String text, double score) {}
