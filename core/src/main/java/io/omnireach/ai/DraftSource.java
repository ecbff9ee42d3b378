package io.omnireach.ai;

/** What a draft drew on: {@code kind} "document" with the document's id and file name. */
public record DraftSource(String kind, long id, String title) {}
