package io.omnireach.lead;

/** What a chunk of an import did. */
public record ImportCounts(int processed, int imported, int updated, int skipped, int failed) {}
