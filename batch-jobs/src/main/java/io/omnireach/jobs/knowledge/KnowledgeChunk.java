package io.omnireach.jobs.knowledge;

/** One passage of the document on its way to the writer. */
record KnowledgeChunk(int ordinal, String text) {}
